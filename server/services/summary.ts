// The meeting's summary: agenda as run, attendance, rating, financial highlights, goals reviewed
// and set (neither in a shared session of a network event), hot seats, resources shared, notes and commitments. Each part follows the rules of
// its own area for this viewer: figures as the financial review shows them (summaryFinancials),
// "stays in the room" notes and commitments only for the people in the room (summaryDocs.ts).
import { attendanceRecord } from '../../shared/attendance.ts';
import { DomainError } from '../../shared/errors.ts';
import { previousQuarter } from '../../shared/financials/quarters.ts';
import { groupCompletion } from '../../shared/goals/completion.ts';
import { viewFor } from '../../shared/meeting/viewFor.ts';
import { recapDays } from '../../shared/meeting/recapDays.ts';
import type { Group } from '../../shared/domain.ts';
import type { GroupFinancials, MeetingSummary, SummaryFinancials } from '../../shared/records.ts';
import { can, hasCompany } from '../../shared/access/index.ts';
import type { Access } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';
import { groupFinancials } from './financials.ts';
import { reviewContext } from './goals.ts';
import { authorizeMeeting } from './meetings.ts';
import { libraryEntries } from './resources.ts';
import { yjsSummaryDocs, type SummaryDocsReader } from './summaryDocs.ts';
import { updatesOf } from './updates.ts';

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Who is "in the room" and may see what stays there: the coach, members and organisers. */
export const seesRoomOnly = (access: Access, group: Group): boolean => can('notes.roomOnly', access, group);

/**
 * Medians per KPI and each member company's rank against the quarter before, built from the
 * financial review as this viewer sees it, so coach-only figures and observer rules carry over.
 */
export function financialHighlights(current: GroupFinancials, previous: GroupFinancials | null): SummaryFinancials {
  const medians = current.kpis.flatMap((k) => {
    const s = current.stats[k.key];
    return s && s.n > 0 ? [{ kpiKey: k.key, label: k.label, median: s.median, n: s.n }] : [];
  });
  const ranks = current.members.flatMap((m) =>
    medians.flatMap(({ kpiKey }) => {
      const rank = m.views[kpiKey]?.rank ?? null;
      const before = previous?.members.find((p) => p.userId === m.userId)?.views[kpiKey]?.rank ?? null;
      if (rank === null && before === null) return [];
      return [{ userId: m.userId, name: m.name, kpiKey, rank, previousRank: before, change: rank !== null && before !== null ? before - rank : null }];
    }),
  );
  return { quarter: current.quarter, canSeeFigures: current.canSeeFigures, currency: current.currency, medians, ranks };
}

function reviewedFiguresQuarter(meetingQuarter: string): string {
  try {
    return previousQuarter(meetingQuarter);
  } catch {
    return meetingQuarter;
  }
}

async function summaryFinancials(storage: Storage, userId: string, groupId: string, quarter: string): Promise<SummaryFinancials> {
  let before: string | null = null;
  try {
    before = previousQuarter(quarter);
  } catch {
    // the first supported quarter has no quarter before it
  }
  const [current, previous] = await Promise.all([
    groupFinancials(storage, userId, groupId, quarter),
    before ? groupFinancials(storage, userId, groupId, before) : null,
  ]);
  return financialHighlights(current, previous);
}

/** `docs` supplies notes and commitments; by default the meeting's stored Yjs documents. */
export async function meetingSummary(storage: Storage, userId: string, meetingId: string, docs: SummaryDocsReader = yjsSummaryDocs(storage)): Promise<MeetingSummary> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const stored = await storage.getMeetingState(meetingId);
  if (!stored) throw new DomainError('internal', 'Meeting state is missing');
  const state = viewFor(stored, userId);
  const viewer = { userId, inTheRoom: seesRoomOnly(access, group) };
  const [members, { reviewQuarter }, rsvps] = await Promise.all([storage.listMembers(group.id), reviewContext(storage, meeting), storage.listRsvps(meetingId)]);
  // A shared session has no goals either (shared/access): each group reviews and sets its own.
  const goals = can('goals.read', access, group);
  const [review, newGoals, financials, resources, notes, commitments, updates, nextId] = await Promise.all([
    goals ? storage.listGoals(group.id, { quarter: reviewQuarter }) : null,
    goals ? storage.listGoals(group.id, { quarter: meeting.quarter }) : null,
    // A meeting reviews the numbers of the quarter that ended before it (as the financial review does).
    // A shared session has no financial review (shared/access): its recap has no figures either.
    can('financials.read', access, group) ? summaryFinancials(storage, userId, group.id, reviewedFiguresQuarter(meeting.quarter)) : null,
    libraryEntries(storage, group.id, meetingId),
    docs.readNotes(meetingId, state.agenda.map((i) => i.id), viewer),
    docs.readCommitments(meetingId, viewer),
    updatesOf(storage, access, group, meetingId),
    storage.getNextMeetingId(meetingId),
  ]);
  const next = nextId ? await storage.getMeeting(nextId) : null;
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  // Someone who left the group since still appears in its record, by id.
  const person = (id: string) => ({ userId: id, name: nameOf.get(id) ?? 'Former member' });
  const titleOf = new Map(state.agenda.map((i) => [i.id, i.title]));

  return {
    meeting,
    group,
    agenda: state.agenda.map((i) => ({ itemId: i.id, title: i.title, kind: i.kind, plannedMin: minutes(i.durationMs), actualMin: minutes(i.spentMs) })),
    days: recapDays(state, meeting.days),
    attendance: attendanceRecord(Object.values(state.attendance), rsvps, (id) => person(id).name),
    rating: { ...state.ratingSummary, mine: state.ratings[userId] ?? null },
    financials,
    review,
    newGoals,
    completion: review && groupCompletion(review, reviewQuarter, members.filter((m) => hasCompany(m.role)).map((m) => m.userId)),
    hotSeats: state.agenda.flatMap((item) => {
      const seat = state.hotSeats[item.id];
      if (item.kind !== 'hotseat' || !seat) return [];
      // One entry per presenter: a hot-seat item may give several members their own hot seat.
      if (seat.presenters.length > 0) return seat.presenters.map((p) => ({ itemId: item.id, title: item.title, presenter: person(p.userId), topic: p.topic }));
      return [{ itemId: item.id, title: item.title, presenter: seat.presenterId ? person(seat.presenterId) : null, topic: seat.topic }];
    }),
    resources,
    notes: notes.map((n) => ({ itemId: n.itemId, title: titleOf.get(n.itemId) ?? '', blocks: n.blocks })),
    commitments,
    updates,
    next,
  };
}
