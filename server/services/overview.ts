// The record that holds people accountable, at a glance: "my page" for a member (goals across
// quarters, completion trend, open commitments, my numbers against the group's median, my
// attendance) and the coach's view of every member of a group (with overdue commitments).
import { effectiveCurrency } from '../../shared/financials/format.ts';
import { readCommitments } from '../../shared/collab/commitments.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import { isOverdue } from '../../shared/calendar/overdue.ts';
import type { Group, Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { compareQuarters } from '../../shared/financials/quarters.ts';
import { completionHistory } from '../../shared/goals/completion.ts';
import { normalizeState } from '../../shared/meeting/normalize.ts';
import { authorizeGroup, resolveAccess } from '../auth/policy.ts';
import { can, hasCompany } from '../../shared/access/index.ts';
import type { MyGroupOverview, OpenCommitment, PersonRecord } from '../../shared/overview.ts';
import type { Storage } from '../storage/types.ts';
import { groupFinancials } from './financials.ts';
import { ownReadiness } from './readiness.ts';
import { loadStoredDoc } from './summaryDocs.ts';

export type { MyGroupOverview, OpenCommitment, PersonRecord };

/** The KPIs charted on "my page": the ones every peer group talks about first. */
export const OVERVIEW_KPIS = ['total_revenue', 'gross_margin_pct', 'net_profit_pct', 'recurring_share'] as const;
/** Quarters of numbers on "my page": two years is the horizon these groups compare over. */
const OVERVIEW_QUARTERS = 8;

/**
 * Open commitments of `meetings`, overdue ones first, then by due date (none last). Each is overdue
 * on its own meeting's calendar, so one due the same day in another zone may not be yet.
 */
export async function commitmentsOf(storage: Storage, meetings: Meeting[], inTheRoom: boolean, now: Date): Promise<OpenCommitment[]> {
  const out: OpenCommitment[] = [];
  for (const m of meetings) {
    const doc = await loadStoredDoc(storage, commitmentsDocName(m.id));
    if (!doc) continue;
    for (const c of readCommitments(doc)) {
      if (c.status !== 'open' || (c.confidential && !inTheRoom)) continue;
      out.push({ ...c, meetingId: m.id, meetingTitle: m.title, overdue: isOverdue(c.due, m.timeZone, now) });
    }
    doc.destroy();
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due || '9999').localeCompare(b.due || '9999'));
}

/** `seesGoals`: false in a network event's host group, whose shared sessions have no goals (shared/access). */
async function records(storage: Storage, group: Group, inTheRoom: boolean, now: Date, seesGoals = true) {
  const meetings = (await storage.listMeetings(group.id)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const ended = meetings.filter((m) => m.status === 'ended');
  const [goals, commitments, states] = await Promise.all([
    seesGoals ? storage.listGoals(group.id) : [],
    commitmentsOf(storage, meetings.filter((m) => m.status !== 'scheduled'), inTheRoom, now),
    Promise.all(ended.map(async (m) => ({ m, s: await storage.getMeetingState(m.id) }))),
  ]);
  const person = (userId: string, name: string, company: string | null): PersonRecord => ({
    userId,
    name,
    company,
    goals: goals.filter((g) => g.userId === userId).sort((a, b) => compareQuarters(b.quarter, a.quarter)),
    completion: completionHistory(goals, userId),
    openCommitments: commitments.filter((c) => c.who === userId),
    attendance: states.map(({ m, s }) => ({ meetingId: m.id, quarter: m.quarter, title: m.title, status: s ? (normalizeState(s).attendance[userId]?.status ?? null) : null })),
  });
  const next = meetings.filter((m) => m.status !== 'ended').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null;
  return { meetings, ended, next, person };
}

export async function myOverview(storage: Storage, userId: string, now = new Date()): Promise<MyGroupOverview[]> {
  const me = await storage.getUser(userId);
  if (!me) throw new DomainError('unauthenticated', 'Sign in first');
  const out: MyGroupOverview[] = [];
  for (const { group, role } of await storage.listGroupsOfUser(userId)) {
    const access = await resolveAccess(storage, userId, group);
    const membership = await storage.getMembership(group.id, userId);
    const { ended, next, person } = await records(storage, group, can('notes.roomOnly', access, group), now);
    const figures = hasCompany(role) ? await myFigures(storage, userId, group.id) : [];
    const currency = effectiveCurrency(group, await storage.getNetwork(group.networkId));
    const myReadiness = hasCompany(role) && next ? await ownReadiness(storage, userId, next.id) : null;
    out.push({ ...person(userId, me.name, membership?.company ?? null), group, role, figures, currency, pastMeetings: ended, nextMeeting: next, myReadiness });
  }
  return out;
}

async function myFigures(storage: Storage, userId: string, groupId: string): Promise<MyGroupOverview['figures']> {
  const quarters = [...new Set((await storage.listFigures(groupId)).map((f) => f.quarter))].sort(compareQuarters).slice(-OVERVIEW_QUARTERS);
  const views = await Promise.all(quarters.map((q) => groupFinancials(storage, userId, groupId, q)));
  const kpis = views[0]?.kpis ?? [];
  return OVERVIEW_KPIS.flatMap((key) => {
    const def = kpis.find((k) => k.key === key);
    if (!def) return [];
    const points = views.map((v) => ({
      quarter: v.quarter,
      mine: v.members.find((m) => m.userId === userId)?.views[key]?.value ?? null,
      median: v.stats[key]?.median ?? null,
    }));
    return [{ kpiKey: key, label: def.label, points }];
  });
}

/** The coach's page for one group: every member company's record, overdue commitments first. */
export async function groupOverview(storage: Storage, userId: string, groupId: string, now = new Date()): Promise<{ group: Group; members: PersonRecord[] }> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'group.members.manage');
  const { person } = await records(storage, group, true, now, can('goals.read', access, group));
  const members = (await storage.listMembers(groupId)).filter((m) => hasCompany(m.role));
  const people = members.map((m) => person(m.userId, m.name, m.company));
  people.sort((a, b) => b.openCommitments.filter((c) => c.overdue).length - a.openCommitments.filter((c) => c.overdue).length || a.name.localeCompare(b.name));
  return { group, members: people };
}
