// Seeds the record a group has after its meetings, through the real API, sockets and the stock
// Yjs provider: a meeting is created, started, written into (notes, commitments), and ended.
import * as Y from 'yjs';
import { addCommitment, type Commitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { parseQuarter } from '../../shared/financials/quarters.ts';
import { collabClient, waitUntil } from '../../server/testing/collabClient.ts';
import { connectSocket, emitAck, type seedGroup } from '../../server/testing/harness.ts';
import type { Storage } from '../../server/storage/types.ts';

type Seed = Awaited<ReturnType<typeof seedGroup>>;

/** A TipTap paragraph: runs of text, each with optional marks (e.g. {link: {href}}). */
export function paragraph(parts: [string, Record<string, unknown>?][]): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, attrs] of parts) {
    t.insert(at, s, attrs ?? {});
    at += s.length;
  }
  p.insert(0, [t]);
  return p;
}

/** Mid-quarter, mid-morning UTC: safely inside the quarter whatever the zone. */
export function midQuarter(quarter: string): string {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`not a quarter: ${quarter}`);
  return new Date(Date.UTC(q.year, (q.q - 1) * 3 + 1, 15, 9)).toISOString();
}

async function stored(storage: Storage, docName: string): Promise<boolean> {
  const d = await storage.loadDoc(docName);
  return d.updates.length > 0 || Boolean(d.snapshot);
}

/**
 * Holds a whole meeting: the coach in the room, the first member remote (so attendance has both),
 * the hot seat's notes and the commitments written by the first member, then the meeting ends.
 */
export async function holdPastMeeting(
  url: string,
  storage: Storage,
  seed: Seed,
  opts: { quarter: string; startsAt: string; title?: string; location?: string; notes?: Y.XmlElement[]; commitments: Omit<Commitment, 'createdBy' | 'createdAt'>[] },
): Promise<string> {
  const member = seed.members[0]!;
  const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: opts.quarter, startsAt: opts.startsAt, title: opts.title, location: opts.location, timeZone: 'Europe/Berlin' });
  if (created.status !== 201) throw new Error(`meeting: ${JSON.stringify(created.body)}`);
  const meetingId: string = created.body.meeting.id;
  const hotSeat = created.body.state.agenda.find((i: { kind: string }) => i.kind === 'hotseat');
  const coach = await connectSocket(url, seed.coach.cookie);
  const remote = await connectSocket(url, member.cookie);
  await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
  await emitAck(remote, 'room:join', { meetingId, mode: 'remote' });

  const commitments = collabClient(url, member.cookie, commitmentsDocName(meetingId));
  const notes = opts.notes ? collabClient(url, member.cookie, notesDocName(meetingId, hotSeat.id)) : null;
  await waitUntil(() => commitments.provider.synced && (notes?.provider.synced ?? true), 'synced');
  if (notes && opts.notes) notes.doc.getXmlFragment(NOTES_FIELD).insert(0, opts.notes);
  for (const c of opts.commitments) addCommitment(commitments.doc, { ...c, createdBy: member.userId, createdAt: opts.startsAt });
  await waitUntil(() => stored(storage, commitmentsDocName(meetingId)), 'commitments stored');
  if (notes) await waitUntil(() => stored(storage, notesDocName(meetingId, hotSeat.id)), 'notes stored');

  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
  for (const s of [coach, remote]) s.close();
  commitments.provider.destroy();
  notes?.provider.destroy();
  return meetingId;
}
