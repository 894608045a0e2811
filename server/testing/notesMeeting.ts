// A meeting to take notes in, for the access tests: scheduled by the coach, with the name of the
// notes doc of its first item that is not a hot seat (whose notes observers never get).
import { notesDocName } from '../../shared/collab/docNames.ts';
import type { ApiClient } from './harness.ts';

export async function meetingWithNotes(coach: ApiClient, groupId: string, quarter = '2026-Q4'): Promise<{ meetingId: string; docName: string }> {
  const r = await coach.post(`/api/groups/${groupId}/meetings`, { quarter, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  if (r.status !== 201) throw new Error(`meeting not created: ${JSON.stringify(r.body)}`);
  const meetingId: string = r.body.meeting.id;
  const item = (r.body.state.agenda as { id: string; kind: string }[]).find((i) => i.kind !== 'hotseat')!;
  return { meetingId, docName: notesDocName(meetingId, item.id) };
}
