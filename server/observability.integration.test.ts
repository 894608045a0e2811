// What an operator watches: /api/health and /api/ready (503 while PostgreSQL is unreachable,
// back to 200 when it returns), /metrics in the Prometheus text format (loopback or token only),
// one log line per request with its id and no secret in any line, and a wrong setting that
// stops the server naming the variable.
import { spawn } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startChildServer, type ChildServer } from './testing/childServer.ts';
import { connectSocket, emitAck, seedGroup, startTestServer, tempDataDir } from './testing/harness.ts';
import { parsePrometheusText } from './testing/promText.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A TCP relay to PostgreSQL that the test can cut and restore: "the database went away". */
async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await freePort();
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server!.close(() => resolve());
    });
  await open();
  return { port, open, cut };
}

describe('health and readiness', () => {
  it('health answers from the process; ready checks storage', async () => {
    const srv = await startTestServer();
    cleanups.push(() => srv.close());
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${srv.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { storage: 'ok' } });
  });

  it('ready is 503 while PostgreSQL is unreachable, and 200 again once it is back', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    const schema = `pb_ops_ready_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    cleanups.push(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });
    const proxy = await cuttableProxy({ host: base.hostname, port: Number(base.port || 5432) });
    const url = new URL(base);
    url.port = String(proxy.port);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const srv = await startTestServer(tempDataDir(), { DATABASE_URL: url.toString() });
    cleanups.push(() => srv.close());

    expect((await fetch(`${srv.url}/api/ready`)).status).toBe(200);
    await proxy.cut();
    const down = await fetch(`${srv.url}/api/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: 'unavailable' }, checks: { storage: 'down' } });
    // Liveness does not depend on the database: restarting the process would not help.
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    await proxy.open();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await fetch(`${srv.url}/api/ready`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});

describe('metrics', () => {
  it('serves the Prometheus text format to loopback, with the live figures', async () => {
    const srv = await startTestServer();
    cleanups.push(() => srv.close());
    const seed = await seedGroup(srv.url);
    const meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    const socket = await connectSocket(srv.url, seed.coach.cookie);
    cleanups.push(async () => socket.close());
    expect((await emitAck(socket, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'agenda.back' } })).ok).toBe(false);

    const res = await fetch(`${srv.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    let families = parsePrometheusText(await res.text());
    const value = (name: string, labels: Record<string, string> = {}) =>
      [...families.values()].flatMap((f) => f.samples).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(value('peerboard_meeting_rooms')).toBe(1);
    expect(value('peerboard_meeting_sockets')).toBe(1);
    expect(value('peerboard_collab_sockets')).toBe(0);
    expect(value('peerboard_docs_loaded')).toBe(0);
    expect(value('peerboard_meeting_commands_total', { outcome: 'ok' })).toBe(1);
    expect(value('peerboard_meeting_commands_total', { outcome: 'refused' })).toBe(1);
    // Each command's time in the server, by outcome: one observation each, none rate limited.
    expect(families.get('peerboard_meeting_command_seconds')!.type).toBe('histogram');
    expect(value('peerboard_meeting_command_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(value('peerboard_meeting_command_seconds_count', { outcome: 'refused' })).toBe(1);
    expect(value('peerboard_meeting_command_seconds_count', { outcome: 'rate_limited' })).toBe(0);
    expect(value('peerboard_meeting_command_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(value('peerboard_meeting_command_seconds_bucket', { outcome: 'ok', le: '+Inf' })).toBe(1);
    expect(families.get('peerboard_storage_seconds')!.type).toBe('histogram');
    expect(value('peerboard_storage_seconds_count', { method: 'getMeeting', outcome: 'ok' })).toBeGreaterThan(0);
    // A write within the command's own turn (SQLite's usual command) is timed like any other.
    const savedNow = () => value('peerboard_storage_seconds_count', { method: 'saveMeetingStatesNow', outcome: 'ok' }) ?? 0;
    const before = savedNow();
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'agenda.next' } })).ok).toBe(true);
    families = parsePrometheusText(await (await fetch(`${srv.url}/metrics`)).text());
    expect(savedNow()).toBe(before + 1);
    expect(families.has('peerboard_refused_messages_total')).toBe(true);
    expect(families.has('peerboard_doc_updates_stored_total')).toBe(true);
    expect(families.has('peerboard_process_resident_memory_bytes')).toBe(true);
    expect(value('peerboard_mail_queue', { status: 'pending' })).toBeGreaterThanOrEqual(0);

    // What a local reverse proxy relays is not "this machine".
    expect((await fetch(`${srv.url}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(403);
  });

  it('with METRICS_TOKEN, only the bearer of the token may scrape', async () => {
    const token = 'scrape-token-0123456789';
    const srv = await startTestServer(tempDataDir(), { METRICS_TOKEN: token });
    cleanups.push(() => srv.close());
    const noToken = await fetch(`${srv.url}/metrics`);
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.code).toBe('forbidden');
    expect((await fetch(`${srv.url}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(403);
    expect((await fetch(`${srv.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('logs and configuration', () => {
  let child: ChildServer;
  it('one line per request with its id; cookies, passwords and invite tokens never logged', async () => {
    child = await startChildServer(await freePort(), tempDataDir(), { LOG_LEVEL: 'info' });
    cleanups.push(() => child.stop());
    const seed = await seedGroup(child.url);
    const invite = (await seed.coach.post(`/api/groups/${seed.group.id}/invites`, { role: 'member' })).body.url.split('/').pop();
    const res = await fetch(`${child.url}/api/me`, { headers: { cookie: seed.coach.cookie, 'X-Request-Id': 'trace-from-proxy-1' } });
    expect(res.headers.get('x-request-id')).toBe('trace-from-proxy-1');
    await fetch(`${child.url}/api/invites/${invite}`);
    const notJson = await fetch(`${child.url}/api/me/mail-preferences`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(notJson.status).toBe(400);
    const own = await fetch(`${child.url}/api/me`);
    const ownId = own.headers.get('x-request-id')!;
    expect(ownId).toMatch(/^[0-9a-f-]{36}$/);
    await loggedLine(child, ownId);

    const lines = logLines(child);
    const me = lines.find((l) => l.reqId === 'trace-from-proxy-1');
    expect(me).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/api/me', status: 200, userId: seed.coach.userId });
    // Refused inside a route (not signed in) it still names the route's whole pattern.
    expect(lines.find((l) => l.reqId === ownId)).toMatchObject({ level: 'info', route: '/api/me', status: 401 });
    expect(lines.find((l) => l.reqId === notJson.headers.get('x-request-id'))).toMatchObject({ level: 'info', route: '(refused before routing)', status: 400 });
    expect(lines.filter((l) => l.msg === 'request' && l.route === '/api/invites/:token')).toHaveLength(1);
    const all = child.output();
    // Each field once per line: a parser keeps only one of two same-named keys.
    const listening = all.split('\n').find((l) => l.includes('"peerboard listening"'))!;
    expect(JSON.parse(listening)).toMatchObject({ pid: expect.any(Number), port: expect.any(Number), storage: 'sqlite' });
    expect(listening.match(/"pid":/g)).toHaveLength(1);
    expect(all).not.toContain(seed.coach.cookie.split('=')[1]!);
    expect(all).not.toContain('correct horse battery');
    expect(all).not.toContain(invite);
  });

  it('a balancer\'s and a scraper\'s probes are logged at debug when they succeed, at info when they fail', async () => {
    const token = 'probe-token-0123456789abcdef';
    const quiet = await startChildServer(await freePort(), tempDataDir(), { LOG_LEVEL: 'info', METRICS_TOKEN: token });
    cleanups.push(() => quiet.stop());
    const probes = [
      await fetch(`${quiet.url}/api/health`),
      await fetch(`${quiet.url}/api/ready`),
      await fetch(`${quiet.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } }),
    ];
    expect(probes.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = await fetch(`${quiet.url}/metrics`);
    expect(refused.status).toBe(403);
    // The refused scrape came after the three probes: once it is in the log, theirs would be too.
    await loggedLine(quiet, refused.headers.get('x-request-id')!);
    const lines = logLines(quiet);
    for (const probe of probes) expect(lines.find((l) => l.reqId === probe.headers.get('x-request-id'))).toBeUndefined();
    expect(lines.find((l) => l.reqId === refused.headers.get('x-request-id'))).toMatchObject({ level: 'info', route: '/metrics', status: 403 });

    const verbose = await startChildServer(await freePort(), tempDataDir(), { LOG_LEVEL: 'debug' });
    cleanups.push(() => verbose.stop());
    const health = await fetch(`${verbose.url}/api/health`);
    const line = await loggedLine(verbose, health.headers.get('x-request-id')!);
    expect(line).toMatchObject({ level: 'debug', msg: 'request', route: '/api/health', status: 200 });
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['PORT', '70000'],
    ['PUBLIC_ORIGIN', 'peerboard.example'],
    ['DATABASE_URL', 'mysql://x'],
  ])('a wrong %s stops the server with a message naming it', async (name, value) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: tempDataDir(), SERVE_CLIENT: 'false', [name]: value },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => proc.on('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toContain(`${name}=${JSON.stringify(value)}`);
  });
});

/** The child's log so far, a JSON object per line. */
const logLines = (child: ChildServer): Record<string, unknown>[] => child.output().trim().split('\n').map((l) => JSON.parse(l));

/** Waits until the child has logged the line of this request id; returns it. */
async function loggedLine(child: ChildServer, reqId: string): Promise<Record<string, unknown> | undefined> {
  await expect.poll(() => child.output().includes(reqId), { timeout: 10_000 }).toBe(true);
  return logLines(child).find((l) => l.reqId === reqId);
}
