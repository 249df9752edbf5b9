import type { AgreementKind, Evidence, MeetingKind } from '../../model/types.js';
import { push } from '../../util/multimap.js';
import type { ArticleContext, SentenceMatch } from '../context.js';
import { findDates } from '../dates/index.js';
import type { DocumentBuilder } from '../document.js';
import { officeAt } from '../entities/offices.js';
import type { EntityFindings, Mention } from '../mention.js';
import { type AgreementEvent, findAgreements } from './agreements.js';
import { datelineEnd } from './dateline.js';
import { LOCATIVE, PLACE_KINDS } from './describe.js';
import { discussedSectors } from './discussed.js';
import { sentenceFacts } from './facts.js';
import { agreementKey, meetingKey } from './keys.js';
import { findMeetings, type MeetingEvent, mainMeeting } from './meetings.js';

const KIND_LABEL: Record<MeetingKind, string> = {
  state_visit: 'state visit',
  official_visit: 'official visit',
  working_visit: 'working visit',
  talks: 'talks',
  multilateral_summit: 'summit meeting',
  video_call: 'video call',
  phone_call: 'phone call',
};
const AGREEMENT_LABEL: Record<AgreementKind, string> = {
  joint_statement: 'Joint statement',
  declaration: 'Declaration',
  treaty: 'Treaty',
  agreement: 'Agreement',
  protocol: 'Protocol',
  memorandum: 'Memorandum',
  contract: 'Contract',
  program: 'Program',
  plan: 'Plan',
  other: 'Document',
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * How sure the annotator is of a meeting, from how it was found: a date written in the text,
 * participants named rather than resolved from "kedua pemimpin", several sentences reporting it,
 * reported rather than planned. Documented in the README.
 */
export function meetingConfidence(e: MeetingEvent): number {
  let c = 0.5;
  if (e.dateSource === 'text' || e.dateSource === 'summit') c += 0.2;
  else if (e.dateSource === 'article-date') c += 0.05;
  if (!e.resolved) c += 0.15;
  if (e.sentences.length >= 2) c += 0.1;
  if (e.planned) c -= 0.2;
  return round2(Math.min(0.95, Math.max(0.1, c)));
}

export function agreementConfidence(a: AgreementEvent): number {
  let c = 0.5;
  if (a.signing) c += 0.2;
  if (a.signatories.size > 0) c += 0.1;
  if (a.meeting) c += 0.1;
  if (a.expected) c -= 0.3;
  return round2(Math.min(0.95, Math.max(0.1, c)));
}

function ev(
  doc: DocumentBuilder,
  m: { start: number; end: number; text?: string },
  ctx: ArticleContext,
  annotator: string,
  rule: string,
): Evidence {
  return doc.evidence(m.start, m.end, ctx.text.slice(m.start, m.end), annotator, rule);
}

/** Meetings, agreements and the sectors tied to them, as nodes and edges of the document. */
export function annotateEvents(
  doc: DocumentBuilder,
  ctx: ArticleContext,
  found: EntityFindings,
): void {
  const dates = findDates(ctx.text, ctx.anchor ? { anchor: ctx.anchor } : {}).filter(
    (d) => d.start >= 0,
  );
  const facts = sentenceFacts(ctx, found.mentions, dates);
  const leaders = found.mentions.filter((m) => m.type === 'Leader');
  const meetings = findMeetings(ctx, facts, leaders);
  const agreements = findAgreements(ctx, facts, meetings);
  const roleOf = (k: string) => {
    const lex = ctx.lexicon.entities.get(k);
    return lex
      ? officeAt(lex, ctx.anchor)?.role
      : (leaders.find((m) => m.key === k)?.attributes?.role as string | undefined);
  };
  const main = mainMeeting(meetings, ctx.anchor);
  // where a document was signed is where its meeting was held ("… di Shanghai menandatangani perjanjian")
  for (const a of agreements) {
    if (!a.meeting || !a.signing) continue;
    for (const i of a.sentences) {
      const f = facts[i];
      if (!f?.events.some((x) => x.surface.target === 'signing')) continue;
      const after = datelineEnd(ctx.text, f);
      for (const l of f.locations) {
        const kind = ctx.lexicon.entities.get(l.key)?.kind;
        if (l.start < after || !kind || !PLACE_KINDS.includes(kind)) continue;
        if (!LOCATIVE.test(ctx.text.slice(Math.max(f.start, l.start - 24), l.start))) continue;
        push(a.meeting.locations, l.key, l);
      }
    }
  }
  const keys = new Map<MeetingEvent, string>();
  const taken = new Set<string>();
  for (const e of meetings) {
    const base = meetingKey(ctx, e, roleOf);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}:${n}`;
    keys.set(e, key);
    taken.add(key);
    const names = e.participants.map(
      (k) => ctx.lexicon.entities.get(k)?.label ?? leaders.find((m) => m.key === k)?.label ?? k,
    );
    const attrs: Record<string, unknown> = {
      kind: e.kind,
      confidence: meetingConfidence(e),
      status: e.planned ? 'planned' : 'reported',
    };
    if (e.date) {
      attrs.date = e.date;
      attrs.datePrecision =
        e.datePrecision ?? (e.date.length === 10 ? 'day' : e.date.length === 7 ? 'month' : 'year');
    }
    if (e.endDate) attrs.endDate = e.endDate;
    if (e.dateCorrection) attrs.dateCorrection = e.dateCorrection;
    if (e.summit) attrs.summit = e.summit.id;
    attrs.dateSource = e.dateSource;
    const evidence: Evidence[] = [];
    for (const t of e.triggers)
      evidence.push(ev(doc, t, ctx, 'meetings', `trigger:${t.surface.target}`));
    if (e.kindEvidence) evidence.push(ev(doc, e.kindEvidence, ctx, 'meetings', `kind:${e.kind}`));
    if (e.dateMention)
      evidence.push(ev(doc, e.dateMention, ctx, 'meetings', `date:${e.dateMention.how}`));
    const label = `${names.join(' – ')}, ${KIND_LABEL[e.kind]}${e.date ? `, ${e.date}` : ''}`;
    doc.node(key, 'Meeting', label, attrs, evidence);
    doc.edge('MENTIONS', `Article:${ctx.id}`, key, {}, evidence.slice(0, 1));
    const confidence = meetingConfidence(e);
    for (const k of e.participants) {
      if (!doc.hasNode(k)) continue;
      const mentions = e.participantMentions.get(k) ?? [];
      const pe = mentions.map((m) => ev(doc, m, ctx, 'meetings', 'participant'));
      if (pe.length === 0 && e.triggers[0])
        pe.push(ev(doc, e.triggers[0], ctx, 'meetings', 'participant:resolved'));
      doc.edge(
        'PARTICIPATED_IN',
        k,
        key,
        {
          role: e.roles.get(k) ?? 'participant',
          confidence: round2(pe.length > 0 && mentions.length > 0 ? confidence : confidence - 0.1),
        },
        pe,
      );
    }
    for (const [loc, mentions] of e.locations) {
      if (!doc.hasNode(loc)) continue;
      const le = mentions.map((m) => ev(doc, m, ctx, 'meetings', 'held-in'));
      if (le.length === 0 && e.triggers[0])
        le.push(ev(doc, e.triggers[0], ctx, 'meetings', 'held-in:summit'));
      doc.edge('HELD_IN', key, loc, { confidence }, le);
    }
    for (const [sector, mentions] of discussedSectors(
      ctx,
      facts,
      e,
      e === main,
      agreements,
      meetings,
    )) {
      if (!doc.hasNode(sector)) continue;
      doc.edge(
        'DISCUSSED',
        key,
        sector,
        { confidence: round2(confidence * 0.9) },
        mentions.map((m) => ev(doc, m, ctx, 'meetings', 'discussed')),
      );
    }
  }
  const used = new Set<string>();
  agreements.forEach((a, i) => {
    const mk = a.meeting ? keys.get(a.meeting) : undefined;
    // two documents of one kind signed by the same parties ("Kedua, pernyataan bersama …") stay two
    let key = agreementKey(mk, a, i + 1);
    if (used.has(key)) key = `${key}:n${i + 1}`;
    used.add(key);
    const confidence = agreementConfidence(a);
    const attrs: Record<string, unknown> = { kind: a.kind, confidence, expected: a.expected };
    if (a.count !== undefined) attrs.count = a.count;
    if (a.title) attrs.title = a.title;
    const evidence = a.mentions.map((m: SentenceMatch) =>
      ev(doc, m, ctx, 'agreements', `document:${a.kind}`),
    );
    if (a.signing) evidence.push(ev(doc, a.signing, ctx, 'agreements', 'signing'));
    const label =
      a.title ??
      `${AGREEMENT_LABEL[a.kind]}${a.count ? ` (${a.count})` : ''}${mk ? ` ${mk.slice(8)}` : ''}`;
    doc.node(key, 'Agreement', label, attrs, evidence);
    doc.edge('MENTIONS', `Article:${ctx.id}`, key, {}, evidence.slice(0, 1));
    if (mk) doc.edge('PRODUCED', mk, key, { confidence }, evidence.slice(0, 1));
    for (const [party, mentions] of a.signatories) {
      if (!doc.hasNode(party)) continue;
      const se = mentions.map((m: Mention) => ev(doc, m, ctx, 'agreements', 'signatory'));
      if (se.length === 0 && a.signing)
        se.push(ev(doc, a.signing, ctx, 'agreements', 'signatory:resolved'));
      doc.edge('SIGNED', party, key, { confidence }, se);
    }
    for (const [sector, mentions] of a.sectors) {
      if (!doc.hasNode(sector)) continue;
      doc.edge(
        'COVERS',
        key,
        sector,
        { confidence },
        mentions.map((m: Mention) => ev(doc, m, ctx, 'agreements', 'covers')),
      );
    }
  });
}
