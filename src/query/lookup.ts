import type { KgGraph } from '../graph/merge.js';
import type { Lexicon } from '../lexicon/index.js';
import { ENTITY_TYPES, type NodeType, typeOfKey } from '../model/types.js';
import { KgError } from '../util/errors.js';

/** A close match offered when a name is unknown. */
export interface Suggestion {
  key: string;
  label: string;
  /** the name that came close */
  name: string;
  distance: number;
}

/** An unknown name (code `E_NOT_FOUND`), with the close matches as data. */
export class LookupError extends KgError {
  readonly query: string;
  readonly suggestions: Suggestion[];

  constructor(query: string, message: string, suggestions: Suggestion[]) {
    const list = suggestions.map((s) => `${s.label} (${s.key})`).join(', ');
    super('E_NOT_FOUND', `${message}; ${list ? `close matches: ${list}` : 'no close match'}`);
    this.query = query;
    this.suggestions = suggestions;
  }
}

/** Case, accents and punctuation do not matter: "Tiongkok", "tiongkok", "TIONGKOK" are one name. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, giving up (returning `max + 1`) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

const ENTITY = new Set<NodeType>(ENTITY_TYPES);

// How sure a name is: keys, ids and labels first, then lexicon aliases, then sector wording
// (which overlaps names such as "Power of Siberia").
const TIER_LABEL = 1;
const TIER_ALIAS = 2;
const TIER_SECTOR_WORD = 3;

interface Candidate {
  key: string;
  tier: number;
  name: string;
}

/**
 * Names of the graph's nodes (keys, ids, labels) and of the lexicon's entities (every alias in
 * every language), normalized, for lookup and for "did you mean".
 */
export class NameIndex {
  private readonly names = new Map<string, Candidate[]>();

  constructor(
    private readonly graph: KgGraph,
    lexicon?: Lexicon,
  ) {
    graph.forEachNode((key, attrs) => {
      this.add(key, key, TIER_LABEL);
      this.add(key.slice(key.indexOf(':') + 1), key, TIER_LABEL);
      if (typeof attrs.label === 'string') this.add(attrs.label, key, TIER_LABEL);
    });
    for (const entity of lexicon?.entities.values() ?? []) {
      this.add(entity.label, entity.key, TIER_LABEL);
      const tier = entity.type === 'Sector' ? TIER_SECTOR_WORD : TIER_ALIAS;
      for (const alias of entity.aliases) this.add(alias, entity.key, tier);
    }
  }

  private add(name: string, key: string, tier: number): void {
    const normalized = normalizeName(name);
    if (normalized === '') return;
    const list = this.names.get(normalized) ?? [];
    if (!list.some((c) => c.key === key && c.tier <= tier)) list.push({ key, tier, name });
    this.names.set(normalized, list);
  }

  /**
   * The node key a name stands for. Exact keys win; otherwise the best tier with exactly one
   * candidate present in the graph. Throws `E_NOT_FOUND` (a {@link LookupError} with close
   * matches) for an unknown name, `E_USAGE` for an ambiguous one or one of the wrong type.
   */
  resolve(name: string, types?: readonly NodeType[]): string {
    const wanted = (key: string) => !types || types.includes(typeOfKey(key) as NodeType);
    if (this.graph.hasNode(name)) {
      if (wanted(name)) return name;
      throw wrongType(name, name, types ?? []);
    }
    const candidates = this.names.get(normalizeName(name)) ?? [];
    let absent: string | undefined;
    for (const tier of [TIER_LABEL, TIER_ALIAS, TIER_SECTOR_WORD]) {
      const keys = [
        ...new Set(candidates.filter((c) => c.tier === tier && wanted(c.key)).map((c) => c.key)),
      ].sort();
      const present = keys.filter((k) => this.graph.hasNode(k));
      if (present.length === 1 && present[0]) return present[0];
      if (present.length > 1)
        throw new KgError(
          'E_USAGE',
          `'${name}' is ambiguous: ${present.map((k) => `${this.label(k)} (${k})`).join(', ')}; give the full name or the key`,
        );
      absent ??= keys[0];
    }
    if (types) {
      // known, but not as one of the wanted types: say what it is
      const other = candidates.map((c) => c.key).find((k) => this.graph.hasNode(k));
      if (other) throw wrongType(name, other, types);
    }
    const what = absent
      ? `'${name}' (${absent}) is in the lexicon but not in this graph`
      : `no node named '${name}' in the graph`;
    throw new LookupError(name, what, this.suggest(name, types));
  }

  /**
   * Names in the graph close to `name`, best first, one per node: by edit distance, and at
   * distance 0 a longer name that has every word of `name` ("Jinping" → Xi Jinping).
   */
  suggest(name: string, types?: readonly NodeType[], limit = 5): Suggestion[] {
    const query = normalizeName(name);
    // about one edit in three characters, and nothing much worse than the best match
    const max = Math.max(1, Math.round(query.length / 3));
    const words = query.split(' ').filter(Boolean);
    const best = new Map<string, Suggestion>();
    for (const [normalized, candidates] of this.names) {
      const present = candidates.filter(
        (c) =>
          this.graph.hasNode(c.key) && (!types || types.includes(typeOfKey(c.key) as NodeType)),
      );
      if (present.length === 0) continue;
      // events' and articles' labels share words with everything: edit distance only
      const entity = present.some((c) => ENTITY.has(typeOfKey(c.key) as NodeType));
      const distance =
        entity && containsWords(normalized, words) ? 0 : editDistance(query, normalized, max);
      if (distance > max) continue;
      for (const c of present) {
        const seen = best.get(c.key);
        if (!seen || distance < seen.distance)
          best.set(c.key, { key: c.key, label: this.label(c.key), name: c.name, distance });
      }
    }
    const found = [...best.values()];
    const closest = Math.min(...found.map((s) => s.distance));
    return found
      .filter((s) => s.distance <= closest + 1)
      .sort(
        (a, b) => a.distance - b.distance || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
      )
      .slice(0, limit);
  }

  private label(key: string): string {
    return String(this.graph.getNodeAttribute(key, 'label') ?? key);
  }
}

function containsWords(name: string, words: string[]): boolean {
  if (words.length === 0) return false;
  const have = name.split(' ');
  return words.every((w) => have.includes(w));
}

function wrongType(name: string, key: string, types: readonly NodeType[]): KgError {
  return new KgError('E_USAGE', `'${name}' is ${key}, not a ${types.join(' or ')}`);
}
