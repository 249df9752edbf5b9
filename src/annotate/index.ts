import { type Lexicon, loadLexicon } from '../lexicon/index.js';
import type { AnnotationDocument, ArticleMeta, Evidence } from '../model/types.js';
import { type ArticleContext, type ArticleInput, buildContext } from './context.js';
import { DocumentBuilder } from './document.js';
import { findEntities } from './entities/index.js';
import { officeAt } from './entities/offices.js';
import { annotateEvents } from './events/index.js';
import type { EntityFindings, Mention } from './mention.js';

export type { ArticleInput } from './context.js';

/** Attributes an entity node takes from the lexicon (or from the pattern that found it). */
function entityAttributes(ctx: ArticleContext, m: Mention): Record<string, unknown> {
  const lex = ctx.lexicon.entities.get(m.key);
  const attrs: Record<string, unknown> = { ...(m.attributes ?? {}) };
  if (!lex) return attrs;
  if (lex.wikidata) attrs.wikidata = lex.wikidata;
  if (m.type === 'Country') attrs.iso = lex.id;
  if (lex.country) attrs.country = lex.country;
  if (lex.kind) attrs.kind = lex.kind;
  if (m.type === 'Leader') {
    const office = officeAt(lex, ctx.anchor);
    if (office) {
      attrs.country = office.country;
      attrs.role = office.role;
    }
  }
  return attrs;
}

/** Article node, entity nodes with their evidence, MENTIONS, LEADS, LOCATED_IN and MEMBER_OF edges. */
function addEntities(doc: DocumentBuilder, ctx: ArticleContext, found: EntityFindings): void {
  const articleKey = `Article:${ctx.id}`;
  const titleLine = ctx.lines.find((l) => l.zone === 'title');
  const title =
    ctx.meta.title ??
    (titleLine ? ctx.text.slice(titleLine.start, titleLine.end).trim() : undefined);
  const articleAttrs: Record<string, unknown> = {};
  for (const k of ['url', 'outlet', 'published', 'language'] as const)
    if (ctx.meta[k]) articleAttrs[k] = ctx.meta[k];
  if (title) articleAttrs.title = title;
  doc.node(articleKey, 'Article', title ?? ctx.id, articleAttrs, []);

  const evidenceOf = new Map<string, Evidence[]>();
  // the lexicon's attributes of an entity are the same at every mention: computed once per key
  const lexiconAttributes = new Map<string, { type: string; attrs: Record<string, unknown> }>();
  for (const m of found.mentions) {
    const ev = doc.evidence(m.start, m.end, m.text, m.annotator, m.rule);
    const known = m.attributes ? undefined : lexiconAttributes.get(m.key);
    let attrs = known?.type === m.type ? known.attrs : undefined;
    if (!attrs) {
      attrs = entityAttributes(ctx, m);
      if (!m.attributes) lexiconAttributes.set(m.key, { type: m.type, attrs });
    }
    doc.node(m.key, m.type, m.label, attrs, [ev]);
    const list = evidenceOf.get(m.key);
    if (list) list.push(ev);
    else evidenceOf.set(m.key, [ev]);
  }
  for (const [key, evidence] of evidenceOf) doc.edge('MENTIONS', articleKey, key, {}, evidence);
  for (const l of found.leads) {
    const country = `Country:${l.country}`;
    if (!doc.hasNode(l.leader)) continue;
    doc.edge('LEADS', l.leader, country, { role: l.role }, [
      doc.evidence(l.start, l.end, l.text, 'leaders', l.rule),
    ]);
  }
  // facts from the lexicon, between nodes the article names
  for (const [key, evidence] of evidenceOf) {
    const lex = ctx.lexicon.entities.get(key);
    if (!lex || !evidence[0]) continue;
    if (lex.type === 'Location' && lex.country) {
      const country = `Country:${lex.country}`;
      const target = evidenceOf.get(country)?.[0];
      if (target) doc.edge('LOCATED_IN', key, country, {}, [evidence[0], target]);
    }
    if (lex.type === 'Country') {
      for (const org of lex.memberOf ?? []) {
        const orgKey = `Organization:${org}`;
        const target = evidenceOf.get(orgKey)?.[0];
        if (target) doc.edge('MEMBER_OF', key, orgKey, {}, [evidence[0], target]);
      }
    }
  }
}

/**
 * Annotate one article: entities and events, as one annotation document (graphology's
 * serialization shape plus the article's metadata). Pure: no I/O.
 */
export function annotateArticle(
  input: ArticleInput,
  lexicon: Lexicon = loadLexicon(),
): AnnotationDocument {
  const ctx = buildContext(input, lexicon);
  const doc = new DocumentBuilder(input.meta);
  const found = findEntities(ctx);
  addEntities(doc, ctx, found);
  annotateEvents(doc, ctx, found);
  return doc.build();
}

/** Annotate a text with optional metadata (the library's `annotate`). */
export function annotate(
  text: string,
  metadata: Partial<ArticleMeta> = {},
  lexicon?: Lexicon,
): AnnotationDocument {
  const meta: ArticleMeta = { id: metadata.id ?? 'article', ...metadata };
  return annotateArticle({ id: meta.id, text, meta }, lexicon);
}
