import type { AnnotationDocument } from '../model/types.js';
import { GraphMerger, type KgGraph } from './merger.js';
import { MeetingIndex, renameMeetings } from './unify-events.js';

// the node types whose keys meeting unification may rename (an agreement's key embeds its meeting's)
const RENAMABLE = new Set(['Meeting', 'Agreement']);

/**
 * Merges documents as they come, so a build can merge while its workers are still annotating,
 * and gives the graph `mergeDocuments` gives. Meeting unification needs every article's
 * meetings before it can rename any, so only the renamable part of each document (its meetings,
 * agreements and the edges that touch them) is held back and folded in at `finish()`, in the
 * same article order; everything else is folded in at once. The two parts never share a key,
 * and a key's value depends only on the order of its own contributions, so folding the held
 * part later changes nothing.
 */
export class StreamingMerge {
  private readonly merger: GraphMerger;
  private readonly meetings = new MeetingIndex();
  private readonly held: Array<{ handle: number; part: AnnotationDocument }> = [];
  private count = 0;

  constructor(name?: string) {
    this.merger = new GraphMerger(name);
  }

  /** Documents merged so far. */
  get length(): number {
    return this.count;
  }

  /** Merge one more document; documents must come in article-id order (see GraphMerger). */
  add(doc: AnnotationDocument): void {
    const handle = this.meetings.add(doc);
    this.count++;
    const heldKeys = new Set<string>();
    const now: AnnotationDocument = { article: doc.article, nodes: [], edges: [] };
    const later: AnnotationDocument = { article: doc.article, nodes: [], edges: [] };
    for (const n of doc.nodes) {
      if (RENAMABLE.has(n.attributes.type)) {
        heldKeys.add(n.key);
        later.nodes.push(n);
      } else now.nodes.push(n);
    }
    for (const e of doc.edges)
      (heldKeys.has(e.source) || heldKeys.has(e.target) ? later : now).edges.push(e);
    this.merger.add(now);
    if (later.nodes.length > 0 || later.edges.length > 0) this.held.push({ handle, part: later });
  }

  /** Unify meetings, fold in the held parts, and give the merged graph (`check`: see GraphMerger). */
  finish(check?: () => void): KgGraph {
    const renames = this.meetings.renames();
    this.merger.nextPass();
    for (const { handle, part } of this.held)
      this.merger.add(renameMeetings(part, renames.get(handle)));
    this.held.length = 0;
    return this.merger.finish(check);
  }
}
