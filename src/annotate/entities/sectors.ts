import type { ArticleContext } from '../context.js';
import type { EntityFindings, Mention } from '../mention.js';

/** Sector trigger words; whether a sector is tied to a meeting is the events annotators' call. */
export function annotateSectors(ctx: ArticleContext): EntityFindings {
  const mentions: Mention[] = ctx.matches.sector.map((m) => ({
    key: m.surface.target,
    type: 'Sector',
    label: ctx.lexicon.entities.get(m.surface.target)?.label ?? m.surface.target,
    start: m.start,
    end: m.end,
    text: ctx.text.slice(m.start, m.end),
    sentence: m.sentence,
    zone: m.zone,
    annotator: 'sectors',
    rule: 'trigger',
  }));
  return { mentions, leads: [] };
}
