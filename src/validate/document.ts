import type { AnnotationDocument } from '../model/types.js';
import { describeError, validator } from '../util/schema.js';

/** A schema violation, as data: which article, where in the document, what is wrong. */
export interface ValidationIssue {
  article: string;
  path: string;
  message: string;
}

/**
 * Validate an annotation document with the compiled schema, plus the checks a schema cannot
 * express: evidence offsets inside the text and equal to its slice, edge endpoints present.
 */
export function validateDocument(doc: unknown, text?: string): ValidationIssue[] {
  const validate = validator('document.schema.json');
  const article = (doc as { article?: { id?: unknown } })?.article?.id;
  const id = typeof article === 'string' ? article : '?';
  if (!validate(doc)) {
    return (validate.errors ?? []).map((e) => ({
      article: id,
      path: e.instancePath || '/',
      message: describeError(e),
    }));
  }
  const d = doc as AnnotationDocument;
  const issues: ValidationIssue[] = [];
  const keys = new Set(d.nodes.map((n) => n.key));
  const checkEvidence = (
    path: string,
    evidence: AnnotationDocument['nodes'][number]['attributes']['evidence'],
  ) => {
    evidence.forEach((e, i) => {
      if (e.end < e.start)
        issues.push({
          article: id,
          path: `${path}/${i}`,
          message: 'evidence ends before it starts',
        });
      else if (
        text !== undefined &&
        (e.end > text.length || text.slice(e.start, e.end) !== e.text)
      ) {
        issues.push({
          article: id,
          path: `${path}/${i}`,
          message: 'evidence text differs from the article text at its offsets',
        });
      }
    });
  };
  d.nodes.forEach((n, i) => {
    if (!n.key.startsWith(`${n.attributes.type}:`))
      issues.push({
        article: id,
        path: `/nodes/${i}/key`,
        message: `key does not start with its type ${n.attributes.type}`,
      });
    checkEvidence(`/nodes/${i}/attributes/evidence`, n.attributes.evidence);
  });
  d.edges.forEach((e, i) => {
    if (!keys.has(e.source))
      issues.push({ article: id, path: `/edges/${i}/source`, message: `no node ${e.source}` });
    if (!keys.has(e.target))
      issues.push({ article: id, path: `/edges/${i}/target`, message: `no node ${e.target}` });
    checkEvidence(`/edges/${i}/attributes/evidence`, e.attributes.evidence);
  });
  return issues;
}
