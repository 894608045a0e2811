// Test helpers for the records endpoints (financials, goals, summary): a second group in the
// same network, meetings, and the PUT and CSV requests ApiClient has no shorthand for.
import { joinGroup, type ApiClient, type HttpResult } from './harness.ts';

/** A second coach-led group in the seed's network, with one member company. */
export async function otherGroup(base: string, organiser: ApiClient, networkId: string, name = 'Beta Group') {
  const group = (await organiser.post(`/api/networks/${networkId}/groups`, { name, leadership: 'coach-led', format: 'online' })).body;
  const member = await joinGroup(base, organiser, group.id, `${name} Member`, 'member', `${name} Company`);
  return { group, member };
}

export async function createMeeting(c: ApiClient, groupId: string, quarter: string, startsAt: string): Promise<{ id: string; agenda: { id: string; kind: string }[] }> {
  const r = await c.post(`/api/groups/${groupId}/meetings`, { quarter, startsAt, timeZone: 'Europe/Berlin' });
  if (r.status !== 201) throw new Error(`meeting failed: ${JSON.stringify(r.body)}`);
  return { id: r.body.meeting.id, agenda: r.body.state.agenda };
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
