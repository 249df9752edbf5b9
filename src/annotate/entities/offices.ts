import type { LexEntity, Role } from '../../lexicon/types.js';

/** Roles that make their holder the head of state. */
export const HEADS_OF_STATE: ReadonlySet<string> = new Set([
  'president',
  'king',
  'supreme_leader',
  'general_secretary',
  'chairman',
]);

/** Heads of state first: what "the leader of X" means when no role is named. */
const LEADER_ROLES: Role[] = [
  'president',
  'supreme_leader',
  'general_secretary',
  'chairman',
  'king',
  'chancellor',
  'prime_minister',
];
const HEAD_OF_GOVERNMENT: Role[] = ['prime_minister', 'chancellor'];

function holds(leader: LexEntity, country: string, roles: Role[], date: string): Role | undefined {
  for (const role of roles) {
    for (const t of leader.terms ?? []) {
      if (t.country !== country || t.role !== role) continue;
      // `to` is the handover day: the successor holds the office from then on
      if (t.from <= date && (t.to === undefined || date < t.to)) return role;
    }
  }
  return undefined;
}

/**
 * The leader who held `title` (a role name from titles.yaml, or `leader`, `head_of_state`,
 * `head_of_government`) in `country` on `date` (YYYY-MM-DD), from the lexicon's terms of office.
 */
export function officeHolder(
  leaders: LexEntity[],
  country: string,
  title: string,
  date: string,
): { leader: LexEntity; role: Role } | undefined {
  // every title in every article asks: answered once per country, title and day
  let index = holderIndex.get(leaders);
  if (!index || index.count !== leaders.length) {
    index = { count: leaders.length, byCountry: new Map(), answers: new Map() };
    holderIndex.set(leaders, index);
  }
  const question = `${country}\u0000${title}\u0000${date}`;
  if (index.answers.has(question)) return index.answers.get(question);
  let candidates = index.byCountry.get(country);
  if (!candidates) {
    // only leaders with a term in the country can hold its offices; lexicon order is kept
    candidates = leaders.filter((l) => (l.terms ?? []).some((t) => t.country === country));
    index.byCountry.set(country, candidates);
  }
  const answer = findHolder(candidates, country, title, date);
  if (index.answers.size >= 10000) index.answers.clear();
  index.answers.set(question, answer);
  return answer;
}

type Holder = { leader: LexEntity; role: Role } | undefined;
const holderIndex = new WeakMap<
  LexEntity[],
  { count: number; byCountry: Map<string, LexEntity[]>; answers: Map<string, Holder> }
>();

function findHolder(leaders: LexEntity[], country: string, title: string, date: string): Holder {
  const roles: Role[] =
    title === 'leader' || title === 'head_of_state'
      ? LEADER_ROLES
      : title === 'head_of_government'
        ? HEAD_OF_GOVERNMENT
        : [title as Role];
  // try roles in order of preference: the first role anyone holds wins
  for (const role of roles) {
    const found = leaders.filter((l) => holds(l, country, [role], date));
    if (found.length === 1 && found[0]) return { leader: found[0], role };
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/** Any role the leader held in any country on the date. */
export function officeAt(
  leader: LexEntity,
  date: string | undefined,
): { country: string; role: Role } | undefined {
  const terms = leader.terms ?? [];
  const current = date
    ? terms.filter((t) => t.from <= date && (t.to === undefined || date <= t.to))
    : [];
  const pick = current[0] ?? terms.at(-1);
  return pick ? { country: pick.country, role: pick.role } : undefined;
}
