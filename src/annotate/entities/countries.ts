import type { ArticleContext } from '../context.js';
import type { EntityFindings, Mention } from '../mention.js';
import { namesCurrency } from './currency.js';
import { lexicalMentions } from './lexical.js';

/**
 * Countries by name, short form, acronym (AS, RRT) or demonym (Russian, Chinese), also where
 * an organization's name names them ("Departemen Luar Negeri AS"), but for a news outlet's:
 * "CNN Indonesia" reporting says nothing of Indonesia; nor does a currency ("40 miliar dolar
 * AS", "US dollars").
 */
export function annotateCountries(ctx: ArticleContext): EntityFindings {
  const mentions = lexicalMentions(ctx, 'Country', 'countries').filter(
    (m) => !namesCurrency(ctx.text, m, ctx.lexicon),
  );
  for (const org of ctx.matches.entity) {
    if (!org.surface.target.startsWith('Organization:') || org.last === org.first) continue;
    // (nor does a school's or an institute's name: "Universitas Indonesia")
    const kind = ctx.lexicon.entities.get(org.surface.target)?.kind;
    if (kind === 'media' || kind === 'other') continue;
    const toks = ctx.tokens[org.sentence] ?? [];
    for (let i = org.first + 1; i <= org.last; i++) {
      const tok = toks[i];
      if (!tok) break;
      const inner = ctx.lexicon.matcher.match(ctx.text, tok.start, org.end).get('entity') ?? [];
      const country = inner.find(
        (m) =>
          m.start === tok.start &&
          m.surface.target.startsWith('Country:') &&
          m.surface.kind !== 'short',
      );
      if (!country) continue;
      const key = country.surface.target;
      const found: Mention = {
        key,
        type: 'Country',
        label: ctx.lexicon.entities.get(key)?.label ?? key,
        start: country.start,
        end: country.end,
        text: ctx.text.slice(country.start, country.end),
        sentence: org.sentence,
        zone: org.zone,
        annotator: 'countries',
        rule: 'inside-organization',
      };
      mentions.push(found);
      i = Math.max(i, i + country.last - country.first);
    }
  }
  return { mentions, leads: [] };
}
