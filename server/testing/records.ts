// Test helpers for the records endpoints (financials, goals, summary): a second group in the
// same network, meetings (also held ones with commitments), and the PUT and CSV requests ApiClient has no shorthand for.
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import { quarterOf } from '../../shared/financials/quarters.ts';
import type { Storage } from '../storage/types.ts';
import { joinGroup, type ApiClient, type HttpResult } from './harness.ts';

/** A second coach-led group in the seed's network, with one member company. */
export async function otherGroup(base: string, organiser: ApiClient, networkId: string, name = 'Beta Group') {
  const group = (await organiser.post(`/api/networks/${networkId}/groups`, { name, leadership: 'coach-led', format: 'online' })).body;
  const member = await joinGroup(base, organiser, group.id, `${name} Member`, 'member', `${name} Company`);
  return { group, member };
}

export async function createMeeting(c: ApiClient, groupId: string, quarter: string, startsAt: string, timeZone = 'Europe/Berlin'): Promise<{ id: string; agenda: { id: string; kind: string }[] }> {
  const r = await c.post(`/api/groups/${groupId}/meetings`, { quarter, startsAt, timeZone });
  if (r.status !== 201) throw new Error(`meeting failed: ${JSON.stringify(r.body)}`);
  return { id: r.body.meeting.id, agenda: r.body.state.agenda };
}

/**
 * A meeting of `groupId` in `timeZone` that was held (ended) with these open commitments, written
 * straight into storage: for the readers of commitments, which do not care how the meeting ran.
 */
export async function heldWithCommitments(
  storage: Storage,
  c: ApiClient,
  o: { groupId: string; timeZone: string; startsAt: string; commitments: { id: string; who: string; what: string; due: string }[] },
): Promise<string> {
  const meeting = await createMeeting(c, o.groupId, quarterOf(new Date(o.startsAt), o.timeZone), o.startsAt, o.timeZone);
  const doc = new Y.Doc();
  for (const x of o.commitments) addCommitment(doc, { ...x, status: 'open', confidential: false, createdBy: x.who, createdAt: o.startsAt });
  await storage.appendDocUpdate(commitmentsDocName(meeting.id), Y.encodeStateAsUpdate(doc));
  await storage.updateMeeting(meeting.id, { status: 'ended' });
  return meeting.id;
}

export const put = <T = any>(c: ApiClient, path: string, body: unknown): Promise<HttpResult<T>> => c.request<T>('PUT', path, body);

export const postCsv = <T = any>(c: ApiClient, path: string, csv: string): Promise<HttpResult<T>> =>
  c.request<T>('POST', path, csv, { 'content-type': 'text/csv' });

/** The UTC date `days` after today's, YYYY-MM-DD: a day that is still ahead whenever the tests run. */
export function dateAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A start `days` UTC dates after today's at a fixed time of day (default 09:00 UTC), ISO with
 * milliseconds as the API answers it. For meetings that must still be upcoming whenever the
 * tests run: a literal date goes stale as the calendar moves on, and a start at the current time
 * of day makes the test depend on the hour (a late start runs past midnight in Europe).
 */
export function daysAheadAt(days: number, time = '09:00'): string {
  return `${dateAhead(days)}T${time}:00.000Z`;
}
