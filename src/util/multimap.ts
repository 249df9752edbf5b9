/** Append a value to the list a map holds under a key (a new list, so a shared one is not changed). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** Append every list of `from` to the list `into` holds under the same key (new lists, as `push`). */
export function pushAll<K, V>(into: Map<K, V[]>, from: Map<K, V[]>): void {
  for (const [key, values] of from) into.set(key, [...(into.get(key) ?? []), ...values]);
}
