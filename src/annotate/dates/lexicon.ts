import { type LoadedYaml, loadLexiconWithPositions } from '../../lexicon/yaml-file.js';
import { KgError } from '../../util/errors.js';
import { LEXICON_DIR } from '../../util/paths.js';

export type Unit = 'year' | 'month' | 'week' | 'day';

interface Sides {
  before: string[];
  after: string[];
}

/** `src/lexicon/calendar.yaml` as validated by its schema. */
export interface CalendarData {
  months: Array<{ number: number; names: string[]; abbreviations: string[] }>;
  weekdays: Array<{ number: number; names: string[]; ambiguous?: string[] }>;
  direction: { past: Sides; future: Sides };
  relative: Array<{
    phrases: string[];
    unit: Unit;
    offset: number;
    partOfDay?: string;
    from?: 'previous' | 'recent';
  }>;
  counted: { units: Record<Unit, string[]>; ago: string[]; numbers: Record<string, number> };
  futureMarkers: string[];
  futureBarriers: string[];
  partsOfDay: Array<{ value: string; phrases: string[] }>;
  context: {
    prepositions: string[];
    weekdayPrepositions: string[];
    modifiers: string[];
    yearWords: string[];
    monthWords: string[];
    dayWords: string[];
    ordinalSuffixes: string[];
    rangeSeparators: string[];
    rangeOpeners: string[];
    rangeConjunctions: string[];
    listSeparators: string[];
    notYearBefore: string[];
  };
  anniversary: {
    prefixes: string[];
    ordinalPrefixes: string[];
    yearWords: string[];
    anniversaryWords: string[];
    linkers: string[];
    relations: string[];
    ownPair: string[];
  };
}

/** `src/lexicon/relations.yaml` as validated by its schema. */
export interface RelationsData {
  relations: Array<{ pair: [string, string]; established: string[]; note?: string }>;
  names: Record<string, string[]>;
}

/** Lookups keyed by `normalize(surface)`. */
export interface DateLexicon {
  calendar: CalendarData;
  months: Map<string, { month: number; abbreviation: boolean }>;
  weekdays: Map<string, { weekday: number; ambiguous: boolean }>;
  relative: Map<
    string,
    { unit: Unit; offset: number; partOfDay?: string; chained?: boolean; recent?: boolean }
  >;
  units: Map<string, Unit>;
  numbers: Map<string, number>;
  partsOfDay: Map<string, string>;
  pastWords: Set<string>;
  futureWords: Set<string>;
  /** country name -> ISO code, and which names must match with exact case */
  countries: Map<string, { iso: string; exact: string | undefined }>;
  /** `AA-BB` (sorted ISO codes) -> founding years, ascending */
  relations: Map<string, number[]>;
}

/** Keys already made: the scanner asks for the same few words ("Mei", "Rabu") over and over. */
const normalized = new Map<string, string>();
const NORMALIZED_KEPT = 4096;

/** Lower case, one space between words, straight apostrophes: the key of every lookup. */
export function normalize(surface: string): string {
  let key = normalized.get(surface);
  if (key === undefined) {
    key = surface
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
    if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
    normalized.set(surface, key);
  }
  return key;
}

export function pairKey(a: string, b: string): string {
  return [a, b].sort().join('-');
}

let cached: { dir: string; lexicon: DateLexicon } | undefined;

/** The calendar and relations lexicons, loaded, validated and indexed once per folder. */
export function loadDateLexicon(dir: string = LEXICON_DIR): DateLexicon {
  if (cached?.dir === dir) return cached.lexicon;
  const lexicon = buildDateLexicon(dir);
  cached = { dir, lexicon };
  return lexicon;
}

function buildDateLexicon(dir: string): DateLexicon {
  const calendarFile = loadLexiconWithPositions<CalendarData>('calendar', dir);
  const relationsFile = loadLexiconWithPositions<RelationsData>('relations', dir);
  const calendar = calendarFile.data;
  const fail = (file: LoadedYaml<unknown>, pointer: string, message: string): never => {
    const { line, column } = file.at(pointer);
    throw new KgError('E_LEXICON', message, { file: file.file, line, column, path: pointer });
  };

  // Each list must cover its whole range once: a missing month would silently never match.
  const monthNumbers = calendar.months.map((m) => m.number);
  calendar.months.forEach((m, i) => {
    if (monthNumbers.indexOf(m.number) !== i)
      fail(calendarFile, `/months/${i}/number`, `month ${m.number} listed twice`);
  });
  const weekdayNumbers = calendar.weekdays.map((w) => w.number);
  calendar.weekdays.forEach((w, i) => {
    if (weekdayNumbers.indexOf(w.number) !== i)
      fail(calendarFile, `/weekdays/${i}/number`, `weekday ${w.number} listed twice`);
    (w.ambiguous ?? []).forEach((name, j) => {
      if (!w.names.includes(name))
        fail(
          calendarFile,
          `/weekdays/${i}/ambiguous/${j}`,
          `ambiguous '${name}' is not one of the weekday's names`,
        );
    });
  });

  /** Index each surface of a list under its normalized form; a surface listed twice is an error. */
  const index = <V>(
    map: Map<string, V>,
    surfaces: string[],
    value: (surface: string) => V,
    pointer: string,
    file: LoadedYaml<unknown> = calendarFile,
  ): void => {
    surfaces.forEach((surface, j) => {
      const key = normalize(surface);
      if (map.has(key)) fail(file, `${pointer}/${j}`, `'${surface}' listed twice`);
      map.set(key, value(surface));
    });
  };

  const months = new Map<string, { month: number; abbreviation: boolean }>();
  calendar.months.forEach((m, i) => {
    index(months, m.names, () => ({ month: m.number, abbreviation: false }), `/months/${i}/names`);
    index(
      months,
      m.abbreviations,
      () => ({ month: m.number, abbreviation: true }),
      `/months/${i}/abbreviations`,
    );
  });
  const weekdays = new Map<string, { weekday: number; ambiguous: boolean }>();
  calendar.weekdays.forEach((w, i) => {
    const ambiguous = new Set(w.ambiguous ?? []);
    index(
      weekdays,
      w.names,
      (n) => ({ weekday: w.number, ambiguous: ambiguous.has(n) }),
      `/weekdays/${i}/names`,
    );
  });
  const relative = new Map<
    string,
    { unit: Unit; offset: number; partOfDay?: string; chained?: boolean; recent?: boolean }
  >();
  calendar.relative.forEach((r, i) => {
    const value: {
      unit: Unit;
      offset: number;
      partOfDay?: string;
      chained?: boolean;
      recent?: boolean;
    } = {
      unit: r.unit,
      offset: r.offset,
    };
    if (r.partOfDay) value.partOfDay = r.partOfDay;
    if (r.from === 'previous' || r.from === 'recent') value.chained = true;
    if (r.from === 'recent') value.recent = true;
    index(relative, r.phrases, () => value, `/relative/${i}/phrases`);
  });
  const units = new Map<string, Unit>();
  for (const [unit, words] of Object.entries(calendar.counted.units) as Array<[Unit, string[]]>) {
    index(units, words, () => unit, `/counted/units/${unit}`);
  }
  const numbers = new Map(
    Object.entries(calendar.counted.numbers).map(([k, v]) => [normalize(k), v]),
  );
  const partsOfDay = new Map<string, string>();
  calendar.partsOfDay.forEach((p, i) => {
    index(partsOfDay, p.phrases, () => p.value, `/partsOfDay/${i}/phrases`);
  });
  const { past, future } = calendar.direction;

  const relationsData = relationsFile.data;
  const countries = new Map<string, { iso: string; exact: string | undefined }>();
  for (const [iso, names] of Object.entries(relationsData.names)) {
    const entry = (name: string): { iso: string; exact: string | undefined } => {
      // all-capital short forms (AS, RI, UK) must match with exact case: "as" is a word
      const letters = name.replace(/[^\p{L}]/gu, '');
      return {
        iso,
        exact: letters.length <= 4 && letters === letters.toUpperCase() ? name : undefined,
      };
    };
    index(countries, names, entry, `/names/${iso}`, relationsFile);
  }
  const relations = new Map<string, number[]>();
  relationsData.relations.forEach((r, i) => {
    const [a, b] = r.pair;
    if (a > b)
      fail(relationsFile, `/relations/${i}/pair`, `pair ${a}-${b} must be sorted (${b}-${a})`);
    for (const [k, iso] of r.pair.entries()) {
      if (!relationsData.names[iso])
        fail(relationsFile, `/relations/${i}/pair/${k}`, `no names for ${iso} under names`);
    }
    const key = pairKey(a, b);
    if (relations.has(key)) fail(relationsFile, `/relations/${i}/pair`, `pair ${key} listed twice`);
    relations.set(
      key,
      r.established.map((d) => Number(d.slice(0, 4))).sort((x, y) => x - y),
    );
  });

  return {
    calendar,
    months,
    weekdays,
    relative,
    units,
    numbers,
    partsOfDay,
    pastWords: new Set([...past.before, ...past.after].map(normalize)),
    futureWords: new Set([...future.before, ...future.after].map(normalize)),
    countries,
    relations,
  };
}
