// Test helpers: a real server on port 0 with a temp SQLite file, an HTTP client with a
// cookie jar, and real socket.io clients. Used by the integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { startServer, type RunningServer, type ServerOptions } from '../app.ts';
import { loadConfig } from '../config.ts';
import { PROTOCOL_VERSION } from '../../shared/limits.ts';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import { followMeetings } from './followMeeting.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'peerboard-test-'));
}

export async function startTestServer(dataDir = tempDataDir(), env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer & { url: string; dataDir: string }> {
  const running = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error', ...env }),
    options,
  );
  return { ...running, url: `http://127.0.0.1:${running.port}`, dataDir };
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A user agent with its own cookie jar (one session cookie is all we need). */
export class ApiClient {
  cookie = '';
  constructor(readonly base: string) {}

  async request<T = any>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const res = await fetch(this.base + p, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get = <T = any>(p: string) => this.request<T>('GET', p);
  post = <T = any>(p: string, body?: unknown) => this.request<T>('POST', p, body ?? {});
  patch = <T = any>(p: string, body?: unknown) => this.request<T>('PATCH', p, body ?? {});
  del = <T = any>(p: string) => this.request<T>('DELETE', p);
  put = <T = any>(p: string, body?: unknown) => this.request<T>('PUT', p, body ?? {});
}

/** query: e.g. the `meeting` a load balancer hashes on, as the app sends it. */
export function connectSocket(url: string, cookie: string, protocolVersion = PROTOCOL_VERSION, query: Record<string, string> = {}): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    transports: ['websocket'],
    query,
    extraHeaders: cookie ? { cookie } : {},
    auth: { protocolVersion },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  followMeetings(socket);
  return new Promise((resolve, reject) => {
    // Only the first connection's failure rejects; later reconnects must keep retrying.
    const fail = (e: Error) => {
      socket.close();
      reject(e);
    };
    socket.once('connect_error', fail);
    socket.once('connect', () => {
      socket.off('connect_error', fail);
      resolve(socket);
    });
  });
}

export function emitAck<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<any> {
  return new Promise((resolve) => (socket.emit as any)(event, payload, (res: Ack) => resolve(res)));
}

/** Resolves with the next payload of an event that satisfies pred. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  pred: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    const on = (p: any) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      (socket.off as any)(event, on);
      resolve(p);
    };
    (socket.on as any)(event, on);
  });
}

/**
 * Joins a group through a real invite link from `inviter`, as a new account; returns it signed
 * in. Members and observers accept the group's norms as they join (as the app asks them to),
 * unless `acceptNorms` is false.
 */
export async function joinGroup(base: string, inviter: ApiClient, groupId: string, name: string, role: string, company?: string, acceptNorms = true) {
  const inv = await inviter.post(`/api/groups/${groupId}/invites`, { role });
  if (inv.status !== 201) throw new Error(`invite failed: ${JSON.stringify(inv.body)}`);
  const c = new ApiClient(base);
  const token = inv.body.url.split('/').pop();
  const r = await c.post(`/api/invites/${token}/accept`, {
    name,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
    password: 'correct horse battery',
    ...(company ? { company } : {}),
  });
  if (r.status !== 200) throw new Error(`accept failed: ${JSON.stringify(r.body)}`);
  if (acceptNorms && role !== 'coach') {
    const accepted = await c.post(`/api/groups/${groupId}/norms/accept`);
    if (accepted.status !== 200) throw new Error(`norms not accepted: ${JSON.stringify(accepted.body)}`);
  }
  return Object.assign(c, { userId: r.body.user.id as string });
}

/**
 * A network with one coach-led group: organiser, coach, three members and an observer,
 * all joined through real invite links. Returns signed-in clients.
 */
export async function seedGroup(base: string) {
  const organiser = new ApiClient(base);
  const setup = await organiser.post('/api/setup', {
    networkName: 'Test Network',
    name: 'Olga Organiser',
    email: 'olga@example.com',
    password: 'correct horse battery',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setup.body)}`);
  const networkId: string = setup.body.networks[0].id;
  const group = (await organiser.post(`/api/networks/${networkId}/groups`, { name: 'Alpha Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
  const join = (name: string, role: string, company?: string) => joinGroup(base, organiser, group.id, name, role, company);
  const coach = await join('Cora Coach', 'coach');
  const m1 = await join('Max One', 'member', 'One GmbH');
  const m2 = await join('Mia Two', 'member', 'Two Ltd');
  const m3 = await join('Moe Three', 'member', 'Three AG');
  const observer = await join('Otto Observer', 'observer');
  return { organiser, networkId, group, coach, members: [m1, m2, m3], observer };
}
