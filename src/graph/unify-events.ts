import { type AnnotationDocument, type DocEdge, PRECISION_RANK } from '../model/types.js';

const REMOTE = new Set(['video_call', 'phone_call']);

interface MeetingRef {
  doc: number;
  key: string;
  date?: string;
  endDate?: string;
  precision: number;
  remote: boolean;
  participants: string;
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86400000;

function find(parent: number[], i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] as number;
  parent[i] = r;
  return r;
}

/**
 * Gives one key to the same meeting reported by several articles (different outlets and
 * wording, dates a day apart in a multi-day visit), and to the agreements signed there, before
 * the documents are merged. A report dated only to the month or year joins a day-dated meeting
 * when it is the only one of those leaders in that month or year. The canonical key is that of
 * the earliest day-dated report, so it does not depend on the order of the articles.
 *
 * Streaming form: `add` each document (only its meetings are kept), then `renames()` gives, per
 * document handle, the meeting keys to rename; `renameMeetings` applies them to a document.
 */
export class MeetingIndex {
  private readonly refs: MeetingRef[] = [];
  private documents = 0;

  /** Note a document's meetings; returns the document's handle for `renames()`. */
  add(doc: AnnotationDocument): number {
    const d = this.documents++;
    const participants = new Map<string, string[]>();
    for (const e of doc.edges)
      if (e.attributes.type === 'PARTICIPATED_IN')
        participants.set(e.target, [...(participants.get(e.target) ?? []), e.source]);
    for (const n of doc.nodes) {
      if (n.attributes.type !== 'Meeting') continue;
      const a = n.attributes;
      const ref: MeetingRef = {
        doc: d,
        key: n.key,
        precision: PRECISION_RANK[String(a.datePrecision)] ?? 0,
        remote: REMOTE.has(String(a.kind)),
        participants: (participants.get(n.key) ?? []).sort().join('|'),
      };
      if (typeof a.date === 'string') ref.date = a.date;
      if (typeof a.endDate === 'string') ref.endDate = a.endDate;
      this.refs.push(ref);
    }
    return d;
  }

  /** Meeting key renames by document handle (documents with nothing to rename are absent). */
  renames(): Map<number, Map<string, string>> {
    const refs = this.refs;
    const parent = refs.map((_, i) => i);
    // group by participants and remote/in-person, then sweep each group in date order: linear, not
    // every pair of meetings of a large corpus
    const groups = new Map<string, number[]>();
    refs.forEach((r, i) => {
      const g = `${r.participants}\u0000${r.remote}`;
      const list = groups.get(g);
      if (list) list.push(i);
      else groups.set(g, [i]);
    });
    const byPeriod = new Map<string, Set<number>>();
    for (const [g, members] of groups) {
      const days = members
        .filter((i) => refs[i]?.precision === 3 && refs[i]?.date)
        .sort((a, b) => (refs[a]?.date as string).localeCompare(refs[b]?.date as string) || a - b);
      let previous: number | undefined;
      let reach = Number.NEGATIVE_INFINITY;
      for (const i of days) {
        const r = refs[i] as MeetingRef;
        const start = dayNumber(r.date as string);
        if (previous !== undefined && start <= reach + 2)
          parent[find(parent, i)] = find(parent, previous);
        reach = Math.max(
          previous !== undefined && start <= reach + 2 ? reach : start,
          dayNumber(r.endDate ?? (r.date as string)),
        );
        previous = i;
      }
      for (const i of days) {
        const date = refs[i]?.date as string;
        for (const period of [date.slice(0, 7), date.slice(0, 4)]) {
          const key = `${g}\u0000${period}`;
          const roots = byPeriod.get(key) ?? new Set<number>();
          roots.add(i);
          byPeriod.set(key, roots);
        }
      }
    }
    // month- or year-dated reports join the one day-dated meeting of those leaders they fall in;
    // the day-dated groups are final here, so each period's single root (or none, when it holds
    // several meetings) is found once, not once per report (quadratic in a large corpus)
    const periodRoot = new Map<string, number | undefined>();
    for (const [period, members] of byPeriod) {
      let root: number | undefined;
      for (const j of members) {
        const r = find(parent, j);
        if (root === undefined) root = r;
        else if (r !== root) {
          root = undefined;
          break;
        }
      }
      periodRoot.set(period, root);
    }
    refs.forEach((r, i) => {
      if (r.precision === 3 || !r.date) return;
      const root = periodRoot.get(`${r.participants}\u0000${r.remote}\u0000${r.date}`);
      if (root !== undefined) parent[find(parent, i)] = root;
    });
    // the canonical key: the most precise, then earliest, then smallest key of each group
    const canonical = new Map<number, MeetingRef>();
    refs.forEach((r, i) => {
      const root = find(parent, i);
      const best = canonical.get(root);
      const better =
        !best ||
        r.precision > best.precision ||
        (r.precision === best.precision &&
          ((r.date ?? '') < (best.date ?? '') || (r.date === best.date && r.key < best.key)));
      if (better) canonical.set(root, r);
    });
    const refsOfDoc = new Map<number, number[]>();
    refs.forEach((r, i) => {
      const list = refsOfDoc.get(r.doc);
      if (list) list.push(i);
      else refsOfDoc.set(r.doc, [i]);
    });
    const out = new Map<number, Map<string, string>>();
    for (const [d, list] of refsOfDoc) {
      const rename = new Map<string, string>();
      for (const i of list) {
        const r = refs[i] as MeetingRef;
        const to = (canonical.get(find(parent, i)) as MeetingRef).key;
        if (to !== r.key) rename.set(r.key, to);
      }
      if (rename.size > 0) out.set(d, rename);
    }
    return out;
  }
}

/** The document with its meetings (and the agreements whose keys embed them) renamed. */
export function renameMeetings(
  doc: AnnotationDocument,
  meetings: Map<string, string> | undefined,
): AnnotationDocument {
  if (!meetings || meetings.size === 0) return doc;
  const rename = new Map(meetings);
  // agreement keys embed their meeting's id
  for (const n of doc.nodes) {
    if (n.attributes.type !== 'Agreement') continue;
    for (const [from, to] of meetings) {
      const prefix = `Agreement:${from.slice('Meeting:'.length)}:`;
      if (n.key.startsWith(prefix))
        rename.set(n.key, `Agreement:${to.slice('Meeting:'.length)}:${n.key.slice(prefix.length)}`);
    }
  }
  const map = (k: string) => rename.get(k) ?? k;
  const edge = (e: DocEdge): DocEdge => {
    const source = map(e.source);
    const target = map(e.target);
    return { ...e, source, target, key: `${e.attributes.type}:${source}->${target}` };
  };
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      rename.has(n.key)
        ? { ...n, key: map(n.key), attributes: { ...n.attributes, reportedAs: [n.key] } }
        : n,
    ),
    edges: doc.edges.map(edge),
  };
}

/** `MeetingIndex` over a list of documents: new documents, the inputs unchanged. */
export function unifyMeetings(documents: AnnotationDocument[]): AnnotationDocument[] {
  const index = new MeetingIndex();
  const handles = documents.map((d) => index.add(d));
  const renames = index.renames();
  return documents.map((doc, i) => renameMeetings(doc, renames.get(handles[i] as number)));
}
