import type { ErrorObject } from 'ajv';
import { type AnnotationDocument, type EdgeType, edgeKey } from '../model/types.js';
import { describeError, validator } from '../util/schema.js';

/** A schema violation, as data: which article, where in the document, what is wrong. */
export interface ValidationIssue {
  article: string;
  path: string;
  message: string;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON path of an ajv error: a missing or unknown field's own path, not its parent's. */
function pathOf(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required')
    return `${e.instancePath}/${escapePointer(String(params.missingProperty))}`;
  if (e.keyword === 'additionalProperties')
    return `${e.instancePath}/${escapePointer(String(params.additionalProperty))}`;
  return e.instancePath || '/';
}

/**
 * Validate an annotation document (from the annotators, a custom annotator or a file) with the
 * compiled schema, reporting every violation with its JSON path; then, on a document of the
 * right shape, the checks a schema cannot express: evidence offsets inside the text and equal
 * to its slice, evidence of this article, edge keys as `TYPE:source->target` with both ends
 * present, no key twice.
 */
export function validateDocument(doc: unknown, text?: string): ValidationIssue[] {
  const validate = validator('document.schema.json');
  const article = (doc as { article?: { id?: unknown } })?.article?.id;
  const id = typeof article === 'string' ? article : '?';
  if (!validate(doc)) {
    // "must match then schema" only wraps the errors inside the `then`, reported on their own
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    const seen = new Set<string>();
    return errors.flatMap((e) => {
      const issue = { article: id, path: pathOf(e), message: describeError(e) };
      const key = `${issue.path}\n${issue.message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [issue];
    });
  }
  const d = doc as AnnotationDocument;
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ article: id, path, message });
  // paths are built only for an issue: most documents have none, and thousands of evidence items
  const checkEvidence = (
    path: () => string,
    evidence: AnnotationDocument['nodes'][number]['attributes']['evidence'],
  ) => {
    for (let i = 0; i < evidence.length; i++) {
      const e = evidence[i] as (typeof evidence)[number];
      if (e.article !== id)
        add(`${path()}/${i}/article`, `evidence of article '${e.article}', not '${id}'`);
      if (e.end < e.start) add(`${path()}/${i}`, 'evidence ends before it starts');
      else if (text !== undefined && e.end > text.length)
        add(
          `${path()}/${i}/end`,
          `evidence ends at ${e.end}, after the end of the text (${text.length})`,
        );
      // start <= end <= text.length here, and the schema made them integers >= 0: the same as
      // comparing text.slice(start, end), without the copy
      else if (
        text !== undefined &&
        (e.end - e.start !== e.text.length || !text.startsWith(e.text, e.start))
      )
        add(`${path()}/${i}/text`, 'evidence text differs from the article text at its offsets');
    }
  };
  const keys = new Set<string>();
  for (let i = 0; i < d.nodes.length; i++) {
    const n = d.nodes[i] as AnnotationDocument['nodes'][number];
    if (keys.has(n.key)) add(`/nodes/${i}/key`, `node ${n.key} appears twice`);
    keys.add(n.key);
    const type = n.attributes.type;
    if (!(n.key.startsWith(type) && n.key.charCodeAt(type.length) === 0x3a))
      add(`/nodes/${i}/key`, `key does not start with its type ${n.attributes.type}`);
    if (!n.attributes.articles.includes(id))
      add(`/nodes/${i}/attributes/articles`, `does not list the document's article ${id}`);
    checkEvidence(() => `/nodes/${i}/attributes/evidence`, n.attributes.evidence);
  }
  const edgeKeys = new Set<string>();
  for (let i = 0; i < d.edges.length; i++) {
    const e = d.edges[i] as AnnotationDocument['edges'][number];
    if (edgeKeys.has(e.key)) add(`/edges/${i}/key`, `edge ${e.key} appears twice`);
    edgeKeys.add(e.key);
    const expected = edgeKey(e.attributes.type as EdgeType, e.source, e.target);
    if (e.key !== expected) add(`/edges/${i}/key`, `key should be ${expected}`);
    if (!keys.has(e.source)) add(`/edges/${i}/source`, `no node ${e.source}`);
    if (!keys.has(e.target)) add(`/edges/${i}/target`, `no node ${e.target}`);
    if (e.source === e.target) add(`/edges/${i}`, 'an edge from a node to itself');
    if (!e.attributes.articles.includes(id))
      add(`/edges/${i}/attributes/articles`, `does not list the document's article ${id}`);
    checkEvidence(() => `/edges/${i}/attributes/evidence`, e.attributes.evidence);
  }
  return issues;
}
