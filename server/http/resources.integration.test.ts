// The resource library over real HTTP against a real server and SQLite file: who may share,
// read, download and remove; http(s)-only links; file size limit; safe download headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { createMeeting, otherGroup } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let meeting: { id: string; agenda: { id: string; kind: string }[] };
let topicsItem: string;

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const sharePath = () => `/api/meetings/${meeting.id}/resources`;
const libraryPath = () => `/api/groups/${seed.group.id}/resources`;
const share = (c: ApiClient, body: Record<string, unknown>) => c.post(sharePath(), { itemId: topicsItem, title: 'Shared', ...body });
/** fetch without the JSON parsing of ApiClient, so the bytes come back as they were sent. */
const download = (c: ApiClient, id: string) => fetch(`${srv.url}/api/resources/${id}/file`, { headers: { cookie: c.cookie } });

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-01T07:00:00Z');
  topicsItem = meeting.agenda.find((i) => i.kind === 'topics')!.id;
});
afterAll(() => srv?.close());

describe('who may reach the library', () => {
  it("another group's member gets 404 on every resource endpoint", async () => {
    const link = (await share(seed.members[0]!, { url: 'https://example.com/sla' })).body;
    const file = (await share(seed.members[0]!, { fileName: 'sla.pdf', contentType: 'application/pdf', dataBase64: b64('%PDF-1.4') })).body;
    const s = beta.member;
    const tries = [
      await share(s, { url: 'https://example.com/x' }),
      await s.get(libraryPath()),
      await s.get(`/api/resources/${file.id}/file`),
      await s.del(`/api/resources/${link.id}`),
      await s.del(`/api/resources/${file.id}`),
    ];
    for (const r of tries) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await seed.members[0]!.get(`/api/resources/nope/file`)).status).toBe(404);
  });

  it('coach, members and organisers share; an observer reads and downloads but may not share', async () => {
    for (const c of [seed.coach, seed.members[1]!, seed.organiser]) expect((await share(c, { url: 'https://example.com/ok' })).status).toBe(201);
    const refused = await share(seed.observer, { url: 'https://example.com/obs' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await seed.observer.get(libraryPath())).status).toBe(200);
    const file = (await share(seed.coach, { fileName: 'notes.txt', contentType: 'text/plain', dataBase64: b64('hello') })).body;
    expect((await download(seed.observer, file.id)).status).toBe(200);
  });
});

describe('sharing', () => {
  it('accepts http(s) links only, and a link or a file, not both', async () => {
    const m = seed.members[0]!;
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'data:text/html,<script>x</script>', 'not a url']) {
      const r = await share(m, { url });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^url:/);
    }
    expect((await share(m, { url: 'http://example.com/plain' })).status).toBe(201);
    const both = await share(m, { url: 'https://example.com', fileName: 'a.txt', contentType: 'text/plain', dataBase64: b64('a') });
    expect(both.status).toBe(400);
    expect((await share(m, {})).status).toBe(400);
    expect((await share(m, { fileName: 'a.txt', dataBase64: b64('a') })).body.error.message).toMatch(/^contentType:/);
    expect((await share(m, { fileName: '../../etc/passwd', contentType: 'text/plain', dataBase64: b64('a') })).body.error.message).toMatch(/^fileName:/);
    expect((await share(m, { fileName: 'a.txt', contentType: 'text/plain', dataBase64: 'not base64!' })).body.error.message).toMatch(/^dataBase64:/);
  });

  it('refuses an agenda item the meeting does not have', async () => {
    const r = await seed.members[0]!.post(sharePath(), { itemId: 'no-such-item', title: 'x', url: 'https://example.com' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^itemId:/);
  });

  it('takes a file of exactly 2 MiB and refuses one byte more, storing nothing', async () => {
    const m = seed.members[2]!;
    const before = (await m.get(libraryPath())).body.length;
    const max = new Uint8Array(LIMITS.resourceFileMaxBytes).fill(65);
    const ok = await share(m, { title: 'Big deck', fileName: 'deck.pdf', contentType: 'application/pdf', dataBase64: b64(max) });
    expect(ok.status).toBe(201);
    expect(ok.body.size).toBe(LIMITS.resourceFileMaxBytes);
    const over = await share(m, { title: 'Too big', fileName: 'deck.pdf', contentType: 'application/pdf', dataBase64: b64(new Uint8Array(LIMITS.resourceFileMaxBytes + 1)) });
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('payload_too_large');
    expect((await m.get(libraryPath())).body.length).toBe(before + 1);
    await m.del(`/api/resources/${ok.body.id}`);
  });
});

describe('downloads', () => {
  it('come back byte for byte as an attachment with the declared allowed type', async () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
    const file = (await share(seed.members[0]!, { title: 'Price list', fileName: 'Preisliste März "final".pdf', contentType: 'application/pdf', dataBase64: b64(bytes) })).body;
    const res = await download(seed.members[1]!, file.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="Preisliste M_rz _final_.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Preisliste März "final".pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('serve an uploaded HTML or SVG file as application/octet-stream, never as a page', async () => {
    for (const [fileName, contentType] of [['evil.html', 'text/html'], ['logo.svg', 'image/svg+xml'], ['x.js', 'application/javascript']]) {
      const file = (await share(seed.members[0]!, { fileName, contentType, dataBase64: b64('<script>alert(document.cookie)</script>') })).body;
      expect(file.contentType).toBe(contentType);
      const res = await download(seed.members[1]!, file.id);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a link has no file to download', async () => {
    const link = (await share(seed.members[0]!, { url: 'https://example.com/a' })).body;
    expect((await seed.members[0]!.get(`/api/resources/${link.id}/file`)).status).toBe(404);
  });
});

describe('the library', () => {
  it('lists who shared what, when, from which meeting and agenda item, newest first', async () => {
    const shared = (await share(seed.members[1]!, { title: 'Onboarding checklist', url: 'https://example.com/onboarding' })).body;
    const library = (await seed.observer.get(libraryPath())).body as any[];
    expect(library[0]).toMatchObject({
      id: shared.id,
      title: 'Onboarding checklist',
      kind: 'link',
      url: 'https://example.com/onboarding',
      sharedBy: seed.members[1]!.userId,
      sharedByName: 'Mia Two',
      meeting: { id: meeting.id, quarter: '2026-Q4', title: 'Quarterly meeting 2026-Q4' },
      itemId: topicsItem,
      itemTitle: expect.any(String),
    });
    expect(library.every((r) => !('data' in r) && !('dataBase64' in r))).toBe(true);
    const times = library.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('the sharer or the coach removes a resource; another member may not', async () => {
    const a = (await share(seed.members[0]!, { url: 'https://example.com/mine' })).body;
    const b = (await share(seed.members[0]!, { url: 'https://example.com/mine-too' })).body;
    const other = await seed.members[1]!.del(`/api/resources/${a.id}`);
    expect(other.status).toBe(403);
    expect((await seed.observer.del(`/api/resources/${a.id}`)).status).toBe(403);
    expect((await seed.members[0]!.del(`/api/resources/${a.id}`)).status).toBe(204);
    expect((await seed.coach.del(`/api/resources/${b.id}`)).status).toBe(204);
    const ids = ((await seed.coach.get(libraryPath())).body as any[]).map((r) => r.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect((await seed.members[0]!.del(`/api/resources/${a.id}`)).status).toBe(404);
  });

  it('tells the open meetings of the group that resources changed', async () => {
    const socket = await connectSocket(srv.url, seed.members[2]!.cookie);
    try {
      expect((await emitAck(socket, 'room:join', { meetingId: meeting.id, mode: 'room' })).ok).toBe(true);
      const heard = nextEvent(socket, 'records:changed', (p) => p.kind === 'resources');
      const shared = (await share(seed.coach, { url: 'https://example.com/live' })).body;
      expect(await heard).toEqual({ meetingId: meeting.id, kind: 'resources' });
      const removed = nextEvent(socket, 'records:changed', (p) => p.kind === 'resources');
      await seed.coach.del(`/api/resources/${shared.id}`);
      expect(await removed).toEqual({ meetingId: meeting.id, kind: 'resources' });
    } finally {
      socket.close();
    }
  });
});
