import type { AnnotationDocument, NodeAttributes } from '../model/types.js';

export interface PredictedMeeting {
  key: string;
  kind?: string;
  date?: string;
  participants: string[];
  locations: string[];
  sectors: string[];
  agreements: PredictedAgreement[];
}

export interface PredictedAgreement {
  key: string;
  kind: string;
  signatories: string[];
  sectors: string[];
}

const idOf = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The meetings and agreements of one annotation document, with ids as the gold writes them. */
export function predictedEvents(doc: AnnotationDocument): PredictedMeeting[] {
  const attrs = new Map<string, NodeAttributes>(doc.nodes.map((n) => [n.key, n.attributes]));
  const edgesInto = (target: string, type: string) =>
    doc.edges.filter((e) => e.target === target && e.attributes.type === type).map((e) => e.source);
  const edgesFrom = (source: string, type: string) =>
    doc.edges.filter((e) => e.source === source && e.attributes.type === type).map((e) => e.target);
  return doc.nodes
    .filter((n) => n.attributes.type === 'Meeting')
    .map((n) => {
      const a = n.attributes;
      const meeting: PredictedMeeting = {
        key: n.key,
        participants: edgesInto(n.key, 'PARTICIPATED_IN').map(idOf),
        locations: edgesFrom(n.key, 'HELD_IN').map(idOf),
        sectors: edgesFrom(n.key, 'DISCUSSED').map(idOf),
        agreements: edgesFrom(n.key, 'PRODUCED').map((key) => ({
          key,
          kind: String(attrs.get(key)?.kind ?? 'other'),
          signatories: edgesInto(key, 'SIGNED').map(idOf),
          sectors: edgesFrom(key, 'COVERS').map(idOf),
        })),
      };
      if (typeof a.kind === 'string') meeting.kind = a.kind;
      if (typeof a.date === 'string') meeting.date = a.date;
      return meeting;
    });
}
