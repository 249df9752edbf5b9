import type { ArticleContext, SentenceMatch } from '../context.js';
import type { EntityFindings, Mention } from '../mention.js';

/** Sector trigger words; whether a sector is tied to a meeting is the events annotators' call. */
export function annotateSectors(ctx: ArticleContext): EntityFindings {
  // sector words inside a name are not sectors ("Dewan Keamanan PBB", "Badan Energi Atom Internasional")
  // per sentence: comparing every sector word with every name of the article grows with its square
  const insideName = (m: SentenceMatch) =>
    (ctx.entitiesBySentence[m.sentence] ?? []).some((e) => e.start <= m.start && m.end <= e.end);
  const mentions: Mention[] = ctx.matches.sector
    .filter((m) => m.surface.target !== 'Sector:not_sector' && !insideName(m))
    .map((m) => ({
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
