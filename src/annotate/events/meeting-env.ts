/**
 * What the meeting rules share about one article: its leaders' countries and offices, its two
 * leaders, its clauses, and the meeting each sentence has reported so far.
 */

import type { LexEntity } from '../../lexicon/types.js';
import type { ArticleContext } from '../context.js';
import { officeAt } from '../entities/offices.js';
import type { Mention } from '../mention.js';
import type { Clauses } from './clauses.js';
import { has, type SentenceFacts } from './facts.js';
import type { MeetingEvent } from './meetings.js';

export interface MeetingEnv {
  ctx: ArticleContext;
  facts: SentenceFacts[];
  countryOf: Map<string, string>;
  roleOf: Map<string, string>;
  mainPair: string[];
  articleDate?: string;
  clauses: Clauses;
  /** the participants of the meeting each sentence reported, as the sentences are read */
  reported: Map<number, MeetingEvent>;
  /** organization and place ids the whole article names (for summits), once asked */
  articleOrgs?: Set<string>;
  articlePlaces?: Set<string>;
}

/** Leader -> country and role at the article's date, from the lexicon or the title that found it. */
export function leaderOffices(
  ctx: ArticleContext,
  leaders: Mention[],
): { countryOf: Map<string, string>; roleOf: Map<string, string> } {
  const countryOf = new Map<string, string>();
  const roleOf = new Map<string, string>();
  for (const m of leaders) {
    if (countryOf.has(m.key)) continue;
    const lex = ctx.lexicon.entities.get(m.key) as LexEntity | undefined;
    const office = lex ? officeAt(lex, ctx.anchor) : undefined;
    const country = office?.country ?? (m.attributes?.country as string | undefined);
    const role = office?.role ?? (m.attributes?.role as string | undefined);
    if (country) countryOf.set(m.key, country);
    if (role) roleOf.set(m.key, role);
  }
  return { countryOf, roleOf };
}

/** The two leaders the article is about: the most mentioned, from two countries. */
export function mainPair(leaders: Mention[], countryOf: Map<string, string>): string[] {
  const count = new Map<string, { n: number; first: number }>();
  for (const m of leaders) {
    const c = count.get(m.key) ?? { n: 0, first: m.start };
    c.n++;
    count.set(m.key, c);
  }
  const ranked = [...count.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .map(([k]) => k);
  const first = ranked[0];
  if (!first) return [];
  const second = ranked.find((k) => k !== first && countryOf.get(k) !== countryOf.get(first));
  return second ? [first, second] : [first];
}

/** Is every report of the meeting a plan ("akan bertemu", "is expected to visit")? */
export function allPlanned(facts: SentenceFacts[], e: MeetingEvent): boolean {
  return e.sentences.every((i) => has(facts[i] as SentenceFacts, 'planned'));
}
