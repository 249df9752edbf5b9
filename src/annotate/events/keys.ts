import type { ArticleContext } from '../context.js';
import { slug } from '../entities/names.js';
import { HEADS_OF_STATE } from '../entities/offices.js';
import type { AgreementEvent } from './agreements.js';
import type { MeetingEvent } from './meetings.js';

function countriesOf(ctx: ArticleContext, keys: string[]): string[] {
  return keys.map((k) =>
    (ctx.lexicon.entities.get(k)?.terms?.at(-1)?.country ?? 'xx').toLowerCase(),
  );
}

/**
 * `Meeting:<date>:<cc-cc>` when the participants are one head of state per country (the
 * data model's example `Meeting:2023-03-21:cn-ru`); otherwise the participants' ids are added
 * (`Meeting:2023-05-24:cn-ru:li-qiang+mikhail-mishustin`). Deterministic from what the text says.
 */
export function meetingKey(
  ctx: ArticleContext,
  e: MeetingEvent,
  roleOf: (k: string) => string | undefined,
): string {
  const countries = countriesOf(ctx, e.participants);
  const unique = [...new Set(countries)].sort();
  const heads =
    unique.length === e.participants.length &&
    e.participants.every((k) => HEADS_OF_STATE.has(roleOf(k) ?? ''));
  const base = `Meeting:${e.date ?? 'undated'}:${unique.join('-')}`;
  return heads
    ? base
    : `${base}:${e.participants
        .map((k) => k.slice(k.indexOf(':') + 1))
        .sort()
        .join('+')}`;
}

/** `Agreement:<meeting id>:<kind>:<signatories or ordinal>`. */
export function agreementKey(
  meetingKeyValue: string | undefined,
  a: AgreementEvent,
  ordinal: number,
): string {
  const base = meetingKeyValue ? meetingKeyValue.slice('Meeting:'.length) : 'unattached';
  const parties = [...a.signatories.keys()].map((k) => slug(k.slice(k.indexOf(':') + 1))).sort();
  const who = parties.length > 0 ? parties.join('+') : `n${ordinal}`;
  return `Agreement:${base}:${a.kind}:${who}`;
}
