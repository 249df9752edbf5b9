import type { AnnotationDocument } from '../model/types.js';
import { add, type Counts, compareSets, zero } from './counts.js';
import type { Gold, GoldAgreement, GoldMeeting } from './gold.js';
import { type PredictedAgreement, type PredictedMeeting, predictedEvents } from './predicted.js';

export const SCORED_TYPES = ['Leader', 'Person', 'Country', 'Location', 'Organization'] as const;
const REMOTE = new Set(['video_call', 'phone_call']);

export interface Shares {
  matched: number;
  yearRight: number;
  dayKnown: number;
  dayRight: number;
  kindRight: number;
  coarseKindRight: number;
  locationGraded: number;
  locationRight: number;
}

export interface ArticleScore {
  article: string;
  entities: Record<string, Counts & { missed: string[]; extra: string[] }>;
  meetings: Counts;
  meetingsByYear: Counts;
  agreements: Counts;
  signatories: Counts;
  agreementSectors: Counts;
  meetingSectors: Counts;
  shares: Shares;
  /** human-readable notes on what did not match, for `kg eval --verbose` */
  notes: string[];
}

/** All shares at zero. */
export function emptyShares(): Shares {
  return {
    matched: 0,
    yearRight: 0,
    dayKnown: 0,
    dayRight: 0,
    kindRight: 0,
    coarseKindRight: 0,
    locationGraded: 0,
    locationRight: 0,
  };
}

function dateMatches(predicted: string | undefined, gold: GoldMeeting, byYear: boolean): boolean {
  if (!predicted) return false;
  if (byYear) {
    const years = [gold.date, ...(gold.dates ?? [])]
      .filter(Boolean)
      .map((d) => (d as string).slice(0, 4));
    return years.includes(predicted.slice(0, 4));
  }
  if (
    gold.dates &&
    predicted.length === 10 &&
    gold.dates[0] <= predicted &&
    predicted <= gold.dates[1]
  )
    return true;
  if (!gold.date) return false;
  return predicted.length >= gold.date.length && predicted.slice(0, gold.date.length) === gold.date;
}

/**
 * Maximum bipartite matching (augmenting paths) of predicted to gold items, grown from `start`
 * (pred -> gold): an augmenting path never unmatches a gold item, so those of `start` stay matched.
 */
function bipartite(
  nPred: number,
  nGold: number,
  ok: (p: number, g: number) => boolean,
  start = new Map<number, number>(),
): Map<number, number> {
  const goldOf = new Map<number, number>([...start].map(([p, g]) => [g, p])); // gold -> pred
  const tryAssign = (p: number, seen: Set<number>): boolean => {
    for (let g = 0; g < nGold; g++) {
      if (!ok(p, g) || seen.has(g)) continue;
      seen.add(g);
      const other = goldOf.get(g);
      if (other === undefined || tryAssign(other, seen)) {
        goldOf.set(g, p);
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < nPred; p++) if (!start.has(p)) tryAssign(p, new Set());
  return new Map([...goldOf.entries()].map(([g, p]) => [p, g]));
}

/**
 * Pairs of predicted and gold meetings: as many required gold as can be matched, then as many
 * optional gold besides (a prediction matched to a required meeting may move to another
 * required one to free itself: "Putin and Xi" and "Putin, Xi, Modi and Erdogan" of one summit
 * day both fit "Putin and Xi"; the larger one also fits the optional summit).
 */
function matchMeetings(
  pred: PredictedMeeting[],
  gold: GoldMeeting[],
  leaders: Set<string>,
  byYear: boolean,
): Map<number, number> {
  const fits = (p: number, g: number): boolean => {
    const gm = gold[g] as GoldMeeting;
    const pm = pred[p] as PredictedMeeting;
    return (
      gm.participants.filter((x) => leaders.has(x)).every((x) => pm.participants.includes(x)) &&
      dateMatches(pm.date, gm, byYear)
    );
  };
  const required = bipartite(pred.length, gold.length, (p, g) => !gold[g]?.optional && fits(p, g));
  return bipartite(pred.length, gold.length, fits, required);
}

function countMeetings(
  pred: PredictedMeeting[],
  gold: GoldMeeting[],
  pairs: Map<number, number>,
): Counts {
  const c = zero();
  pred.forEach((_, p) => {
    const g = pairs.get(p);
    if (g === undefined) c.fp++;
    else if (!gold[g]?.optional) c.tp++;
  });
  const matchedGold = new Set(pairs.values());
  gold.forEach((gm, g) => {
    if (!gm.optional && !matchedGold.has(g)) c.fn++;
  });
  return c;
}

const sameKind = (p: string, g: string): boolean => {
  if (g === 'other') return true;
  const norm = (k: string) => (k === 'declaration' ? 'joint_statement' : k);
  return norm(p) === norm(g);
};

function pairAgreements(
  pred: PredictedAgreement[],
  gold: GoldAgreement[],
): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  pred.forEach((pa, p) => {
    gold.forEach((ga, g) => {
      if (!sameKind(pa.kind, ga.kind)) return;
      const shared =
        pa.signatories.filter((x) => ga.signatories?.includes(x)).length +
        pa.sectors.filter((x) => ga.sectors?.includes(x) || ga.optionalSectors?.includes(x)).length;
      // exact kind, then required gold, break ties
      const bonus = (pa.kind === ga.kind ? 0.5 : 0) + (ga.optional ? 0 : 0.25);
      candidates.push([p, g, shared + bonus]);
    });
  });
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [p, g] of candidates) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    pairs.push([p, g]);
  }
  return pairs;
}

/** Score one article's annotation document against its gold, as gold-format.md defines. */
export function scoreArticle(doc: AnnotationDocument, gold: Gold): ArticleScore {
  const notes: string[] = [];
  const entities: ArticleScore['entities'] = {};
  for (const type of SCORED_TYPES) {
    const predicted = doc.nodes
      .filter((n) => n.attributes.type === type)
      .map((n) => n.key.slice(type.length + 1));
    const r = compareSets(
      predicted,
      gold.entities?.[type] ?? [],
      gold.optionalEntities?.[type] ?? [],
    );
    entities[type] = r;
    if (r.missed.length) notes.push(`${type} missed: ${r.missed.join(', ')}`);
    if (r.extra.length) notes.push(`${type} extra: ${r.extra.join(', ')}`);
  }
  const leaders = new Set([
    ...(gold.entities?.Leader ?? []),
    ...(gold.optionalEntities?.Leader ?? []),
  ]);
  const pred = predictedEvents(doc);
  const goldMeetings = gold.meetings ?? [];
  const goldAgreements = gold.agreements ?? [];
  const pairs = matchMeetings(pred, goldMeetings, leaders, false);
  const meetings = countMeetings(pred, goldMeetings, pairs);
  const meetingsByYear = countMeetings(
    pred,
    goldMeetings,
    matchMeetings(pred, goldMeetings, leaders, true),
  );

  const shares = emptyShares();
  const meetingSectors = zero();
  const agreements = zero();
  const signatories = zero();
  const agreementSectors = zero();
  const missAll = (ga: GoldAgreement) => {
    if (ga.optional) return;
    agreements.fn++;
    signatories.fn += ga.signatories?.length ?? 0;
    agreementSectors.fn += (ga.sectors ?? []).filter(
      (s) => !ga.optionalSectors?.includes(s),
    ).length;
  };
  const extraAll = (pa: PredictedAgreement) => {
    agreements.fp++;
    signatories.fp += pa.signatories.length;
    agreementSectors.fp += pa.sectors.length;
  };

  pred.forEach((pm, p) => {
    const g = pairs.get(p);
    if (g === undefined) {
      meetingSectors.fp += pm.sectors.length;
      pm.agreements.forEach(extraAll);
      notes.push(
        `meeting extra: ${pm.key} [${pm.participants.join(', ')}] ${pm.date ?? '?'} ${pm.kind ?? '?'}`,
      );
      return;
    }
    const gm = goldMeetings[g] as GoldMeeting;
    const golds = goldAgreements.filter((a) => a.meeting === gm.id);
    if (!gm.optional) {
      shares.matched++;
      if (
        pm.date &&
        [gm.date, ...(gm.dates ?? [])].some((d) => d && d.slice(0, 4) === pm.date?.slice(0, 4))
      )
        shares.yearRight++;
      if (gm.date?.length === 10) {
        shares.dayKnown++;
        if (
          pm.date === gm.date ||
          (pm.date?.length === 10 && gm.dates && gm.dates[0] <= pm.date && pm.date <= gm.dates[1])
        )
          shares.dayRight++;
        else notes.push(`meeting ${gm.id}: day ${pm.date ?? '?'} vs gold ${gm.date}`);
      }
      if (pm.kind === gm.kind) shares.kindRight++;
      else notes.push(`meeting ${gm.id}: kind ${pm.kind} vs gold ${gm.kind}`);
      if (gm.kind && pm.kind && REMOTE.has(pm.kind) === REMOTE.has(gm.kind))
        shares.coarseKindRight++;
      if (gm.location) {
        shares.locationGraded++;
        if (pm.locations.some((l) => gm.location?.includes(l))) shares.locationRight++;
        else
          notes.push(
            `meeting ${gm.id}: location [${pm.locations.join(', ')}] vs gold [${gm.location.join(', ')}]`,
          );
      }
      const s = compareSets(pm.sectors, gm.sectors ?? [], gm.optionalSectors ?? []);
      add(meetingSectors, s);
      if (s.missed.length) notes.push(`meeting ${gm.id} sectors missed: ${s.missed.join(', ')}`);
      if (s.extra.length) notes.push(`meeting ${gm.id} sectors extra: ${s.extra.join(', ')}`);
    }
    const agreementPairs = pairAgreements(pm.agreements, golds);
    const pairedP = new Set(agreementPairs.map(([a]) => a));
    const pairedG = new Set(agreementPairs.map(([, b]) => b));
    pm.agreements.forEach((pa, i) => {
      if (!pairedP.has(i)) {
        extraAll(pa);
        notes.push(`agreement extra: ${pa.key} (${pa.kind})`);
      }
    });
    golds.forEach((ga, i) => {
      if (!pairedG.has(i)) {
        missAll(ga);
        if (!ga.optional)
          notes.push(
            `agreement missed: ${gm.id} ${ga.kind} [${(ga.signatories ?? []).join(', ')}]`,
          );
      }
    });
    for (const [a, b] of agreementPairs) {
      const pa = pm.agreements[a] as PredictedAgreement;
      const ga = golds[b] as GoldAgreement;
      if (ga.optional) continue;
      agreements.tp++;
      const sig = compareSets(pa.signatories, ga.signatories ?? []);
      add(signatories, sig);
      const sec = compareSets(pa.sectors, ga.sectors ?? [], ga.optionalSectors ?? []);
      add(agreementSectors, sec);
      if (sig.missed.length || sig.extra.length)
        notes.push(
          `agreement ${ga.kind} signatories missed [${sig.missed.join(', ')}] extra [${sig.extra.join(', ')}]`,
        );
      if (sec.missed.length || sec.extra.length)
        notes.push(
          `agreement ${ga.kind} sectors missed [${sec.missed.join(', ')}] extra [${sec.extra.join(', ')}]`,
        );
    }
  });
  const matchedGold = new Set(pairs.values());
  goldMeetings.forEach((gm, g) => {
    if (matchedGold.has(g)) return;
    if (!gm.optional) {
      meetingSectors.fn += (gm.sectors ?? []).filter(
        (s) => !gm.optionalSectors?.includes(s),
      ).length;
      notes.push(`meeting missed: ${gm.id} ${gm.date ?? ''} [${gm.participants.join(', ')}]`);
    }
    goldAgreements.filter((a) => a.meeting === gm.id).forEach(missAll);
  });
  return {
    article: gold.article,
    entities,
    meetings,
    meetingsByYear,
    agreements,
    signatories,
    agreementSectors,
    meetingSectors,
    shares,
    notes,
  };
}
