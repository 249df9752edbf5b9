import type { EntityType } from '../../model/types.js';
import type { ArticleContext } from '../context.js';
import type { Mention } from '../mention.js';
import { givenNameOfOther, resolveShort } from './leaders.js';

/**
 * Mentions of one entity type found by the lexicon alone (names, acronyms, demonyms, and short
 * forms resolved in context).
 */
export function lexicalMentions(
  ctx: ArticleContext,
  type: EntityType,
  annotator: string,
): Mention[] {
  const prefix = `${type}:`;
  const out: Mention[] = [];
  for (const m of ctx.matches.entity) {
    if (!m.alternatives.some((s) => s.target.startsWith(prefix))) continue;
    const key =
      m.surface.kind === 'short' ? resolveShort(m.alternatives, ctx.namedInFull) : m.surface.target;
    if (!key?.startsWith(prefix)) continue;
    if (m.surface.kind === 'short' && givenNameOfOther(ctx, m, key)) continue;
    // "US$400": a currency, not the country
    if (m.surface.kind === 'acronym' && /^[$€£¥]/u.test(ctx.text.slice(m.end, m.end + 1))) continue;
    out.push({
      key,
      type,
      label: ctx.lexicon.entities.get(key)?.label ?? key,
      start: m.start,
      end: m.end,
      text: ctx.text.slice(m.start, m.end),
      sentence: m.sentence,
      zone: m.zone,
      annotator,
      rule: m.surface.kind,
    });
  }
  return out;
}
