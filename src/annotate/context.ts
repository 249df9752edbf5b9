import type { Lexicon } from '../lexicon/index.js';
import type { Layer } from '../lexicon/types.js';
import type { ArticleMeta, Zone } from '../model/types.js';
import { type Sentence, splitSentences } from '../read/sentences.js';
import { classifyLines, type Line } from '../read/zones.js';
import { chooseAnchor, findDates } from './dates/index.js';
import { LAYERS, type Match } from './matcher.js';
import { type Token, tokenize } from './tokens.js';

export interface ArticleInput {
  id: string;
  text: string;
  meta: ArticleMeta;
  /** where the article body starts (after front matter) */
  bodyStart?: number;
}

/** A lexicon match inside one sentence. */
export interface SentenceMatch extends Match {
  sentence: number;
  zone: Zone;
}

/** Everything the annotators share about one article, computed once. */
export interface ArticleContext {
  id: string;
  text: string;
  meta: ArticleMeta;
  lexicon: Lexicon;
  lines: Line[];
  sentences: Sentence[];
  /** tokens per sentence */
  tokens: Token[][];
  /** matches per layer, in text order, each tagged with its sentence */
  matches: Record<Layer, SentenceMatch[]>;
  /** entity-layer matches of each sentence (indexed like `sentences`) */
  entitiesBySentence: SentenceMatch[][];
  /** every entity named by a full name, acronym or demonym: resolves ambiguous short forms */
  namedInFull: Set<string>;
  /** YYYY-MM-DD the article's relative dates and titles resolve against, when known */
  anchor?: string;
}

export function buildContext(input: ArticleInput, lexicon: Lexicon): ArticleContext {
  const lines = classifyLines(input.text, input.bodyStart ?? 0);
  const sentences = splitSentences(input.text, lines);
  const matches: Record<Layer, SentenceMatch[]> = {
    entity: [],
    sector: [],
    role: [],
    personRole: [],
    event: [],
  };
  const tokens: Token[][] = [];
  const entitiesBySentence: SentenceMatch[][] = [];
  const namedInFull = new Set<string>();
  for (let index = 0; index < sentences.length; index++) {
    const s = sentences[index] as Sentence;
    const toks = tokenize(input.text, s.start, s.end);
    tokens.push(toks);
    const inSentence: SentenceMatch[] = [];
    entitiesBySentence.push(inSentence);
    const byLayer = lexicon.matcher.matchByLayer(input.text, toks);
    for (let l = 0; l < byLayer.length; l++) {
      const list = byLayer[l];
      if (!list) continue;
      const layer = LAYERS[l] as Layer;
      const all = matches[layer];
      for (const m of list) {
        // the matcher's own objects, tagged in place: copying each one costs more than matching
        const match = m as SentenceMatch;
        match.sentence = index;
        match.zone = s.zone;
        all.push(match);
        if (layer === 'entity') {
          inSentence.push(match);
          if (m.surface.kind !== 'short') namedInFull.add(m.surface.target);
        }
      }
    }
  }
  const context: ArticleContext = {
    id: input.id,
    text: input.text,
    meta: input.meta,
    lexicon,
    lines,
    sentences,
    tokens,
    matches,
    entitiesBySentence,
    namedInFull,
  };
  const anchor = articleAnchor(input.text.slice(input.bodyStart ?? 0), input.meta.published);
  if (anchor) context.anchor = anchor;
  return context;
}

/**
 * The date the article speaks from: its published date, else its dateline or latest full date,
 * else the latest day its weekday-checked partial dates pin down ("Monday (July 3)" near a year).
 */
export function articleAnchor(text: string, published?: string): string | undefined {
  const chosen = chooseAnchor(text, published);
  if (chosen) return chosen.date;
  const days = findDates(text)
    .filter((d) => d.precision === 'day' && !d.future)
    .map((d) => d.date)
    .sort();
  return days.at(-1);
}
