// The coach's page across groups: for every group the caller coaches, upcoming meetings, who is
// ready for the next one, overdue commitments, and completion and rating trends. Each group is
// read under its own rule (shared/access 'group.coaching'), so nothing of another group leaks.
import { can } from '../../shared/access/index.ts';
import { groupCompletionTrend } from '../../shared/goals/trend.ts';
import { normalizeState } from '../../shared/meeting/normalize.ts';
import type { CoachedGroup, CoachingOverview } from '../../shared/network.ts';
import type { Group } from '../../shared/domain.ts';
import { resolveAccess } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';
import { commitmentsOf } from './overview.ts';
import { meetingReadiness } from './readiness.ts';

/** Meetings listed ahead: the next three are what a coach plans around. */
const UPCOMING_MAX = 3;

async function coachedGroup(storage: Storage, group: Group, now: Date): Promise<CoachedGroup> {
  const meetings = (await storage.listMeetings(group.id)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const upcoming = meetings.filter((m) => m.status === 'scheduled' && m.startsAt >= now.toISOString()).slice(0, UPCOMING_MAX);
  const held = meetings.filter((m) => m.status !== 'scheduled');
  const [members, goals, commitments, readiness, states] = await Promise.all([
    storage.listMembers(group.id),
    storage.listGoals(group.id),
    // The coach is in the room: confidential commitments count too (they stay on this page).
    commitmentsOf(storage, held, true, now),
    upcoming[0] ? meetingReadiness(storage, upcoming[0]) : Promise.resolve(null),
    Promise.all(held.filter((m) => m.status === 'ended').map(async (m) => ({ m, s: await storage.getMeetingState(m.id) }))),
  ]);
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  return {
    groupId: group.id,
    groupName: group.name,
    upcoming: upcoming.map((m) => ({ meetingId: m.id, title: m.title, quarter: m.quarter, startsAt: m.startsAt, timeZone: m.timeZone })),
    readiness: readiness && {
      meetingId: readiness.meetingId,
      ready: readiness.members.filter((r) => r.ready).length,
      total: readiness.members.length,
      notReady: readiness.members.filter((r) => !r.ready).map((r) => r.name),
    },
    overdue: commitments
      .filter((c) => c.overdue)
      .map((c) => ({ meetingId: c.meetingId, text: c.what, who: c.who, whoName: nameOf.get(c.who) ?? 'Former member', due: c.due })),
    completion: groupCompletionTrend(goals),
    ratings: states.map(({ m, s }) => {
      const summary = s ? normalizeState(s).ratingSummary : null;
      return { meetingId: m.id, quarter: m.quarter, average: summary?.average ?? null, count: summary?.count ?? 0 };
    }),
  };
}

export async function coachingOverview(storage: Storage, userId: string, now = new Date()): Promise<CoachingOverview> {
  const groups: CoachedGroup[] = [];
  for (const { group, role } of await storage.listGroupsOfUser(userId)) {
    if (role !== 'coach') continue;
    if (!can('group.coaching', await resolveAccess(storage, userId, group), group)) continue;
    groups.push(await coachedGroup(storage, group, now));
  }
  return { groups };
}
