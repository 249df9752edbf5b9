/** Tuning of date resolution; frozen, each value documented. */
export const DATE_DEFAULTS = Object.freeze({
  /**
   * News reports the past: a date without year, or a weekday, may fall after the anchor by at
   * most this many days (a visit's later days announced on its first) unless a future marker
   * governs it.
   */
  slackDays: 7,
  /** A planned date ("akan ... pada 4 Juli") may fall before the anchor by at most this much. */
  futureSlackDays: 1,
  /** How far a stated weekday may move a year (±1, then ±2). */
  maxYearShift: 2,
  /** Without any anchor, how far from the text's latest year a weekday may place a day and month. */
  maxInferredYearShift: 11,
  /** A future marker governs a date at most this many characters before it, in its clause. */
  futureLookBehind: 240,
  /** ... or after a date that opens its clause ("Pada Selasa, Xi akan ..."). */
  futureLookAhead: 60,
  /** The dateline is looked for in the first this many characters of the text. */
  datelineChars: 1500,
  /** ... and, unless it has a weekday or is numeric, starts within this many characters of its line. */
  datelineLineOffset: 40,
  /** Plain four-digit years (not next to a day or month) are read only in this range. */
  bareYearMin: 1900,
  bareYearMax: 2099,
  /** Years next to a day or a month. */
  datedYearMin: 1700,
  datedYearMax: 2199,
});
