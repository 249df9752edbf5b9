/**
 * GEXF attribute columns: one per attribute name and element class, typed from
 * every value it takes so Gephi can filter and partition on it.
 *
 * - booleans -> boolean; integers -> integer (32-bit) or long; other numbers -> double
 * - strings -> string (dates too: neither GEXF 1.2 nor 1.3 has a date type)
 * - arrays of strings/numbers/booleans -> liststring, written `["a", "b"]`, the
 *   list syntax Gephi 0.9+ and graphology-gexf parse
 * - objects and other arrays -> string holding canonical JSON
 * - a name whose values disagree in kind -> string (numbers widen instead, empty
 *   lists take the kind of the other lists, lists of primitives join JSON)
 * Contract attributes keep one type whatever the data: see TYPE_HINTS.
 */
import { canonicalJson, canonicalJsonXml, isPlain } from './json.js';
import { escapeXml } from './xml.js';

export type GexfType = 'boolean' | 'integer' | 'long' | 'double' | 'string' | 'liststring';
type Kind = Exclude<GexfType, 'liststring'> | 'empty-list' | 'list' | 'json';

export interface Column {
  /** `0`, `1`, ... in title order; numeric ids make graphology-gexf key values by title */
  id: string;
  title: string;
  type: GexfType;
}

/** Types by contract, used when the data agree (confidence stays double if all are 0 or 1). */
const TYPE_HINTS = new Map<string, Kind>([
  ['articles', 'list'],
  ['confidence', 'double'],
  ['evidence', 'json'],
]);
const NUMERIC: Kind[] = ['integer', 'long', 'double'];
const LISTS: Kind[] = ['empty-list', 'list', 'json'];

/** Unwraps `toJSON` (dates) and Sets; undefined means "write nothing". */
export function plainValue(value: unknown): unknown {
  if (value instanceof Set) return Array.from(value);
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  if (
    value === null ||
    Number.isNaN(value) ||
    typeof value === 'function' ||
    typeof value === 'symbol'
  ) {
    return undefined;
  }
  return value;
}

function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      if (!Number.isSafeInteger(value)) return 'double';
      return Math.abs(value) <= 0x7fffffff ? 'integer' : 'long';
    case 'object':
      if (!Array.isArray(value)) return 'json';
      if (value.length === 0) return 'empty-list';
      return value.every(isPrimitive) ? 'list' : 'json';
    default:
      return 'string';
  }
}

function isPrimitive(item: unknown): item is string | number | boolean {
  return typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
}

/** The narrowest kind holding both; orders in NUMERIC and LISTS go from narrow to wide. */
function merge(a: Kind, b: Kind): Kind {
  if (a === b) return a;
  for (const order of [NUMERIC, LISTS]) {
    const i = order.indexOf(a);
    const j = order.indexOf(b);
    if (i >= 0 && j >= 0) return order[Math.max(i, j)] as Kind;
  }
  return 'string';
}

/** Column types from every value each title takes, added one at a time (no record per element). */
export class ColumnTypes {
  private readonly kinds = new Map<string, Kind>();

  /** A plain value (see plainValue), not undefined. */
  add(title: string, value: unknown): void {
    const kind = kindOf(value);
    const seen = this.kinds.get(title);
    // merge is commutative and associative: the order values come in does not matter
    this.kinds.set(title, seen === undefined ? kind : merge(seen, kind));
  }

  columns(): Column[] {
    const titles = [...this.kinds.keys()].sort(compareStrings);
    return titles.map((title, index) => {
      let kind = this.kinds.get(title) as Kind;
      const hint = TYPE_HINTS.get(title);
      if (hint && merge(kind, hint) === hint) kind = hint;
      const type: GexfType =
        kind === 'list' || kind === 'empty-list' ? 'liststring' : kind === 'json' ? 'string' : kind;
      return { id: String(index), title, type };
    });
  }
}

/** Records hold plain values (see plainValue) without undefined entries. */
export function inferColumns(records: Iterable<Record<string, unknown>>): Column[] {
  const types = new ColumnTypes();
  for (const record of records) {
    for (const [title, value] of Object.entries(record)) types.add(title, value);
  }
  return types.columns();
}

/** The attvalue text of a plain value in a column of the given type. */
export function formatValue(type: GexfType, value: unknown): string {
  if (type === 'liststring') {
    return `[${(value as unknown[]).map((item) => quoteItem(String(item))).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) return canonicalJson(value);
  return String(value);
}

/**
 * `escapeXml(formatValue(type, value))`, chosen once per column: lists and JSON are written
 * straight into their escaped form when their strings are plain (nearly always).
 */
export function formatValueXml(type: GexfType): (value: unknown) => string {
  if (type === 'liststring') return (value) => listXml(value as unknown[]);
  return (value) =>
    typeof value === 'object' && value !== null
      ? canonicalJsonXml(value)
      : escapeXml(String(value));
}

/** Items are escaped one by one: the `", "` between them keeps escaping from crossing them. */
function listXml(items: unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = String(items[i]);
    const quoted = isPlain(item) ? item : escapeXml(backslashed(item));
    out += i > 0 ? `, &quot;${quoted}&quot;` : `&quot;${quoted}&quot;`;
  }
  return `${out}]`;
}

function quoteItem(item: string): string {
  return `"${backslashed(item)}"`;
}

function backslashed(item: string): string {
  return item.replace(/[\\"]/g, (c) => `\\${c}`);
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
