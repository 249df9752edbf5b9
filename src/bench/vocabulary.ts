import { loadDateLexicon } from '../annotate/dates/lexicon.js';
import type { Lexicon } from '../lexicon/index.js';
import type { LexEntity } from '../lexicon/types.js';

/** A leader with the office the templates give them (their latest term). */
export interface BenchLeader {
  names: string[];
  short: string[];
  country: string;
  role: string;
}

/**
 * Words the synthetic articles are made of, all drawn from the lexicon, so the annotators
 * find in synthetic text what they find in news: names, titles, places, documents, sectors,
 * meeting words and calendar names.
 */
export interface BenchVocabulary {
  /** Russian and Chinese leaders first: most articles are about them, as in the real corpus */
  mainLeaders: BenchLeader[];
  leaders: BenchLeader[];
  /** role name (`president`) -> title words */
  titles: Map<string, string[]>;
  /** ISO code -> country names and demonyms */
  countries: Map<string, string[]>;
  countryCodes: string[];
  places: string[];
  organizations: string[];
  persons: string[];
  personRoles: string[];
  sectors: string[];
  documents: string[];
  meetingWords: string[];
  signingWords: string[];
  months: { id: string[]; en: string[] };
  weekdays: { id: string[]; en: string[] };
}

const surfacesOf = (lexicon: Lexicon, test: (layer: string, target: string) => boolean) =>
  lexicon.surfaces.filter((s) => test(s.layer, s.target)).map((s) => s.text);

/** Sorted by key so the vocabulary does not depend on the order of the lexicon's Maps. */
function entitiesOf(lexicon: Lexicon, type: string): LexEntity[] {
  return [...lexicon.entities.values()]
    .filter((e) => e.type === type)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function benchVocabulary(lexicon: Lexicon): BenchVocabulary {
  const shortOf = new Map<string, string[]>();
  const namesOf = new Map<string, string[]>();
  for (const s of lexicon.surfaces) {
    if (s.layer !== 'entity') continue;
    const map = s.kind === 'short' ? shortOf : s.kind === 'name' ? namesOf : undefined;
    if (!map) continue;
    map.set(s.target, [...(map.get(s.target) ?? []), s.text]);
  }
  const leaders: BenchLeader[] = [];
  for (const e of entitiesOf(lexicon, 'Leader')) {
    const term = e.terms?.at(-1);
    const names = namesOf.get(e.key) ?? [];
    if (!term || names.length === 0) continue;
    leaders.push({
      names,
      short: shortOf.get(e.key) ?? [],
      country: term.country,
      role: term.role,
    });
  }
  const titles = new Map<string, string[]>();
  for (const s of lexicon.surfaces)
    if (s.layer === 'role') titles.set(s.target, [...(titles.get(s.target) ?? []), s.text]);
  const countries = new Map<string, string[]>();
  for (const e of entitiesOf(lexicon, 'Country')) {
    const names = lexicon.surfaces
      .filter((s) => s.target === e.key && (s.kind === 'name' || s.kind === 'demonym'))
      .map((s) => s.text);
    if (names.length > 0) countries.set(e.id, names);
  }
  const named = (type: string) =>
    entitiesOf(lexicon, type).flatMap((e) => (namesOf.get(e.key) ?? []).slice(0, 3));
  const calendar = loadDateLexicon().calendar;
  // the lexicon lists the Indonesian name first and the English one last
  const first = (lists: Array<{ names: string[] }>) => lists.map((m) => m.names[0] ?? '');
  const last = (lists: Array<{ names: string[] }>) => lists.map((m) => m.names.at(-1) ?? '');
  const months = [...calendar.months].sort((a, b) => a.number - b.number);
  const weekdays = [...calendar.weekdays].sort((a, b) => a.number - b.number);
  return {
    mainLeaders: leaders.filter((l) => l.country === 'RU' || l.country === 'CN'),
    leaders,
    titles,
    countries,
    countryCodes: [...countries.keys()].sort(),
    places: named('Location'),
    organizations: entitiesOf(lexicon, 'Organization').flatMap((e) => e.aliases.slice(0, 2)),
    persons: named('Person'),
    personRoles: surfacesOf(lexicon, (layer) => layer === 'personRole'),
    sectors: surfacesOf(lexicon, (layer) => layer === 'sector'),
    documents: surfacesOf(lexicon, (layer, t) => layer === 'event' && t.startsWith('agreement:')),
    meetingWords: surfacesOf(
      lexicon,
      (layer, t) => layer === 'event' && /^meeting:(talks|state_visit|official_visit)/.test(t),
    ),
    signingWords: surfacesOf(lexicon, (layer, t) => layer === 'event' && t === 'signing'),
    months: { id: first(months), en: last(months) },
    weekdays: { id: first(weekdays), en: last(weekdays) },
  };
}
