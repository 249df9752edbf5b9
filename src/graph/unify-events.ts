import type { AnnotationDocument, DocEdge } from '../model/types.js';

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

const PRECISION: Record<string, number> = { year: 1, month: 2, day: 3 };
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86400000;

/** Do two reports of the same leaders describe one meeting? Dates a day or two apart (a visit of several days) do. */
function sameMeeting(a: MeetingRef, b: MeetingRef): boolean {
  if (a.participants !== b.participants || a.remote !== b.remote || !a.date || !b.date)
    return false;
  if (a.precision === 3 && b.precision === 3) {
    const [a0, a1] = [dayNumber(a.date), dayNumber(a.endDate ?? a.date)];
    const [b0, b1] = [dayNumber(b.date), dayNumber(b.endDate ?? b.date)];
    return a0 <= b1 + 2 && b0 <= a1 + 2;
  }
  return false;
}

function find(parent: number[], i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] as number;
  parent[i] = r;
  return r;
}

/**
 * Give one key to the same meeting reported by several articles (different outlets and
 * wording, dates a day apart in a multi-day visit), and to the agreements signed there, before
 * the documents are merged. A report dated only to the month or year joins a day-dated meeting
 * when it is the only one of those leaders in that month or year. The canonical key is that of
 * the earliest day-dated report, so it does not depend on the order of the articles. Returns new
 * documents; the inputs are not changed.
 */
export function unifyMeetings(documents: AnnotationDocument[]): AnnotationDocument[] {
  const refs: MeetingRef[] = [];
  documents.forEach((doc, d) => {
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
        precision: PRECISION[String(a.datePrecision)] ?? 0,
        remote: REMOTE.has(String(a.kind)),
        participants: (participants.get(n.key) ?? []).sort().join('|'),
      };
      if (typeof a.date === 'string') ref.date = a.date;
      if (typeof a.endDate === 'string') ref.endDate = a.endDate;
      refs.push(ref);
    }
  });
  const parent = refs.map((_, i) => i);
  for (let i = 0; i < refs.length; i++) {
    for (let j = i + 1; j < refs.length; j++) {
      if (
        refs[i]?.doc !== refs[j]?.doc &&
        sameMeeting(refs[i] as MeetingRef, refs[j] as MeetingRef)
      )
        parent[find(parent, j)] = find(parent, i);
    }
  }
  // month- or year-dated reports join the one day-dated meeting of those leaders they fall in
  refs.forEach((r, i) => {
    if (r.precision === 3 || !r.date) return;
    const roots = new Set(
      refs
        .map((o, j) => ({ o, j }))
        .filter(
          ({ o }) =>
            o.precision === 3 &&
            o.participants === r.participants &&
            o.remote === r.remote &&
            o.date?.startsWith(r.date as string),
        )
        .map(({ j }) => find(parent, j)),
    );
    if (roots.size === 1) parent[find(parent, i)] = [...roots][0] as number;
  });
  const canonical = new Map<number, string>();
  refs.forEach((r, i) => {
    const root = find(parent, i);
    const cur = canonical.get(root);
    const better = (a: MeetingRef, key: string | undefined) => {
      if (!key) return true;
      const b = refs.find(
        (x) => x.key === key && find(parent, refs.indexOf(x)) === root,
      ) as MeetingRef;
      return (
        a.precision > b.precision ||
        (a.precision === b.precision &&
          ((a.date ?? '') < (b.date ?? '') || (a.date === b.date && a.key < b.key)))
      );
    };
    if (better(r, cur)) canonical.set(root, r.key);
  });
  return documents.map((doc, d) => {
    const rename = new Map<string, string>();
    refs.forEach((r, i) => {
      if (r.doc !== d) return;
      const to = canonical.get(find(parent, i)) as string;
      if (to !== r.key) rename.set(r.key, to);
    });
    if (rename.size === 0) return doc;
    // agreement keys embed their meeting's id
    for (const n of doc.nodes) {
      if (n.attributes.type !== 'Agreement') continue;
      for (const [from, to] of rename) {
        const prefix = `Agreement:${from.slice('Meeting:'.length)}:`;
        if (n.key.startsWith(prefix))
          rename.set(
            n.key,
            `Agreement:${to.slice('Meeting:'.length)}:${n.key.slice(prefix.length)}`,
          );
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
  });
}
