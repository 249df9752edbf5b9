import type { ArticleContext, SentenceMatch } from '../context.js';
import type { EntityFindings, Mention } from '../mention.js';
import type { Token } from '../tokens.js';
import { lexicalMentions } from './lexical.js';
import { coveredTokens, isCapitalized, nameAt, slug, unnamedShortAt } from './names.js';

const ANNOTATOR = 'persons';
/** How many tokens may stand between a role word and the name ("Juru Bicara Kementerian Luar Negeri China Wang Wenbin"). */
const MAX_BRIDGE = 9;

/**
 * "Presiden CNPC Chen Geng", "Presiden Rosneft Sergei Bogdanchikov": a president's title right
 * before a company names the company's head, a person, not a head of state.
 */
function companyPresidents(ctx: ArticleContext) {
  return ctx.matches.role.filter((r) => {
    if (r.surface.target !== 'president') return false;
    const org = (ctx.entitiesBySentence[r.sentence] ?? []).find((e) => e.first === r.last + 1);
    const target = org?.surface.target;
    return (
      target?.startsWith('Organization:') && ctx.lexicon.entities.get(target)?.kind === 'company'
    );
  });
}

/**
 * Persons from the lexicon, and people the lexicon does not know, named right after a role
 * ("Menteri Luar Negeri Amerika John Kerry", "CEO perusahaan gas Rusia Gazprom Alexei Miller").
 */
export function annotatePersons(ctx: ArticleContext): EntityFindings {
  const mentions = lexicalMentions(ctx, 'Person', ANNOTATOR);
  const known = new Set(mentions.map((m) => m.start));
  const replaced = new Set<Mention>();
  const leaderStarts = new Set(
    ctx.matches.entity.filter((m) => m.surface.target.startsWith('Leader:')).map((m) => m.start),
  );
  // per sentence, for all its role words: tokens covered by names, and by role words
  const sentenceTokens = new Map<number, { covered: Set<number>; roleTokens: Set<number> }>();
  // ("Menteri" inside "Perdana Menteri" is a head of government's title: the leaders' annotator
  // names who holds it)
  const inTitle = (r: SentenceMatch) =>
    ctx.matches.role.some(
      (t) =>
        t.sentence === r.sentence &&
        t.start <= r.start &&
        r.end <= t.end &&
        t.end - t.start > r.end - r.start,
    );
  for (const role of [
    ...ctx.matches.personRole.filter((r) => !inTitle(r)),
    ...companyPresidents(ctx),
  ]) {
    const s = role.sentence;
    const toks = ctx.tokens[s] ?? [];
    const entities = ctx.entitiesBySentence[s] ?? [];
    let here = sentenceTokens.get(s);
    if (!here) {
      const roleTokens = new Set<number>();
      for (const r of ctx.matches.personRole) {
        if (r.sentence !== s) continue;
        for (let k = r.first; k <= r.last; k++) roleTokens.add(k);
      }
      here = { covered: coveredTokens(ctx, s, entities), roleTokens };
      sentenceTokens.set(s, here);
    }
    const { covered, roleTokens } = here;
    let i = role.last + 1;
    let steps = 0;
    const { placeWords, placeRoles, institutionWords } = ctx.lexicon;
    // a place may stand before the name: "Gubernur Sverdlovsk Denis Pasler"
    let place = placeRoles.has(ctx.text.slice(role.start, role.end).toLowerCase());
    while (i < toks.length && steps <= MAX_BRIDGE) {
      const t = toks[i] as Token;
      const prev = toks[i - 1] as Token;
      const gap = ctx.text.slice(prev.end, t.start);
      if (/[.;:!?"“”]/.test(gap)) break;
      if (covered.has(t.start)) {
        // a family name the lexicon knows, of someone else whom the article names in full:
        // "Gubernur Provinsi Heilongjiang Liang Huiling" is not Liang Guanglie
        // (and so may the next word be: "Presiden CNPC Chen Geng", where Chen and Geng are both
        // family names the lexicon knows)
        const short = unnamedShortAt(ctx, entities, i);
        if (short) {
          const open = new Set(covered);
          open.delete(t.start);
          const second = unnamedShortAt(ctx, entities, i + 1);
          if (second) open.delete(second.start);
          const name = nameAt(ctx, s, i, open);
          if (name && name[0] === i) {
            // (no longer covered for the sentence's other roles either: it begins that name)
            for (const e of [short, ...(second && name[1] > i ? [second] : [])]) {
              for (const m of mentions)
                if (m.start === e.start && m.rule === 'short') replaced.add(m);
              covered.delete(e.start);
              known.delete(e.start);
            }
          }
        }
      }
      if (covered.has(t.start)) {
        if (known.has(t.start) || leaderStarts.has(t.start)) break; // the named person is already known
        const m = entities.find((e) => e.first === i);
        i = m ? m.last + 1 : i + 1;
        steps++;
        continue;
      }
      if (roleTokens.has(i)) {
        i++;
        steps++;
        continue;
      }
      const word = ctx.text.slice(t.start, t.end);
      // "Daerah Amur", "Amur Oblast": a place, not the name
      const next = toks[i + 1];
      const placeName = (k: number) => {
        const u = toks[k];
        return u !== undefined && !covered.has(u.start) && isCapitalized(ctx, u);
      };
      if (placeWords.has(t.norm) || (next && placeWords.has(next.norm) && placeName(i))) {
        // the place word and the name after it, or the name and the place word after it
        i += placeWords.has(t.norm) && !placeName(i + 1) ? 1 : 2;
        place = true;
        steps++;
        continue;
      }
      // "dari Universitas Padjadjaran, Bambang Hariyadi": an institution, then the name
      if (institutionWords.has(t.norm)) {
        i = pastInstitution(ctx, toks, i);
        steps++;
        continue;
      }
      const found = nameAt(ctx, s, i, covered);
      const name: [number, number] | undefined =
        found && place && found[1] - found[0] >= 2 ? [found[1] - 1, found[1]] : found;
      if (name) {
        const first = toks[name[0]] as Token;
        const last = toks[name[1]] as Token;
        const label = ctx.text.slice(first.start, last.end);
        mentions.push({
          key: `Person:${slug(label)}`,
          type: 'Person',
          label,
          start: first.start,
          end: last.end,
          text: label,
          sentence: s,
          zone: role.zone,
          annotator: ANNOTATOR,
          rule: 'role+name',
          attributes: { role: ctx.text.slice(role.start, role.end) },
        });
        break;
      }
      // lower-case words and bracketed acronyms may stand between the role and the name; not a
      // demonstrative or a verb, which end the role's phrase ("aliansi pimpinan Amerika Serikat
      // itu meninggalkan pendekatan era Perang Dingin")
      if (word === word.toLowerCase() && PHRASE_END.test(word)) break;
      if (word === word.toLowerCase() || (word === word.toUpperCase() && /\(\s*$/.test(gap))) {
        i++;
        steps++;
        continue;
      }
      if (word === word.toUpperCase()) {
        i++;
        steps++;
        continue;
      }
      break;
    }
  }
  return {
    mentions: ownFamilyNames(
      ctx,
      mentions.filter((m) => !replaced.has(m)),
    ),
    leads: [],
  };
}

/**
 * A family name alone is the person the article names in full with it ("Gubernur Provinsi
 * Heilongjiang Liang Huiling … Gubernur Liang"), not someone of the lexicon whom the article
 * never names in full (Liang Guanglie).
 */
function ownFamilyNames(ctx: ArticleContext, mentions: Mention[]): Mention[] {
  const byWord = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.rule !== 'role+name') continue;
    const words = m.label.toLowerCase().split(/\s+/u);
    for (const w of [words[0], words.at(-1)]) if (w && !byWord.has(w)) byWord.set(w, m);
  }
  if (byWord.size === 0) return mentions;
  return mentions.map((m) => {
    if (m.rule !== 'short' || ctx.namedInFull.has(m.key)) return m;
    const own = byWord.get(m.text.toLowerCase());
    return own ? { ...m, key: own.key, label: own.label } : m;
  });
}

/**
 * The token after an institution's name that begins at `i`: its capitalized words, the small
 * words inside it ("Centre for Strategic and International Studies") and its acronym in
 * brackets ("(CSIS)", "(Celios)").
 */
function pastInstitution(ctx: ArticleContext, toks: Token[], i: number): number {
  let j = i + 1;
  while (j < toks.length) {
    const t = toks[j] as Token;
    const gap = ctx.text.slice((toks[j - 1] as Token).end, t.start);
    if (gap.includes('(')) {
      // the acronym: "(CSIS)", up to its closing bracket
      const close = ctx.text.indexOf(')', t.start);
      if (close === -1 || close - t.start > 20) break;
      while (j < toks.length && (toks[j] as Token).start < close) j++;
      continue;
    }
    if (!/^\s+$/.test(gap)) break;
    const word = ctx.text.slice(t.start, t.end);
    const capital = word[0] !== word[0]?.toLowerCase();
    const small = SMALL_WORDS.has(t.norm) && toks[j + 1] !== undefined;
    if (!capital && !small) break;
    j++;
  }
  return j;
}

// "itu", "tersebut"; Indonesian active verbs ("meninggalkan", "menilai", "bertemu")
const PHRASE_END = /^(?:itu|ini|tersebut|(?:me[mnl]?|meng|meny|ber)\p{L}{3,})$/u;

/** Small words inside an institution's name. */
const SMALL_WORDS = new Set(['of', 'for', 'and', 'on', 'the', 'dan', 'untuk', 'de']);
