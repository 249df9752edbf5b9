import { escapeXml, isPlainXml } from './xml.js';

/**
 * Canonical JSON for object-valued attributes: object keys sorted (so the
 * output does not depend on insertion order), `toJSON` honoured, bigints as
 * strings, cycles cut. U+FFFE/U+FFFF are escaped like JSON.stringify already
 * escapes controls and lone surrogates, so the JSON survives XML losslessly.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

/**
 * `escapeXml(canonicalJson(value))`. Evidence (arrays of flat records of plain strings and
 * numbers) is most of a big graph's GEXF, so it is written straight into its escaped form:
 * JSON.stringify and then replacing every quote by `&quot;` cost three times as much.
 */
export function canonicalJsonXml(value: unknown): string {
  return (Array.isArray(value) && flatRecordsXml(value)) || escapeXml(canonicalJson(value));
}

/**
 * Strings that JSON, liststring quoting and XML all write as they are: no quote, backslash,
 * control, surrogate or `&<>`.
 */
export function isPlain(text: string): boolean {
  return isPlainXml(text) && !text.includes('\\');
}

/**
 * canonicalJsonXml of an array of flat records (see writeFlatRecord); '' for any other array,
 * which then takes the general path. Escaping works item by item, so a record with a string to
 * escape (a tab, an `&`) takes the general path alone, not the hub's thousands of spans with it.
 */
function flatRecordsXml(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (
      item === null ||
      typeof item !== 'object' ||
      Object.getPrototypeOf(item) !== Object.prototype
    )
      return '';
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record);
    // a record of primitives holds no reference to the array, so it has no cycle to cut either
    const json =
      plainRecordXml(record, keys) ??
      (keys.every((key) => isPrimitive(record[key])) ? escapeXml(canonicalJson(record)) : '');
    if (json === '') return '';
    out += i > 0 ? `,${json}` : json;
  }
  return `${out}]`;
}

function isPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keys of the last record shape seen, and their `&quot;key&quot;:` prefixes in sorted order. */
let shapeKeys: string[] = [];
let shapeOrder: string[] = [];
let shapePrefixes: string[] = [];

/**
 * writeFlatRecord's text already escaped, for a record whose keys and strings are plain and
 * whose numbers are finite; undefined for any other.
 */
function plainRecordXml(record: Record<string, unknown>, keys: string[]): string | undefined {
  if (!sameKeys(keys, shapeKeys)) {
    if (!keys.every(isPlain)) return undefined;
    shapeKeys = keys;
    // the default sort compares code units, as writeFlatRecord does
    shapeOrder = [...keys].sort();
    shapePrefixes = shapeOrder.map((key, i) => `${i > 0 ? ',' : '{'}&quot;${key}&quot;:`);
  }
  let out = keys.length === 0 ? '{' : '';
  for (let k = 0; k < shapeOrder.length; k++) {
    const v = record[shapeOrder[k] as string];
    out += shapePrefixes[k];
    if (typeof v === 'string') {
      if (!isPlain(v)) return undefined;
      out += `&quot;${v}&quot;`;
    } else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') {
      out += String(v); // what JSON.stringify writes for both
    } else return undefined;
  }
  return `${out}}`;
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
