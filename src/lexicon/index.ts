import { Matcher } from '../annotate/matcher.js';
import { surfaceTokens } from '../annotate/tokens.js';
import type { EntityType } from '../model/types.js';
import { KgError } from '../util/errors.js';
import { fnv1a } from '../util/fnv.js';
import { LEXICON_DIR } from '../util/paths.js';
import { phraseSource } from '../util/regex.js';
import type {
  CaseRule,
  Layer,
  LexEntity,
  Role,
  Summit,
  Surface,
  SurfaceKind,
  Term,
} from './types.js';
import { type LoadedYaml, loadLexiconWithPositions } from './yaml-file.js';

interface NamedData {
  name: string;
  wikidata?: string;
  names: string[];
  acronyms?: string[];
  short?: string[];
  demonyms?: string[];
  country?: string;
  kind?: string;
  role?: string;
  terms?: Term[];
  members?: string[];
  memberOf?: string[];
}
interface SectorData {
  label: string;
  covers: string;
  wikidata?: string;
  id: string[];
  en: string[];
}
interface TitlesData {
  roles: Partial<Record<Role | 'leader' | 'head_of_state' | 'head_of_government', string[]>>;
  personRoles: string[];
  notNames?: string[];
  notHolder?: string[];
  pastHolder?: string[];
  honorifics?: string[];
  placeWords?: string[];
  placeRoles?: string[];
  institutionWords?: string[];
}

export interface Lexicon {
  entities: Map<string, LexEntity>;
  surfaces: Surface[];
  matcher: Matcher;
  /** leaders' terms, for resolving titles ("Presiden Rusia") at a date */
  leaders: LexEntity[];
  /** role names by title surface target */
  roleNames: Set<string>;
  /** multilateral summits with dates (summits.yaml) */
  summits: Summit[];
  /** event vocabulary categories: `meeting:talks`, `planned`, `agreement:memorandum`, `number:6`… */
  numbers: Map<string, number>;
  /** organizations whose summits make a meeting there multilateral */
  summitOrganizations: Set<string>;
  /** units after a figure that make a sentence a statistic */
  statisticUnits: string[];
  /** currency words before or after a country's name, and signs before a figure */
  currencies: { before: string[]; after: string[]; signs: string[] };
  /** words that open a subordinate clause: `any` finds them (global), `time` tests one */
  clauseWords: { any: RegExp; time: RegExp };
  /** lower-case words before a title that make it someone else's office */
  notHolder: Set<string>;
  /** matches, at the start of the text after a title, words that make it an earlier holder's */
  pastHolder: RegExp;
  /** lower-case words that never belong to a person's name found by pattern */
  notNames: Set<string>;
  /** lower-case courtesy words before a name ("mr", "pak") */
  honorifics: Set<string>;
  /** lower-case words for a kind of place ("daerah", "oblast"), never in a person's name */
  placeWords: Set<string>;
  /** lower-case roles of a place ("gubernur"): the place may stand before the name */
  placeRoles: Set<string>;
  /** lower-case words that begin an institution's name ("universitas", "centre") */
  institutionWords: Set<string>;
  /** a hash of every lexicon file's content, for caches */
  version: string;
}

/** How the case of a surface form must appear in text. */
export function caseRuleOf(surface: string, kind: SurfaceKind): CaseRule {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (kind === 'acronym') return 'exact';
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return 'exact';
  const first = surface.trim()[0] ?? '';
  if (kind === 'trigger' || kind === 'role') return 'any';
  return first !== first.toLowerCase() ? 'capital' : 'any';
}

const ENTITY_FILES: Array<[string, EntityType]> = [
  ['countries', 'Country'],
  ['leaders', 'Leader'],
  ['persons', 'Person'],
  ['locations', 'Location'],
  ['organizations', 'Organization'],
];

let cached: Lexicon | undefined;

/** The compiled lexicon (YAML parsed and validated, matcher built) — once per process and folder. */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  if (cached && dir === LEXICON_DIR) return cached;
  const lexicon = buildLexicon(dir);
  if (dir === LEXICON_DIR) cached = lexicon;
  return lexicon;
}

function buildLexicon(dir: string): Lexicon {
  const entities = new Map<string, LexEntity>();
  const surfaces: Surface[] = [];
  // entity-layer surface -> owner, to refuse one alias that names two things
  const owners = new Map<string, { key: string; file: LoadedYaml<unknown>; pointer: string }>();
  const hashParts: string[] = [];

  const addSurface = (
    text: string,
    layer: Layer,
    kind: SurfaceKind,
    target: string,
    origin?: { file: LoadedYaml<unknown>; pointer: string },
  ): void => {
    const { tokens, gaps } = surfaceTokens(text);
    if (tokens.length === 0) return;
    const caseRule = caseRuleOf(text, kind);
    if (layer === 'entity' && kind !== 'short' && origin) {
      const id = `${caseRule === 'exact' ? text : tokens.join(' ')}|${caseRule}`;
      const owner = owners.get(id);
      if (owner && owner.key !== target) {
        const { line, column } = origin.file.at(origin.pointer);
        throw new KgError('E_LEXICON', `alias '${text}' names both ${owner.key} and ${target}`, {
          file: origin.file.file,
          line,
          column,
          path: origin.pointer,
        });
      }
      owners.set(id, { key: target, ...origin });
    }
    surfaces.push({ text, tokens, gaps, caseRule, layer, kind, target });
  };

  for (const [name, type] of ENTITY_FILES) {
    const loaded = loadLexiconWithPositions<Record<string, NamedData>>(name, dir);
    hashParts.push(JSON.stringify(loaded.data));
    for (const [id, d] of Object.entries(loaded.data ?? {})) {
      const key = `${type}:${id}`;
      const entity: LexEntity = {
        key,
        type,
        id,
        label: d.name,
        aliases: [
          d.name,
          ...d.names,
          ...(d.acronyms ?? []),
          ...(d.short ?? []),
          ...(d.demonyms ?? []),
        ],
      };
      if (d.wikidata) entity.wikidata = d.wikidata;
      if (d.country) entity.country = d.country;
      if (d.kind) entity.kind = d.kind;
      if (d.terms) entity.terms = d.terms;
      if (d.members) entity.members = d.members;
      if (d.memberOf) entity.memberOf = d.memberOf;
      entities.set(key, entity);
      const lists: Array<[string[] | undefined, SurfaceKind, string]> = [
        [[d.name, ...d.names], 'name', 'names'],
        [d.acronyms, 'acronym', 'acronyms'],
        [d.demonyms, 'demonym', 'demonyms'],
        [d.short, 'short', 'short'],
      ];
      for (const [list, kind, field] of lists) {
        const seen = new Set<string>();
        (list ?? []).forEach((text, i) => {
          if (seen.has(text)) return;
          seen.add(text);
          const pointer =
            field === 'names' && i === 0
              ? `/${id}/name`
              : `/${id}/${field}/${field === 'names' ? i - 1 : i}`;
          addSurface(text, 'entity', kind, key, { file: loaded as LoadedYaml<unknown>, pointer });
        });
      }
    }
  }

  const sectors = loadLexiconWithPositions<Record<string, SectorData>>('sectors', dir);
  hashParts.push(JSON.stringify(sectors.data));
  for (const [id, d] of Object.entries(sectors.data)) {
    const key = `Sector:${id}`;
    entities.set(key, {
      key,
      type: 'Sector',
      id,
      label: d.label,
      aliases: [d.label, ...d.id, ...d.en],
      ...(d.wikidata ? { wikidata: d.wikidata } : {}),
    });
    for (const text of new Set([...d.id, ...d.en])) addSurface(text, 'sector', 'trigger', key);
  }

  const titles = loadLexiconWithPositions<TitlesData>('titles', dir);
  hashParts.push(JSON.stringify(titles.data));
  const roleNames = new Set<string>();
  for (const [role, words] of Object.entries(titles.data.roles)) {
    roleNames.add(role);
    for (const text of new Set(words ?? [])) addSurface(text, 'role', 'role', role);
  }
  for (const text of new Set(titles.data.personRoles))
    addSurface(text, 'personRole', 'role', 'person');

  // event vocabulary: each list becomes surfaces of the 'event' layer, target `<category>[:<kind>]`
  const events = loadLexiconWithPositions<Record<string, unknown>>('events', dir);
  hashParts.push(JSON.stringify(events.data));
  const numbers = new Map<string, number>();
  for (const [category, value] of Object.entries(events.data)) {
    if (
      category === 'summitOrganizations' ||
      category === 'statisticUnits' ||
      category === 'currencies' ||
      category === 'clauseWords'
    )
      continue;
    if (Array.isArray(value)) {
      for (const text of new Set(value as string[])) addSurface(text, 'event', 'trigger', category);
    } else if (value && typeof value === 'object') {
      for (const [kind, list] of Object.entries(value as Record<string, unknown>)) {
        if (Array.isArray(list))
          for (const text of new Set(list as string[]))
            addSurface(text, 'event', 'trigger', `${category}:${kind}`);
        else if (typeof list === 'number') {
          addSurface(kind, 'event', 'trigger', `${category}:${list}`);
          numbers.set(kind.toLowerCase(), list);
        }
      }
    }
  }
  const summits = loadLexiconWithPositions<Summit[]>('summits', dir);
  hashParts.push(JSON.stringify(summits.data));
  for (const summit of summits.data)
    for (const text of new Set((summit as Summit & { names?: string[] }).names ?? []))
      addSurface(text, 'event', 'name', `summit:${summit.id}`);

  const leaders = [...entities.values()].filter((e) => e.type === 'Leader');
  return {
    entities,
    surfaces,
    matcher: new Matcher(surfaces),
    leaders,
    roleNames,
    summits: summits.data,
    summitOrganizations: new Set((events.data.summitOrganizations as string[] | undefined) ?? []),
    statisticUnits: (events.data.statisticUnits as string[] | undefined) ?? [],
    currencies: (events.data.currencies as Lexicon['currencies'] | undefined) ?? {
      before: [],
      after: [],
      signs: [],
    },
    clauseWords: clauseWordPatterns(
      (events.data.clauseWords as { time: string[]; other: string[] } | undefined) ?? {
        time: [],
        other: [],
      },
    ),
    notHolder: new Set((titles.data.notHolder ?? []).map((w) => w.toLowerCase())),
    pastHolder: phrasesAtStart(titles.data.pastHolder ?? []),
    notNames: new Set((titles.data.notNames ?? []).map((w) => w.toLowerCase())),
    honorifics: new Set((titles.data.honorifics ?? []).map((w) => w.toLowerCase())),
    placeWords: new Set((titles.data.placeWords ?? []).map((w) => w.toLowerCase())),
    placeRoles: new Set((titles.data.placeRoles ?? []).map((w) => w.toLowerCase())),
    institutionWords: new Set((titles.data.institutionWords ?? []).map((w) => w.toLowerCase())),
    numbers,
    version: hashString(hashParts.join('\n')),
  };
}

/**
 * A pattern for any of `phrases` at the start of a text, after spaces or a comma, and ending at a
 * word's end (see phraseSource). It matches nothing when there are none.
 */
function phrasesAtStart(phrases: string[]): RegExp {
  if (phrases.length === 0) return /$^/u;
  return new RegExp(`^[\\s,]*(?:${phrases.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The clause words as patterns: a semicolon or any of the words, whole (`\b` as under `iu`, as
 * Clauses counts words), longest first; and a test of one found word for a time word.
 */
function clauseWordPatterns(words: { time: string[]; other: string[] }): {
  any: RegExp;
  time: RegExp;
} {
  const alternation = (list: string[]) =>
    [...list]
      .sort((a, b) => b.length - a.length)
      .map(phraseSource)
      .join('|');
  const all = [...words.time, ...words.other];
  return {
    any: new RegExp(all.length ? `[;]|\\b(?:${alternation(all)})\\b` : '[;]', 'giu'),
    time: new RegExp(words.time.length ? `^(?:${alternation(words.time)})$` : '$^', 'iu'),
  };
}

/** FNV-1a, hex: a cheap content fingerprint (not for security). */
export function hashString(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}

export type { LexEntity, Surface } from './types.js';
