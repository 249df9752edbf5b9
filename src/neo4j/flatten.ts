/**
 * Graph attributes -> Neo4j properties. Neo4j stores only primitives and
 * homogeneous lists of primitives, so everything else becomes a JSON string.
 * The same properties feed `kg push`, the Cypher script and the CSV files, so
 * the three agree on every value and on `_hash`.
 */
import { createHash } from 'node:crypto';
import { KgError } from '../util/errors.js';

/** `bigint` is a Cypher INTEGER, `number` a Cypher FLOAT (the driver packs them so). */
export type Scalar = string | number | bigint | boolean;
export type PropertyValue = Scalar | string[] | number[] | bigint[] | boolean[];
export type Properties = Record<string, PropertyValue>;

export type ScalarKind = 'string' | 'int' | 'float' | 'boolean';
export interface PropertyKind {
  kind: ScalarKind;
  list: boolean;
}

/**
 * Layout is a view of the graph, not data: positions move whenever an article
 * is added, which would turn every node into "updated" on each push.
 */
export const DROPPED_ATTRIBUTES: ReadonlySet<string> = new Set(['type', 'x', 'y', 'size', 'color']);

/** Attributes the data model defines as whole numbers; every other number is a float. */
export const INTEGER_PROPERTIES: ReadonlySet<string> = new Set(['count', 'weight', 'start', 'end']);

/** Written by the flattener itself; an attribute of the same name would be overwritten. */
export const NODE_RESERVED: ReadonlySet<string> = new Set(['key', '_hash']);
/** Relationships also carry their evidence as parallel lists (see flattenEdge). */
export const RELATIONSHIP_RESERVED: ReadonlySet<string> = new Set([
  'key',
  '_hash',
  'article',
  'start',
  'end',
  'text',
]);

/** Property names become CSV headers (`name:type`), so they must be plain identifiers. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface EvidenceItem {
  article: string;
  start: number;
  end: number;
  text: string;
  [field: string]: unknown;
}

function fail(where: string, message: string): never {
  throw new KgError('E_EXPORT', `${where}: ${message}`);
}

function scalarOf(name: string, value: unknown, where: string): Scalar | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      fail(where, `attribute '${name}' is ${value}, not a finite number`);
    return INTEGER_PROPERTIES.has(name) && Number.isInteger(value) ? BigInt(value) : value;
  }
  return undefined;
}

/** One attribute value -> a property value, or undefined to leave the property out. */
export function flattenValue(
  name: string,
  value: unknown,
  where: string,
): PropertyValue | undefined {
  if (value === null || value === undefined) return undefined;
  const scalar = scalarOf(name, value, where);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) {
    // An empty list has no element type: neo4j-admin cannot type it and a
    // missing property reads as null in Cypher, so leave it out.
    if (value.length === 0) return undefined;
    const items: Scalar[] = new Array(value.length);
    let kind: string | undefined;
    let mixedNumbers = false;
    for (let i = 0; i < value.length; i++) {
      const item = scalarOf(name, value[i], where);
      if (item === undefined) return JSON.stringify(value);
      const k = typeof item;
      if (kind === undefined) kind = k;
      else if (k !== kind) {
        // ints mixed with floats of an integer property: all floats
        if ((k === 'bigint' || k === 'number') && (kind === 'bigint' || kind === 'number'))
          mixedNumbers = true;
        else return JSON.stringify(value);
      }
      items[i] = item;
    }
    return (mixedNumbers ? items.map((item) => Number(item)) : items) as PropertyValue;
  }
  // maps, lists of maps, mixed lists: JSON keeps every detail and stays queryable as text
  return JSON.stringify(value);
}

function checkName(name: string, reserved: ReadonlySet<string>, where: string): void {
  if (!PROPERTY_NAME.test(name)) fail(where, `attribute '${name}' is not a valid property name`);
  if (reserved.has(name)) fail(where, `attribute '${name}' is reserved for the Neo4j export`);
}

function flattenAttributes(
  attributes: Record<string, unknown>,
  reserved: ReadonlySet<string>,
  where: string,
): Properties {
  const props: Properties = {};
  for (const name of Object.keys(attributes).sort()) {
    if (DROPPED_ATTRIBUTES.has(name)) continue;
    checkName(name, reserved, where);
    const value = flattenValue(name, attributes[name], where);
    if (value !== undefined) props[name] = value;
  }
  return props;
}

/** Canonical text of properties: sorted names, ints and floats told apart. */
function canonical(value: PropertyValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return `${value}f`;
  return JSON.stringify(value);
}

/** Content hash stored as `_hash`: tells "updated" from "unchanged" without reading properties back. */
export function contentHash(name: string, props: Properties): string {
  const parts = [name];
  for (const key of Object.keys(props).sort()) {
    if (key !== '_hash') parts.push(key, canonical(props[key] as PropertyValue));
  }
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Node attributes -> properties including `key` and `_hash`. */
export function flattenNode(
  key: string,
  label: string,
  attributes: Record<string, unknown>,
): Properties {
  const props: Properties = {
    key,
    ...flattenAttributes(attributes, NODE_RESERVED, `node '${key}'`),
  };
  props._hash = contentHash(label, props);
  return props;
}

export function readEvidence(value: unknown, where: string): EvidenceItem[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(where, 'evidence is not a list');
  for (const item of value) {
    const ok =
      item !== null &&
      typeof item === 'object' &&
      typeof item.article === 'string' &&
      Number.isInteger(item.start) &&
      Number.isInteger(item.end) &&
      typeof item.text === 'string';
    if (!ok) fail(where, `evidence item ${JSON.stringify(item)} lacks article, start, end or text`);
  }
  return value as EvidenceItem[];
}

/**
 * Relationship attributes -> properties. Besides the `evidence` JSON, item i of
 * the evidence is `article[i]`, `start[i]`, `end[i]`, `text[i]`: Cypher without
 * APOC cannot parse JSON, and relationships cannot point at Article nodes.
 */
export function flattenEdge(
  key: string,
  type: string,
  attributes: Record<string, unknown>,
): Properties {
  const where = `relationship '${key}'`;
  const props: Properties = { key, ...flattenAttributes(attributes, RELATIONSHIP_RESERVED, where) };
  const evidence = readEvidence(attributes.evidence, where);
  if (evidence.length > 0) {
    props.article = evidence.map((e) => e.article);
    props.start = evidence.map((e) => BigInt(e.start));
    props.end = evidence.map((e) => BigInt(e.end));
    props.text = evidence.map((e) => e.text);
  }
  props._hash = contentHash(type, props);
  return props;
}

/** The Neo4j type of a property value (CSV headers, tests). */
export function propertyKind(value: PropertyValue): PropertyKind {
  const list = Array.isArray(value);
  const sample = list ? (value as Scalar[])[0] : value;
  const kind: ScalarKind =
    typeof sample === 'bigint'
      ? 'int'
      : typeof sample === 'number'
        ? 'float'
        : typeof sample === 'boolean'
          ? 'boolean'
          : 'string';
  return { kind, list };
}
