// The meeting's summary: agenda as run, attendance, rating, goals reviewed and set, hot seats,
// notes and commitments. "Stays in the room" notes and commitments go only to the people in
// the room (coach, members, organisers); observers get the rest.
import * as Y from 'yjs';
import { readCommitments } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, DOC_ID_PATTERN, notesDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD, notesToMarkdown } from '../../shared/collab/notesMarkdown.ts';
import { DomainError } from '../../shared/errors.ts';
import { groupCompletion } from '../../shared/goals/completion.ts';
import { averageRating } from '../../shared/meeting/hotseat.ts';
import { normalizeState } from '../../shared/meeting/normalize.ts';
import type { MeetingSummary } from '../../shared/records.ts';
import { can } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';
import { reviewContext } from './goals.ts';
import { authorizeMeeting } from './meetings.ts';

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * A stored Yjs document, read-only. Parts that fail to apply (a corrupt update) are skipped:
 * a summary with one paragraph missing beats no summary. The live editor (collab) is where
 * such a doc gets repaired.
 */
async function loadDoc(storage: Storage, name: string): Promise<Y.Doc | null> {
  const { snapshot, updates } = await storage.loadDoc(name);
  const parts = snapshot ? [snapshot, ...updates] : updates;
  if (parts.length === 0) return null;
  const doc = new Y.Doc();
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part);
    } catch {
      // skipped, see above
    }
  }
  return doc;
}

export async function meetingSummary(storage: Storage, userId: string, meetingId: string): Promise<MeetingSummary> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const stored = await storage.getMeetingState(meetingId);
  if (!stored) throw new DomainError('internal', 'Meeting state is missing');
  const state = normalizeState(stored);
  const inTheRoom = can('notes.write', access, group);
  const [members, { reviewQuarter }] = await Promise.all([storage.listMembers(group.id), reviewContext(storage, meeting)]);
  const [review, newGoals] = await Promise.all([
    storage.listGoals(group.id, { quarter: reviewQuarter }),
    storage.listGoals(group.id, { quarter: meeting.quarter }),
  ]);
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  // Someone who left the group since still appears in its record, by id.
  const person = (id: string) => ({ userId: id, name: nameOf.get(id) ?? 'Former member' });

  const notes: MeetingSummary['notes'] = [];
  for (const item of state.agenda) {
    if (!DOC_ID_PATTERN.test(item.id)) continue;
    const doc = await loadDoc(storage, notesDocName(meetingId, item.id));
    const markdown = doc ? notesToMarkdown(doc.getXmlFragment(NOTES_FIELD), { omitConfidential: !inTheRoom }) : '';
    doc?.destroy();
    if (markdown) notes.push({ itemId: item.id, title: item.title, markdown });
  }
  const commitmentsDoc = await loadDoc(storage, commitmentsDocName(meetingId));
  const commitments = commitmentsDoc ? readCommitments(commitmentsDoc).filter((c) => inTheRoom || !c.confidential) : [];
  commitmentsDoc?.destroy();

  return {
    meeting,
    group,
    agenda: state.agenda.map((i) => ({ itemId: i.id, title: i.title, kind: i.kind, plannedMin: minutes(i.durationMs), actualMin: minutes(i.spentMs) })),
    attendance: Object.values(state.attendance)
      .map((a) => ({ ...person(a.userId), status: a.status, mode: a.mode }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    rating: averageRating(state),
    review,
    newGoals,
    completion: groupCompletion(review, reviewQuarter, members.filter((m) => m.role === 'member').map((m) => m.userId)),
    hotSeats: state.agenda.flatMap((item) => {
      const seat = state.hotSeats[item.id];
      if (item.kind !== 'hotseat' || !seat) return [];
      return [{ itemId: item.id, title: item.title, presenter: seat.presenterId ? person(seat.presenterId) : null, topic: seat.topic }];
    }),
    notes,
    commitments,
  };
}
