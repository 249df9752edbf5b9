import type { ArticleContext } from '../context.js';
import type { DateMention } from '../dates/index.js';
import type { Mention } from '../mention.js';
import { datelineEnd } from './dateline.js';
import type { SentenceFacts } from './facts.js';

/** What a timeline's heading says of the section under it: when, and where. */
export interface Heading {
  date: DateMention;
  places: Mention[];
}

/** A heading is a short line: at most this many words after its number. */
const HEADING_WORDS = 8;
const ENUMERATOR = /^\s*(?:\d{1,2}|[a-z])[.)]\s*/u;
// a line that ends as a sentence does is a paragraph, however short (a question is a heading)
const PARAGRAPH_END = /[.!:;,"”'’…]\s*$/u;
// words in a paragraph of the story, more than a subtitle or a caption has
const TOLD_WORDS = 30;
// a clock time opening a line: a live report's entry ("08:15 GMT - …", "Pukul 09.00 WIB")
const CLOCK = /^\W*(?:pukul\s+)?\d{1,2}[:.]\d{2}\b/iu;
// what follows a day that opens a timeline's heading: "Senin (1/9): …", "Sept. 1 – …"
const DAY_OPENS = /^\s*[:–—-]\s+\S/u;
// a page's stamp: a bar or a bullet between the parts ("Senin, 11 Juni 2018 | 08:15 WIB", "Jakarta
// ● Mon, November 11, 2024")
const STAMP = /\s[|●•·]\s/u;

/**
 * Give each body sentence its section (the number of headings above it) and the heading with a
 * place and a date that opens it, if any: in a timeline ("2. Shanghai, 21 Mei 2014", then a
 * paragraph that tells what happened there) that heading dates the undated reports under it, up
 * to the next heading. The title and captions speak of the whole article: section -1.
 */
export function assignSections(ctx: ArticleContext, facts: SentenceFacts[]): void {
  let current: Heading | undefined;
  let section = 0;
  let lineOf = -1;
  // a paragraph that opens on its own heading ("Maret 2013, Moskow. Xi memilih Rusia …")
  let inline: Heading | undefined;
  // (a paragraph of the story told already: a line that is only a day, under it, heads a day of
  // a running story; above it, it is the page's date)
  let told = false;
  for (const f of facts) {
    const s = ctx.sentences[f.index];
    if (s === undefined || f.zone !== 'body') continue;
    if (s.line !== lineOf) {
      lineOf = s.line;
      const heading = headingOf(ctx, facts, s.line, f.index, told);
      const l = ctx.lines[s.line];
      const lineText = l ? ctx.text.slice(l.start, l.end) : '';
      if (PARAGRAPH_END.test(lineText) && lineText.split(/\s+/u).length >= TOLD_WORDS) told = true;
      if (heading !== null) {
        // (an entry's time under a day's heading, "08:15 GMT - Putin meets Erdogan", is still
        // that day)
        const entry = heading === undefined && current?.places.length === 0 && CLOCK.test(lineText);
        if (!entry) current = heading;
        section++;
      }
      inline = heading === null ? inlineHeading(ctx, f) : undefined;
    }
    f.section = section;
    const own = inline ?? current;
    if (own) f.heading = own;
  }
}

/** Words at most in a heading that opens its paragraph as a sentence of its own. */
const INLINE_WORDS = 5;

/**
 * "Maret 2013, Moskow.": a paragraph's first sentence that is only a date and a place dates and
 * places the rest of that paragraph, as a heading on its own line would.
 */
function inlineHeading(ctx: ArticleContext, f: SentenceFacts): Heading | undefined {
  const text = ctx.text.slice(f.start, f.end).trim();
  if (!/^[^.!?]+\.$/u.test(text) || text.split(/\s+/u).length > INLINE_WORDS) return undefined;
  if (f.dates.length !== 1 || f.locations.length === 0) return undefined;
  if (f.events.length > 0 || f.leaders.length > 0) return undefined;
  return { date: f.dates[0] as DateMention, places: f.locations };
}

/**
 * What a heading line says (undefined for a heading without place and date, which ends the
 * section before it), or null when the line is not a heading.
 */
function headingOf(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  line: number,
  first: number,
  told: boolean,
): Heading | undefined | null {
  const l = ctx.lines[line];
  if (!l) return null;
  const text = ctx.text.slice(l.start, l.end).replace(ENUMERATOR, '');
  if (text.trim() === '' || PARAGRAPH_END.test(text)) return null;
  // a page's stamp ("Jul 19th 2018 | BEIJING", "Senin, 11 Juni 2018 | 08:15 WIB", "Jakarta ● Mon,
  // November 11, 2024")
  if (STAMP.test(text)) return null;
  if (text.trim().split(/\s+/u).length > HEADING_WORDS) return null;
  const inLine: SentenceFacts[] = [];
  for (let i = first; i < facts.length && (facts[i] as SentenceFacts).start < l.end; i++)
    inLine.push(facts[i] as SentenceFacts);
  // a dateline on its own line ("SAN FRANCISCO – Nov 17, 2023") says where and when the report
  // was filed, not what the section under it reports
  const head = inLine[0];
  if (head && datelineEnd(ctx.text, head) > head.start) return null;
  const dates = inLine.flatMap((f) => f.dates);
  const places = inLine.flatMap((f) => f.locations);
  // a day opening the line and set off by a colon or a dash is a timeline's, whatever the line
  // names after it ("Senin (1/9): KTT SCO dan limusin bersama Modi")
  const opening = dates[0];
  if (
    opening &&
    dates.length === 1 &&
    opening.precision === 'day' &&
    /^\W*$/u.test(ctx.text.slice(l.start, opening.start).replace(ENUMERATOR, '')) &&
    (DAY_OPENS.test(ctx.text.slice(opening.end, l.end)) ||
      // "MONDAY, SEPTEMBER 1" between a live report's entries
      (told && /^[\s\p{P}]*$/u.test(ctx.text.slice(opening.end, l.end))))
  )
    return { date: opening, places: [] };
  const placed = places.length > 0 || inLine.some((f) => f.countries.length > 0);
  // a line with a date and no place is the page's time stamp ("Senin, 11 Juni 2018 | 08:15 WIB")
  if (dates.length > 0 && !placed) return null;
  // a heading that reports its own event ("Putin Tiba di Beijing") is a headline, not a time
  const events = inLine.some((f) => f.events.length > 0 || f.leaders.length > 0);
  const date = dates[0];
  if (events || dates.length !== 1 || !date) return undefined;
  return { date, places };
}
