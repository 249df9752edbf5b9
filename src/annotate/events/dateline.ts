import type { SentenceFacts } from './facts.js';

// "Bisnis.com, JAKARTA –", "BEIJING, KOMPAS.com –", "KONTAN.CO.ID - KAZAN.", "MOSCOW, Russia (Reuters) —",
// "BEIJING, Sept 2 (Reuters) -", "Moskow, 16/7 (ANTARA/Reuters-AFP) -", "MOSCOW, July 16 Kyodo -"
// (with digits, a spaced dash only: "rencana aksi 2005-2008" is no dateline): where and by whom the report was filed, not where the leaders met
const DATELINE =
  /^\s*(?:[^–—\n]{0,60}?\.(?:com|co\.id|co|id|net)\b[^–—\n]{0,30}?|[\p{Lu}][\p{L}\p{N} ,./]{0,40}\([\p{L} /-]{2,30}\)|[\p{Lu}][\p{Lu} ,.]{1,40}|[\p{Lu}][\p{Lu}\p{N} ,.]{1,40}\s(?=[–—-]))\s*[–—-]\s*(?:[\p{Lu}][\p{Lu} ]{1,30}\.\s)?/iu;
// every dateline ends with one: without it the (backtracking) pattern need not run
const DASH = /[–—-]/;

// asked for the same sentence by every meeting and agreement of the article
const known = new WeakMap<
  SentenceFacts,
  { text: string; start: number; end: number; value: number }
>();

/** End of a dateline at the start of a sentence, or its start when there is none. */
export function datelineEnd(text: string, f: SentenceFacts): number {
  const seen = known.get(f);
  if (seen && seen.text === text && seen.start === f.start && seen.end === f.end) return seen.value;
  const head = text.slice(f.start, Math.min(f.end, f.start + 120));
  let m = DASH.test(head) ? DATELINE.exec(head) : null;
  // a hyphen inside a word ends no dateline written in lower case: "Xi went to Moscow for a
  // three-day visit" (but "JAKARTA-" may)
  const dash = m
    ? Math.max(m[0].lastIndexOf('-'), m[0].lastIndexOf('–'), m[0].lastIndexOf('—'))
    : -1;
  if (
    m &&
    m[0][dash] === '-' &&
    /\S/u.test(m[0][dash - 1] ?? '') &&
    /\p{Ll}/u.test(m[0].slice(0, dash))
  )
    m = null;
  const value = m ? f.start + m[0].length : f.start;
  known.set(f, { text, start: f.start, end: f.end, value });
  return value;
}
