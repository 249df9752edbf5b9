import { escapeRegex } from '../../util/regex.js';
import type { ArticleContext } from '../context.js';
import type { Mention } from '../mention.js';
import type { AgreementEvent } from './agreements.js';
import { compatible, ownDate } from './dating.js';
import { apartInTimeline, has, type SentenceFacts } from './facts.js';
import type { MeetingEvent } from './meetings.js';

/** Statistics are background, not what the leaders discussed ("USD200 miliar", "30 persen"). */
const statisticPatterns = new WeakMap<object, RegExp>();
function statistic(ctx: ArticleContext): RegExp {
  let re = statisticPatterns.get(ctx.lexicon);
  if (!re) {
    const units = ctx.lexicon.statisticUnits.map(escapeRegex).join('|');
    const signs = ctx.lexicon.currencies.signs.map(escapeRegex).join('|');
    re = new RegExp(
      `\\d[\\d.,]*\\s*(%|${units || '(?!)'})(?![\\p{L}\\p{N}])|(${signs || '(?!)'})\\s?\\d`,
      'iu',
    );
    statisticPatterns.set(ctx.lexicon, re);
  }
  return re;
}

const BOTH_SIDES =
  /\b(kedua negara|kedua belah pihak|kedua pihak|both countries|the two countries|both sides|bilateral)\b/iu;
// Cheap necessary conditions, matched without Unicode case folding (under `iu` only K and ſ fold
// onto ASCII letters): every BOTH_SIDES match holds one of these words, every statistic a digit.
const BOTH_SIDES_HINT = /edua|both|the two|bilateral/i;
const DIGIT = /\d/;

/** What a sentence's words say, whichever meeting asks (every meeting of the article does). */
function sentenceWords(
  ctx: ArticleContext,
  f: SentenceFacts,
): { statistic: boolean; bothSides: boolean } {
  const known = wordsOf.get(f);
  if (known && known.text === ctx.text && known.lexicon === ctx.lexicon) return known;
  const text = ctx.text.slice(f.start, f.end);
  const statisticHere = DIGIT.test(text) && statistic(ctx).test(text);
  const words = {
    text: ctx.text,
    lexicon: ctx.lexicon,
    statistic: statisticHere,
    // only asked of sentences that are not statistics
    bothSides: !statisticHere && BOTH_SIDES_HINT.test(text) && BOTH_SIDES.test(text),
  };
  wordsOf.set(f, words);
  return words;
}
const wordsOf = new WeakMap<
  SentenceFacts,
  { text: string; lexicon: object; statistic: boolean; bothSides: boolean }
>();

/**
 * Sectors a meeting discussed: those of its own sentences, of the documents signed there, and,
 * for the article's main meeting, of sentences in which its participants (or "kedua negara")
 * speak of cooperation, unless they are statistics or dated elsewhere.
 */
export function discussedSectors(
  ctx: ArticleContext,
  facts: SentenceFacts[],
  meeting: MeetingEvent,
  main: boolean,
  agreements: AgreementEvent[],
  meetings: MeetingEvent[] = [meeting],
): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  const add = (m: Mention) => {
    const list = out.get(m.key);
    if (list) list.push(m);
    else out.set(m.key, [m]);
  };
  const countries = new Set(
    meeting.participants
      .map((k) => ctx.lexicon.entities.get(k)?.terms?.[0]?.country)
      .filter(Boolean),
  );
  for (const f of facts) {
    if (f.zone === 'furniture' || f.sectors.length === 0) continue;
    const own = meeting.sentences.includes(f.index) || meeting.hintSentences.includes(f.index);
    // "Western governments say Chinese exports … sustain Russia's arms industry": not the talks
    if (!own && has(f, 'otherVoices')) continue;
    let tied = own;
    // a sentence whose leaders all took part in this meeting and in no other of the article
    // (or in the sentence right after one of its reports: "Mishustin diterima Xi … Xi menyatakan
    // kerja sama di bidang energi …")
    // (or, naming none, speaks of them together right after one of its reports: "… the first BRIC
    // summit. The four also promised to cooperate on energy")
    const onlyHere =
      !main &&
      ((f.leaders.length > 0 &&
        f.leaders.every((l) => meeting.participants.includes(l.key)) &&
        (meeting.sentences.includes(f.index - 1) ||
          !meetings.some(
            (o) => o !== meeting && f.leaders.every((l) => o.participants.includes(l.key)),
          ))) ||
        (f.leaders.length === 0 &&
          has(f, 'collective') &&
          meeting.sentences.includes(f.index - 1)));
    // a sentence about a document of another meeting speaks of that one
    const elsewhere = agreements.some(
      (a) => a.meeting !== undefined && a.meeting !== meeting && a.sentences.includes(f.index),
    );
    // (and one under another heading of a timeline speaks of that section's)
    const sameSection = !apartInTimeline(facts, meeting.sentences, f);
    // (and then not of the main meeting)
    const afterOther =
      main &&
      f.leaders.length === 0 &&
      !meeting.sentences.includes(f.index - 1) &&
      meetings.some((o) => o !== meeting && o.sentences.includes(f.index - 1));
    if (!tied && (main || onlyHere) && !elsewhere && sameSection && !afterOther) {
      const d = ownDate(ctx.text, f, ctx.anchor);
      if (d && meeting.date && !compatible(d.date, meeting.date)) continue;
      const words = sentenceWords(ctx, f);
      // (a figure makes it background, unless the leaders discuss it: "kedua pemimpin akan
      // membahas perdagangan yang melonjak hingga 65 miliar dolar AS")
      if (words.statistic && !has(f, 'discussion')) continue;
      const involves =
        f.leaders.some((l) => meeting.participants.includes(l.key)) ||
        has(f, 'collective') ||
        f.countries.filter((c) => countries.has(c.key.slice(8))).length >= 2 ||
        words.bothSides;
      // "Rusia tetap menjadi mitra penting Indonesia di sektor pertahanan": cooperation with a
      // country not at the meeting is not what the meeting discussed
      const withOthers = f.countries.some((c) => !countries.has(c.key.slice(8)));
      tied =
        (involves || (has(f, 'cooperation') && !withOthers)) &&
        !f.leaders.some((l) => !meeting.participants.includes(l.key));
    }
    if (!tied) continue;
    for (const s of f.sectors) add(s);
  }
  for (const a of agreements)
    if (a.meeting === meeting) for (const [, list] of a.sectors) for (const m of list) add(m);
  return out;
}
