import type { ArticleContext, SentenceMatch } from '../context.js';
import type { EntityFindings, Mention } from '../mention.js';

// a school's name, not schooling: "pengamat Universitas Indonesia", "a professor at Renmin
// University" (the words that begin one are titles.yaml's `institutionWords`)
const NAME_AFTER = /^\s+\p{Lu}/u;
const NAME_BEFORE = /\p{Lu}[\p{L}'’-]*\s+$/u;

/** Is the word the capitalized head of a name of a school the lexicon does not know? */
function institution(ctx: ArticleContext, m: SentenceMatch): boolean {
  const word = ctx.text.slice(m.start, m.end);
  if (
    m.zone === 'title' ||
    !/^\p{Lu}/u.test(word) ||
    !ctx.lexicon.institutionWords.has(word.toLowerCase())
  )
    return false;
  return (
    NAME_AFTER.test(ctx.text.slice(m.end, m.end + 2)) ||
    NAME_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 30), m.start))
  );
}

/** Sector trigger words; whether a sector is tied to a meeting is the events annotators' call. */
export function annotateSectors(ctx: ArticleContext): EntityFindings {
  // sector words inside a name are not sectors ("Dewan Keamanan PBB", "Badan Energi Atom Internasional")
  // per sentence: comparing every sector word with every name of the article grows with its square
  const insideName = (m: SentenceMatch) =>
    (ctx.entitiesBySentence[m.sentence] ?? []).some((e) => e.start <= m.start && m.end <= e.end);
  const mentions: Mention[] = ctx.matches.sector
    .filter(
      (m) => m.surface.target !== 'Sector:not_sector' && !insideName(m) && !institution(ctx, m),
    )
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
