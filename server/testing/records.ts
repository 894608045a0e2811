// Test helpers for the records endpoints (financials, goals, summary): a second group in the
// same network, meetings, and the PUT and CSV requests ApiClient has no shorthand for.
import { ApiClient, type HttpResult } from './harness.ts';

type Signed = ApiClient & { userId: string };

/** Joins `groupId` through a real invite from `inviter`, as a new account. */
export async function joinGroup(base: string, inviter: ApiClient, groupId: string, name: string, role: string, company?: string): Promise<Signed> {
  const inv = await inviter.post(`/api/groups/${groupId}/invites`, { role });
  if (inv.status !== 201) throw new Error(`invite failed: ${JSON.stringify(inv.body)}`);
  const c = new ApiClient(base);
  const r = await c.post(`/api/invites/${String(inv.body.url).split('/').pop()}/accept`, {
    name,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
    password: 'correct horse battery',
    ...(company ? { company } : {}),
  });
  if (r.status !== 200) throw new Error(`accept failed: ${JSON.stringify(r.body)}`);
  return Object.assign(c, { userId: r.body.user.id as string });
}

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
