/** Append a value to the list a map holds under a key (a new list, so a shared one is not changed). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}
