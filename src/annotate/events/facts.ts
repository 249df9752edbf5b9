import type { ArticleContext, SentenceMatch } from '../context.js';
import type { DateMention } from '../dates/index.js';
import type { Mention } from '../mention.js';
import { assignSections, type Heading } from './headings.js';

/** What one sentence says that matters for events. */
export interface SentenceFacts {
  index: number;
  start: number;
  end: number;
  zone: string;
  leaders: Mention[];
  persons: Mention[];
  organizations: Mention[];
  countries: Mention[];
  locations: Mention[];
  sectors: Mention[];
  /** event vocabulary matches, by category (`meeting:talks`, `signing`, `agreement:protocol`…) */
  events: SentenceMatch[];
  dates: DateMention[];
  /** the number of headings above the sentence (-1 outside the body: the title, a caption) */
  section: number;
  /** the timeline heading with a place and a date over the sentence, if any */
  heading?: Heading;
}

/** `meeting` is the category of `meeting` and of `meeting:talks`, not of `meetings`. */
function inCategory(target: string, category: string): boolean {
  if (target.length === category.length) return target === category;
  return (
    target.length > category.length &&
    target.charCodeAt(category.length) === 0x3a && // ':'
    target.startsWith(category)
  );
}

export function has(f: SentenceFacts, category: string): boolean {
  for (const e of f.events) if (inCategory(e.surface.target, category)) return true;
  return false;
}

/**
 * The first (by start) match of any of the categories; on a tie, the earlier category, then the
 * earlier match: `[...matchesOf(f, c1), ...matchesOf(f, c2)].sort(byStart)[0]` without the arrays.
 */
export function firstOf(
  f: SentenceFacts,
  categories: readonly string[],
): SentenceMatch | undefined {
  let first: SentenceMatch | undefined;
  for (const category of categories)
    for (const e of f.events)
      if ((!first || e.start < first.start) && inCategory(e.surface.target, category)) first = e;
  return first;
}

/** Event words that report what leaders did together: met, signed, or witnessed a signing. */
export const TOGETHER: readonly string[] = ['meeting', 'signing', 'witness'];

export function matchesOf(f: SentenceFacts, category: string): SentenceMatch[] {
  const out: SentenceMatch[] = [];
  for (const e of f.events) if (inCategory(e.surface.target, category)) out.push(e);
  return out;
}

/** Group every mention, event word and date of the article by sentence. */
export function sentenceFacts(
  ctx: ArticleContext,
  mentions: Mention[],
  dates: DateMention[],
): SentenceFacts[] {
  const facts: SentenceFacts[] = ctx.sentences.map((s, index) => ({
    index,
    start: s.start,
    end: s.end,
    zone: s.zone,
    leaders: [],
    persons: [],
    organizations: [],
    countries: [],
    locations: [],
    sectors: [],
    events: [],
    dates: [],
    section: -1,
  }));
  for (const m of mentions) {
    const f = facts[m.sentence];
    if (!f) continue;
    if (m.type === 'Leader') f.leaders.push(m);
    else if (m.type === 'Person') f.persons.push(m);
    else if (m.type === 'Organization') f.organizations.push(m);
    else if (m.type === 'Country') f.countries.push(m);
    else if (m.type === 'Location') f.locations.push(m);
    else if (m.type === 'Sector') f.sectors.push(m);
  }
  for (const e of ctx.matches.event) facts[e.sentence]?.events.push(e);
  // dates belong to the sentence that contains them
  let i = 0;
  for (const d of [...dates].sort((a, b) => a.start - b.start)) {
    while (i < facts.length && (facts[i] as SentenceFacts).end <= d.start) i++;
    const f = facts[i];
    if (f && f.start <= d.start && d.end <= f.end) f.dates.push(d);
  }
  for (const f of facts) {
    f.leaders.sort((a, b) => a.start - b.start);
    f.events.sort((a, b) => a.start - b.start);
  }
  assignSections(ctx, facts);
  return facts;
}

/**
 * Is the sentence under another heading of a timeline than all of `sentences` (a meeting's)? Only
 * where a heading with a date opens one side: a news report's subheadings ("Energi", "KTT
 * Qingdao") do not part what they separate.
 */
export function apartInTimeline(
  facts: SentenceFacts[],
  sentences: number[],
  f: SentenceFacts,
): boolean {
  if (f.section < 0) return false;
  const theirs = sentences.map((i) => facts[i]).filter((g) => g !== undefined);
  if (theirs.some((g) => g.section === f.section)) return false;
  return f.heading !== undefined || theirs.some((g) => g.heading !== undefined);
}
