/**
 * Cypher literals: writing values into a script that needs no parameters
 * (`kg export --format cypher`), and reading them back (the cookbook's
 * `:params` headers, and tests that check the round trip).
 * Integers are `bigint`, floats `number`, as in the push parameters.
 */
import { KgError } from '../util/errors.js';

export type CypherValue = null | boolean | string | number | bigint | CypherValue[] | CypherMap;
export interface CypherMap {
  [key: string]: CypherValue;
}

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * Characters written as `\uXXXX`: controls, line separators, bidirectional
 * controls and the BOM (invisible or able to reorder how the script reads),
 * and lone surrogates (not encodable in UTF-8).
 */
const ESCAPED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
  /[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export function cypherString(value: string): string {
  return `'${value.replace(ESCAPED, (c) => SHORT_ESCAPES[c] ?? hex4(c))}'`;
}

/** A FLOAT literal: always with a fraction or exponent, so `1` stays a float. */
export function cypherFloat(value: number): string {
  if (!Number.isFinite(value)) {
    throw new KgError('E_EXPORT', `cannot write ${value} as a Cypher literal`);
  }
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A map key or name: bare when a plain identifier, else in backticks (doubled inside). */
export function cypherName(name: string): string {
  return IDENTIFIER.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

export function toCypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return cypherString(value);
    case 'number':
      return cypherFloat(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) return `[${value.map((v) => toCypherLiteral(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${cypherName(k)}: ${toCypherLiteral(v)}`).join(', ')}}`;
  }
  throw new KgError('E_EXPORT', `cannot write a ${typeof value} as a Cypher literal`);
}

const UNESCAPE: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};

/** Reads one Cypher literal (strings, numbers, booleans, null, lists, maps); throws on anything else. */
export function parseCypherLiteral(text: string): CypherValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new KgError('E_INPUT', `Cypher literal at offset ${i}: ${what}`);
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) fail(`expected '${c}'`);
    i++;
  };
  const string = (): string => {
    const quote = text[i++];
    let out = '';
    while (i < text.length && text[i] !== quote) {
      const c = text[i++] as string;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[i++] as string;
      if (e === 'u' || e === 'U') {
        const width = e === 'u' ? 4 : 8;
        const digits = text.slice(i, i + width);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== width) fail('bad unicode escape');
        out += String.fromCodePoint(Number.parseInt(digits, 16));
        i += width;
      } else if (e in UNESCAPE) {
        out += UNESCAPE[e];
      } else {
        fail(`unknown escape '\\${e}'`);
      }
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return out;
  };
  const name = (): string => {
    space();
    if (text[i] === '`') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated name');
        if (text[i] === '`') {
          if (text[i + 1] !== '`') break;
          i++;
        }
        out += text[i++];
      }
      i++;
      return out;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!match) fail('expected a map key');
    i += (match as RegExpExecArray)[0].length;
    return (match as RegExpExecArray)[0];
  };
  const value = (): CypherValue => {
    space();
    const c = text[i];
    if (c === "'" || c === '"') return string();
    if (c === '[') {
      i++;
      const list: CypherValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return list;
      }
      for (;;) {
        list.push(value());
        space();
        if (text[i] === ']') break;
        expect(',');
      }
      i++;
      return list;
    }
    if (c === '{') {
      i++;
      const map: CypherMap = {};
      space();
      if (text[i] === '}') {
        i++;
        return map;
      }
      for (;;) {
        const key = name();
        expect(':');
        map[key] = value();
        space();
        if (text[i] === '}') break;
        expect(',');
      }
      i++;
      return map;
    }
    const word = /^(?:true|false|null)\b/i.exec(text.slice(i));
    if (word) {
      i += word[0].length;
      const w = word[0].toLowerCase();
      return w === 'null' ? null : w === 'true';
    }
    const number = /^-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE]-?\d+)?/.exec(text.slice(i));
    if (!number) return fail('expected a literal');
    i += number[0].length;
    return /[.eE]/.test(number[0]) ? Number(number[0]) : BigInt(number[0]);
  };
  const result = value();
  space();
  if (i !== text.length) fail('unexpected text after the literal');
  return result;
}
