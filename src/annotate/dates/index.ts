import { KgError } from '../../util/errors.js';
import { type Anchor, anchorFromRaws, inferAnchor } from './anchor.js';
import { parseDay, toDayNumber, type Ymd } from './calendar.js';
import { compiledDates, scanDates } from './find.js';
import { resolveRaw } from './resolve.js';

/** One date expression in a text, resolved to a calendar date. */
export interface DateMention {
  /** span in the given text (UTF-16 offsets); `text === input.slice(start, end)` */
  start: number;
  end: number;
  text: string;
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** last day/month/year of a range ("20-22 Maret", "2020 hingga 2021", "pekan lalu") */
  endDate?: string;
  /**
   * explicit: year written; partial: day and month or month alone, year from the anchor;
   * weekday: "pada hari Rabu"; relative: "tahun lalu", "Februari tahun lalu";
   * anniversary: "peringatan 70 tahun hubungan diplomatik"
   */
  how: 'explicit' | 'partial' | 'weekday' | 'relative' | 'anniversary';
  /** stated weekday, 0 = Sunday .. 6 = Saturday */
  weekday?: number;
  /** a future marker governs it ("akan ... pada Selasa", "next week") */
  future?: boolean;
  /** 'malam', 'pagi', 'night', ... when stated */
  partOfDay?: string;
  /** why the date differs from what is written, or why it is doubtful (weekday mismatch) */
  correction?: string;
}

export interface FindDatesOptions {
  /** YYYY-MM-DD the text speaks from (see chooseAnchor); found in the text when omitted */
  anchor?: string;
  /** ISO codes of the article's main countries, for anniversaries that name no pair */
  countries?: string[];
}

const SAME_AS = /^\s*(?:dengan|as)\b/iu;

const THAT_YEAR =
  /^,?\s*(?:(?:of\s+)?(?:that|the\s+same)\s+year|(?:pada\s+)?tahun\s+(?:itu|tersebut|yang\s+sama))\b/iu;

/** How near the anchor a day is the reported one, for "malam harinya" (see calendar.yaml). */
const RECENT_DAYS = 7;

/**
 * Every date expression in `text`, sorted by start, non-overlapping (the longest wins). Without
 * an anchor, the text's own (chooseAnchor) is used; without that, a weekday-checked day and
 * month pins the year (see inferAnchor); dates that still cannot be placed are left out.
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  const { lex } = compiledDates();
  let anchor: Ymd | undefined;
  if (options.anchor !== undefined) {
    anchor = parseDay(options.anchor);
    if (!anchor)
      throw new KgError('E_INPUT', `invalid anchor date '${options.anchor}' (expected YYYY-MM-DD)`);
  }
  const raws = scanDates(text);
  if (!anchor) {
    const own = anchorFromRaws(text, raws, lex);
    anchor = own ? parseDay(own.date) : inferAnchor(raws);
  }
  const mentions: DateMention[] = [];
  // the day written last, for "keesokan harinya" (its last day, for a range), and the date of
  // any precision written last, for "setahun kemudian" (its first day)
  let lastDay: Ymd | undefined;
  let lastDate: Ymd | undefined;
  // … and the day written last within a week of the anchor, for "malam harinya"
  let lastRecentDay: Ymd | undefined;
  for (const [i, raw] of raws.entries()) {
    // "Sehari sebelumnya, Selasa (17/10), …": the day written next to it says which
    const next = raws[i + 1];
    if (
      raw.relative?.chained &&
      next?.precision === 'day' &&
      /^[\s,]*$/u.test(text.slice(raw.end, next.start))
    )
      continue;
    // "Jumat, sepuluh hari lalu", "on Friday, ten days ago": the count says which Friday
    if (
      raw.kind === 'weekday' &&
      next?.relative?.counted &&
      next.relative.unit === 'day' &&
      /^\s*,\s*$/u.test(text.slice(raw.end, next.start))
    )
      continue;
    // "pada hari yang sama dengan pembicaraan di Kremlin", "the same day as the talks": the day
    // of the event it names, not of the date written before
    if (raw.relative?.chained && SAME_AS.test(text.slice(raw.end, raw.end + 12))) continue;
    const chained = raw.relative?.chained
      ? raw.relative.unit === 'year' || raw.relative.unit === 'month'
        ? lastDate
        : raw.relative.recent
          ? (lastRecentDay ?? lastDay)
          : lastDay
      : undefined;
    const from = chained ?? anchor;
    let resolved = resolveRaw(raw, { anchor: from, countries: options.countries ?? [], lex });
    if (!resolved) continue;
    // "on March 22 that year", "pada 22 Maret tahun itu": the year written last
    if (resolved.how === 'partial' && lastDate && THAT_YEAR.test(text.slice(raw.end, raw.end + 24)))
      resolved = inYear(resolved, String(lastDate.y));
    const mention: DateMention = {
      start: raw.start,
      end: raw.end,
      text: text.slice(raw.start, raw.end),
      date: resolved.date,
      precision: resolved.precision,
      how: resolved.how,
    };
    if (resolved.endDate !== undefined) mention.endDate = resolved.endDate;
    if (raw.weekday !== undefined) mention.weekday = raw.weekday;
    if (raw.future) mention.future = true;
    if (raw.partOfDay !== undefined) mention.partOfDay = raw.partOfDay;
    if (resolved.correction !== undefined) mention.correction = resolved.correction;
    mentions.push(mention);
    if (resolved.precision === 'day') {
      lastDay = parseDay(resolved.endDate ?? resolved.date);
      if (anchor && lastDay && Math.abs(toDayNumber(lastDay) - toDayNumber(anchor)) <= RECENT_DAYS)
        lastRecentDay = lastDay;
    }
    lastDate = parseDay(`${resolved.date}-01-01`.slice(0, 10));
  }
  return mentions;
}

/** A date (and its span's end) moved to another year, its month and day kept. */
export function inYear<T extends { date: string; endDate?: string }>(d: T, year: string): T {
  const out = { ...d, date: `${year}${d.date.slice(4)}` };
  if (d.endDate !== undefined) out.endDate = `${year}${d.endDate.slice(4)}`;
  return out;
}

/** The date the article speaks from: published metadata, else its dateline, else its latest full date. */
export function chooseAnchor(text: string, published?: string): Anchor | undefined {
  if (published !== undefined && parseDay(published))
    return { date: published, source: 'published' };
  return anchorFromRaws(text, scanDates(text), compiledDates().lex);
}

export type { Anchor };
