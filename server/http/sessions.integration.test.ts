// The account's sessions over real HTTP, sockets and /collab connections, on two server
// processes sharing one PostgreSQL schema and a private Redis (server/testing/cluster.ts): the list with the current session marked, ending one,
// "sign out everywhere" closing the other sessions' sockets and collab connections on the
// node that holds them, and a password change ending the other sessions.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import type { SessionsResponse } from '../../shared/sessions.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { openPostgresStorage } from '../storage/postgres.ts';
import { startCluster, type Cluster } from '../testing/cluster.ts';
import { ApiClient, connectSocket, emitAck, seedGroup, type ClientSocket } from '../testing/harness.ts';

let cluster: Cluster;
let nodeA: { url: string };
let nodeB: { url: string };
let meetingId: string;
const PASSWORD = 'correct horse battery';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

beforeAll(async () => {
  cluster = await startCluster();
  [nodeA, nodeB] = [cluster.a, cluster.b];
  const seed = await seedGroup(nodeA.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
}, 200_000);
afterAll(async () => {
  await cluster?.stop();
});

/** Signs in on a node as a browser with this User-Agent. */
async function signIn(on: { url: string }, email: string, userAgent: string, password = PASSWORD): Promise<ApiClient> {
  const c = new ApiClient(on.url);
  const r = await c.request('POST', '/api/auth/login', { email, password }, { 'user-agent': userAgent });
  expect(r.status).toBe(200);
  return c;
}

/** A raw /collab connection to the meeting's commitments doc; resolves once open. */
function openCollab(on: { url: string }, cookie: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`${on.url.replace(/^http/, 'ws')}/collab/${encodeURIComponent(commitmentsDocName(meetingId))}`, { headers: { Cookie: cookie, Origin: on.url } });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`collab refused: ${res.statusCode}`)));
  });
}

const disconnected = (s: ClientSocket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));

describe('sessions on the account page', () => {
  it('lists my sessions with the current one marked, and ends one of mine but not someone else’s', async () => {
    const laptop = await signIn(nodeA, 'max.one@example.com', FIREFOX);
    const phone = await signIn(nodeB, 'max.one@example.com', PHONE);
    const list = await laptop.get<SessionsResponse>('/api/auth/sessions');
    expect(list.status).toBe(200);
    const mine = list.body.sessions.filter((s) => s.device === 'Firefox on Linux' || s.device === 'Safari on iOS');
    expect(mine.map((s) => [s.device, s.current])).toEqual(
      expect.arrayContaining([['Firefox on Linux', true], ['Safari on iOS', false]]),
    );
    for (const s of list.body.sessions) {
      expect(Date.parse(s.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));
      expect(JSON.stringify(s)).not.toMatch(/tokenHash|pb_session/);
    }
    const phoneId = mine.find((s) => s.device === 'Safari on iOS')!.id;
    // Someone else cannot end it, nor even learn it exists.
    const mia = await signIn(nodeA, 'mia.two@example.com', FIREFOX);
    const foreign = await mia.del(`/api/auth/sessions/${phoneId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await phone.get('/api/me')).status).toBe(200);
    // I can.
    expect((await laptop.del(`/api/auth/sessions/${phoneId}`)).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await new ApiClient(nodeA.url).get('/api/auth/sessions')).status).toBe(401);
  });

  it('sign out everywhere closes the other sessions’ sockets and collab connections on both nodes; this one stays', async () => {
    const here = await signIn(nodeA, 'moe.three@example.com', FIREFOX);
    const phone = await signIn(nodeB, 'moe.three@example.com', PHONE);
    const tablet = await signIn(nodeA, 'moe.three@example.com', 'Tablet');
    const hereSocket = await connectSocket(nodeA.url, here.cookie);
    const phoneSocket = await connectSocket(nodeB.url, phone.cookie);
    const tabletSocket = await connectSocket(nodeA.url, tablet.cookie);
    const phoneCollab = await openCollab(nodeB, phone.cookie);
    const tabletCollab = await openCollab(nodeA, tablet.cookie);
    const hereCollab = await openCollab(nodeA, here.cookie);
    // Moe also has the session he joined the group with: every session but this one ends.
    const before = (await here.get<SessionsResponse>('/api/auth/sessions')).body.sessions;
    expect(before.length).toBeGreaterThanOrEqual(3);
    const phoneGone = disconnected(phoneSocket);
    const tabletGone = disconnected(tabletSocket);

    const r = await here.post('/api/auth/sessions/end-others');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ended: before.length - 1 });
    // The other node closes its own: the socket.io socket through the adapter, collab on its event.
    expect(await phoneGone).toBe('io server disconnect');
    expect(await tabletGone).toBe('io server disconnect');
    expect(await phoneCollab.closed).toBe(COLLAB_CLOSE.signedOut);
    expect(await tabletCollab.closed).toBe(COLLAB_CLOSE.signedOut);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await tablet.get('/api/me')).status).toBe(401);
    // Reconnecting with an ended session is refused.
    await expect(connectSocket(nodeB.url, phone.cookie)).rejects.toThrow(/Sign in first/);
    await expect(openCollab(nodeB, phone.cookie)).rejects.toThrow(/401/);
    // Positive sentinel: this session's socket answers a join after all that, and its collab is open.
    const joined = await emitAck(hereSocket, 'room:join', { meetingId, mode: 'remote' });
    expect(joined.ok).toBe(true);
    expect(hereSocket.connected).toBe(true);
    expect(hereCollab.ws.readyState).toBe(WebSocket.OPEN);
    expect((await here.get<SessionsResponse>('/api/auth/sessions')).body.sessions.map((s) => s.current)).toEqual([true]);
    hereSocket.close();
    hereCollab.ws.close();
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const email = 'otto.observer@example.com';
    const here = await signIn(nodeA, email, FIREFOX);
    const other = await signIn(nodeB, email, PHONE);
    const otherSocket = await connectSocket(nodeB.url, other.cookie);
    const otherGone = disconnected(otherSocket);
    const before = (await here.get<SessionsResponse>('/api/auth/sessions')).body.sessions;

    const wrong = await here.post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const short = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((await other.get('/api/me')).status).toBe(200);

    const changed = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ended: before.length - 1 });
    expect(await otherGone).toBe('io server disconnect');
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await here.get('/api/me')).status).toBe(200);
    const old = await new ApiClient(nodeB.url).post('/api/auth/login', { email, password: PASSWORD });
    expect(old.status).toBe(401);
    await signIn(nodeB, email, PHONE, 'a brand new passphrase');
  });

  it('a password reset by mail link ends every session of the account and closes its sockets', async () => {
    const email = 'mia.two@example.com';
    const c = await signIn(nodeA, email, FIREFOX);
    const socket = await connectSocket(nodeB.url, c.cookie);
    const gone = disconnected(socket);
    // The link a reset mail carries (its token is only in the mail; the database holds its hash).
    const storage = await openPostgresStorage(cluster.databaseUrl);
    const token = newToken();
    const userId = (await storage.getUserByEmail(email))!.id;
    await storage.createPasswordReset({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await storage.close();
    const r = await new ApiClient(nodeA.url).post('/api/auth/password-reset/confirm', { token, password: 'reset to this passphrase' });
    expect(r.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await c.get('/api/me')).status).toBe(401);
    await signIn(nodeB, email, PHONE, 'reset to this passphrase');
  });

  it('signing out closes that session’s sockets', async () => {
    const c = await signIn(nodeA, 'cora.coach@example.com', FIREFOX);
    const socket = await connectSocket(nodeB.url, c.cookie);
    const gone = disconnected(socket);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });
});
