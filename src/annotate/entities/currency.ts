import type { Mention } from '../mention.js';

/** "400 miliar dolar AS", "US dollars", "rubel Rusia": a country named as its currency's. */
export function namesCurrency(text: string, m: Mention): boolean {
  return (
    /\b(?:dolar|dollar|dollars|rubel|ruble|rubles|rouble|roubles|yuan)\s+$/iu.test(
      text.slice(Math.max(0, m.start - 12), m.start),
    ) || /^\s*(?:dollars?|dolar)\b/iu.test(text.slice(m.end, m.end + 10))
  );
}
