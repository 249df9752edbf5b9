import type { Surface } from '../../lexicon/types.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import { loadDateLexicon } from '../dates/lexicon.js';
import type { EntityFindings, LeadsFact, Mention } from '../mention.js';
import type { Token } from '../tokens.js';
import { coveredTokens, nameAt, slug, unnamedShortAt } from './names.js';
import { officeAt, officeHolder } from './offices.js';

const ANNOTATOR = 'leaders';

function mention(
  ctx: ArticleContext,
  m: SentenceMatch,
  key: string,
  label: string,
  rule: string,
): Mention {
  return {
    key,
    type: 'Leader',
    label,
    start: m.start,
    end: m.end,
    text: ctx.text.slice(m.start, m.end),
    sentence: m.sentence,
    zone: m.zone,
    annotator: ANNOTATOR,
    rule,
  };
}

/**
 * Leaders by full name, by short form resolved in context ("Putin"; "Li" only when one Li is
 * named in full), and by title resolved through terms of office at the article's date
 * ("Presiden Rusia", "Russian President", "President of Russia", "pemimpin Tiongkok").
 */
export function annotateLeaders(ctx: ArticleContext): EntityFindings {
  const { lexicon, text } = ctx;
  const mentions: Mention[] = [];
  const leads: LeadsFact[] = [];
  const entityMatches = ctx.matches.entity;
  for (const m of entityMatches) {
    const target = m.surface.target;
    if (!target.startsWith('Leader:')) continue;
    if (m.surface.kind !== 'short') {
      mentions.push(
        mention(ctx, m, target, lexicon.entities.get(target)?.label ?? target, m.surface.kind),
      );
      continue;
    }
    const key = resolveShort(m.alternatives, ctx.namedInFull);
    if (key?.startsWith('Leader:') && !givenNameOfOther(ctx, m, key))
      mentions.push(mention(ctx, m, key, lexicon.entities.get(key)?.label ?? key, 'short'));
  }

  // titles: role word + country, in either order
  for (const role of ctx.matches.role) {
    const toks = ctx.tokens[role.sentence] ?? [];
    const before = toks[role.first - 1];
    // "Wakil Presiden", "mantan Presiden": someone else's office (titles.yaml `notHolder`)
    if (before && ctx.lexicon.notHolder.has(before.norm)) continue;
    const sentenceEntities = ctx.entitiesBySentence[role.sentence] ?? [];
    const countries = sentenceEntities.filter((e) => e.surface.target.startsWith('Country:'));
    const country = titleCountry(ctx, role, countries, toks);
    if (!country) continue;
    // "the then Chinese president": the word comes before the country
    const first = toks[Math.min(role.first, country.match.first) - 1];
    if (first && ctx.lexicon.notHolder.has(first.norm)) continue;
    const iso = country.match.surface.target.slice('Country:'.length);
    const spanStart = Math.min(role.start, country.match.start);
    const spanEnd = Math.max(role.end, country.match.end);
    const afterIdx = Math.max(role.last, country.match.last) + 1;
    const after = toks[afterIdx];
    const titleText = text.slice(spanStart, spanEnd);
    // "Presiden Rusia Vladimir Putin": the name follows (maybe after a comma)
    const named = sentenceEntities.find(
      (e) =>
        e.surface.target.startsWith('Leader:') &&
        (e.first === afterIdx ||
          (e.first === afterIdx && /^,?\s*$/.test(text.slice(spanEnd, e.start)))) &&
        /^[\s,]*$/.test(text.slice(spanEnd, e.start)),
    );
    if (named) {
      const key =
        named.surface.kind === 'short'
          ? resolveShort(named.alternatives, ctx.namedInFull)
          : named.surface.target;
      if (key?.startsWith('Leader:')) {
        const office = officeAt(
          lexicon.entities.get(key) ?? { key, type: 'Leader', id: '', label: '', aliases: [] },
          ctx.anchor,
        );
        leads.push({
          leader: key,
          country: iso,
          role: office?.role ?? role.surface.target,
          start: spanStart,
          end: named.end,
          text: text.slice(spanStart, named.end),
          rule: 'title+name',
        });
        continue;
      }
      // (a family name that resolves to no one the article names: the name of someone else,
      // read below as one the lexicon does not know)
      if (named.surface.kind !== 'short') continue;
    }
    // a leader the lexicon does not know, named right after a head-of-state title
    if (
      after &&
      role.surface.target !== 'leader' &&
      /^[\s,]*$/.test(text.slice(spanEnd, after.start))
    ) {
      const covered = coveredTokens(ctx, role.sentence, sentenceEntities);
      // (a family name the lexicon knows of someone the article does not name in full may begin
      // this one: "Perdana Menteri Korea Selatan Lee Nak-yon"; one that ends it is the known
      // leader's, spelled otherwise: "Presiden Mongolia Khaltmaa Battulga")
      const short = unnamedShortAt(ctx, sentenceEntities, afterIdx);
      if (short) covered.delete(short.start);
      const name = nameAt(ctx, role.sentence, afterIdx, covered);
      if (name) {
        const first = toks[name[0]] as Token;
        const last = toks[name[1]] as Token;
        const label = text.slice(first.start, last.end);
        const key = `Leader:${slug(label)}`;
        mentions.push({
          key,
          type: 'Leader',
          label,
          start: first.start,
          end: last.end,
          text: label,
          sentence: role.sentence,
          zone: role.zone,
          annotator: ANNOTATOR,
          rule: 'title+unknown-name',
          attributes: { country: iso, role: role.surface.target },
        });
        leads.push({
          leader: key,
          country: iso,
          role: role.surface.target,
          start: spanStart,
          end: last.end,
          text: text.slice(spanStart, last.end),
          rule: 'title+unknown-name',
        });
        continue;
      }
    }
    // "presiden China kala itu": an earlier holder, not the one at the article's date
    if (!ctx.anchor || ctx.lexicon.pastHolder.test(text.slice(spanEnd, spanEnd + 40))) continue;
    const holder = officeHolder(lexicon.leaders, iso, role.surface.target, ctx.anchor);
    if (!holder) continue;
    mentions.push({
      key: holder.leader.key,
      type: 'Leader',
      label: holder.leader.label,
      start: spanStart,
      end: spanEnd,
      text: titleText,
      sentence: role.sentence,
      zone: role.zone,
      annotator: ANNOTATOR,
      rule: 'title+date',
    });
    leads.push({
      leader: holder.leader.key,
      country: iso,
      role: holder.role,
      start: spanStart,
      end: spanEnd,
      text: titleText,
      rule: 'title+date',
    });
  }
  return { mentions, leads };
}

/** The country a title names: right after it (Indonesian), right before it (English), or "of X". */
function titleCountry(
  ctx: ArticleContext,
  role: SentenceMatch,
  countries: SentenceMatch[],
  toks: Token[],
): { match: SentenceMatch } | undefined {
  for (const c of countries) {
    const gap = ctx.text.slice(role.end, c.start);
    if (c.first === role.last + 1 && /^\s+$/.test(gap)) return { match: c };
    if (
      c.first === role.last + 2 &&
      /^\s+(of|dari)\s+$/i.test(gap) &&
      /^(of|dari)$/i.test(toks[role.last + 1]?.norm ?? '')
    )
      return { match: c };
    const back = ctx.text.slice(c.end, role.start);
    if (c.last === role.first - 1 && /^\s+$/.test(back) && c.surface.kind !== 'acronym')
      return { match: c };
    if (c.last === role.first - 2 && /^['’]s\s+$/.test(back)) return { match: c };
  }
  return undefined;
}

/**
 * An ambiguous short form resolves to the one candidate named in full in the article, or to
 * its only candidate; otherwise it stays unresolved.
 */
/**
 * "Presiden CNPC Chen Geng": a family name written first ("Geng" of Geng Shuang) right after a
 * capitalised word that nothing in the lexicon knows (not a title, a place, a name) is someone
 * else's given name.
 */
export function givenNameOfOther(ctx: ArticleContext, m: SentenceMatch, key: string): boolean {
  // (the sentence's first word is capitalised anyway: "Adapun Xi dijadwalkan …")
  if (m.first < 2) return false;
  const label = ctx.lexicon.entities.get(key)?.label;
  const surface = ctx.text.slice(m.start, m.end);
  if (!label?.startsWith(`${surface} `)) return false;
  const prev = ctx.tokens[m.sentence]?.[m.first - 1];
  if (!prev || !/^\p{Lu}/u.test(ctx.text.slice(prev.start, prev.end))) return false;
  // ("On Monday Xi said", "Pada Mei Xi …")
  const dates = loadDateLexicon();
  if (dates.weekdays.has(prev.norm) || dates.months.has(prev.norm)) return false;
  if (ctx.lexicon.honorifics.has(prev.norm)) return false;
  if (!/^\s+$/u.test(ctx.text.slice(prev.end, m.start))) return false;
  // (another family name counts as unknown: "Chen" of Chen Deming before "Geng")
  const known = (list: readonly SentenceMatch[]) =>
    list.some(
      (x) =>
        x.sentence === m.sentence &&
        x.start <= prev.start &&
        x.end >= prev.end &&
        x.surface.kind !== 'short',
    );
  return !known(ctx.entitiesBySentence[m.sentence] ?? []) && !known(ctx.matches.role);
}

export function resolveShort(
  alternatives: Surface[],
  namedInFull: Set<string>,
): string | undefined {
  // usually one candidate, or several surfaces of one entity
  const only = alternatives[0]?.target;
  if (only !== undefined && alternatives.every((s) => s.target === only)) return only;
  const targets = [...new Set(alternatives.map((s) => s.target))];
  if (targets.length === 1) return targets[0];
  const inArticle = targets.filter((t) => namedInFull.has(t));
  return inArticle.length === 1 ? inArticle[0] : undefined;
}
