/**
 * Canonical JSON for object-valued attributes: object keys sorted (so the
 * output does not depend on insertion order), `toJSON` honoured, bigints as
 * strings, cycles cut. U+FFFE/U+FFFF are escaped like JSON.stringify already
 * escapes controls and lone surrogates, so the JSON survives XML losslessly.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

const NONCHARACTER = /[\uFFFE\uFFFF]/;

function writeString(value: string): string {
  const json = JSON.stringify(value);
  return NONCHARACTER.test(json)
    ? json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    : json;
}

/**
 * The common case written directly: a plain object whose values are all strings, finite
 * numbers or booleans (every evidence item), giving what `write` gives. Undefined for anything
 * else, which then takes the general path.
 */
function writeFlatRecord(value: object): string | undefined {
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    let json: string;
    if (typeof v === 'string') json = writeString(v);
    else if (typeof v === 'number' && Number.isFinite(v)) json = JSON.stringify(v);
    else if (typeof v === 'boolean') json = String(v);
    else return undefined;
    out += `${out.length > 1 ? ',' : ''}${writeString(k)}:${json}`;
  }
  return `${out}}`;
}

function write(value: unknown, ancestors: Set<object>): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return write((value as { toJSON: () => unknown }).toJSON(), ancestors);
  }
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      return JSON.stringify(String(value));
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols: dropped as JSON.stringify does
  }
  if (value === null) return 'null';
  const flat = Array.isArray(value) ? undefined : writeFlatRecord(value);
  if (flat !== undefined) return flat;
  if (ancestors.has(value)) return '"[Circular]"';
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value) || value instanceof Set) {
    out = `[${Array.from(value, (item) => write(item, ancestors) ?? 'null').join(',')}]`;
  } else {
    const parts: string[] = [];
    if (value instanceof Map) {
      const entries = Array.from(value, ([k, v]): [string, unknown] => [String(k), v]);
      for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const json = write(v, ancestors);
        if (json !== undefined) parts.push(`${write(k, ancestors)}:${json}`);
      }
    } else {
      // the default sort compares code units, as the comparator above does
      for (const k of Object.keys(value).sort()) {
        const json = write((value as Record<string, unknown>)[k], ancestors);
        if (json !== undefined) parts.push(`${write(k, ancestors)}:${json}`);
      }
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}
