import type { Lexicon } from '../../lexicon/index.js';
import { escapeRegex } from '../../util/regex.js';
import type { Mention } from '../mention.js';

interface CurrencyPatterns {
  before: RegExp;
  after: RegExp;
}

const patterns = new WeakMap<Lexicon, CurrencyPatterns>();
function currencyPatterns(lexicon: Lexicon): CurrencyPatterns {
  let p = patterns.get(lexicon);
  if (!p) {
    const alt = (words: string[]) => words.map(escapeRegex).join('|') || '(?!)';
    p = {
      before: new RegExp(`\\b(?:${alt(lexicon.currencies.before)})\\s+$`, 'iu'),
      after: new RegExp(`^\\s*(?:${alt(lexicon.currencies.after)})\\b`, 'iu'),
    };
    patterns.set(lexicon, p);
  }
  return p;
}

/**
 * "400 miliar dolar AS", "US dollars", "rubel Rusia": a country named as its currency's. The
 * words are events.yaml's `currencies`.
 */
export function namesCurrency(text: string, m: Mention, lexicon: Lexicon): boolean {
  const { before, after } = currencyPatterns(lexicon);
  return (
    before.test(text.slice(Math.max(0, m.start - 12), m.start)) ||
    after.test(text.slice(m.end, m.end + 10))
  );
}
