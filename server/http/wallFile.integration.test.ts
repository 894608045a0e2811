// The file on the wall over a real server: only the facilitator shows or hides one; the server
// describes it from storage (title, media by its bytes) whatever the client sent; HTML and SVG
// are refused with a JSON error that says why; another group can't show or fetch the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDelta } from '../../shared/meeting/delta.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';
import { createMeeting, otherGroup } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let meeting: { id: string; agenda: { id: string; kind: string }[] };
const sockets: ClientSocket[] = [];
const files: Record<'png' | 'pdf' | 'html' | 'svg' | 'link', string> = { png: '', pdf: '', html: '', svg: '', link: '' };

// A 1x1 PNG, declared as a plain download: the server must go by its bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>');

async function join(c: ApiClient, meetingId = meeting.id): Promise<ClientSocket> {
  const s = await connectSocket(srv.url, c.cookie);
  sockets.push(s);
  const ack = await emitAck(s, 'room:join', { meetingId, mode: 'room' });
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return s;
}
const command = (s: ClientSocket, cmd: unknown, meetingId = meeting.id) => emitAck(s, 'meeting:command', { meetingId, command: cmd as never });
const wallGet = (c: ApiClient, id: string) => fetch(`${srv.url}/api/resources/${id}/wall`, { headers: { cookie: c.cookie } });

let coach: ClientSocket;
let member: ClientSocket;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-01T07:00:00Z');
  const itemId = meeting.agenda.find((i) => i.kind === 'topics')!.id;
  const share = async (body: Record<string, unknown>) => {
    const r = await seed.members[0]!.post(`/api/meetings/${meeting.id}/resources`, { itemId, ...body });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    return r.body.id as string;
  };
  const file = (title: string, fileName: string, contentType: string, data: Buffer) => share({ title, fileName, contentType, dataBase64: data.toString('base64') });
  files.png = await file('Org chart', 'org.bin', 'application/octet-stream', PNG);
  files.pdf = await file('Price list', 'prices.pdf', 'application/pdf', PDF);
  // Lies about what they are: declared as images.
  files.html = await file('Landing page', 'page.png', 'image/png', HTML);
  files.svg = await file('Logo', 'logo.svg', 'image/svg+xml', SVG);
  files.link = await share({ title: 'Wiki', url: 'https://example.com/wiki' });
  coach = await join(seed.coach);
  member = await join(seed.members[1]!);
  expect((await command(coach, { type: 'meeting.start' })).ok).toBe(true);
  expect((await command(coach, { type: 'agenda.jump', itemId })).ok).toBe(true);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

describe('showing a file on the wall', () => {
  it('only the facilitator (here the coach) shows and hides; members and observers are refused', async () => {
    const refused = await command(member, { type: 'wall.show', resourceId: files.png });
    expect(refused.error.code).toBe('not_facilitator');
    const observer = await join(seed.observer);
    expect((await command(observer, { type: 'wall.show', resourceId: files.png })).error.code).toBe('forbidden');

    // The member hears the command as the server described it: stored title, sniffed media.
    const heard = nextEvent(member, 'meeting:applied', (d: MeetingDelta) => d.steps.some((s) => s.command.type === 'wall.show'));
    const ack = await command(coach, { type: 'wall.show', resourceId: files.png, title: 'Spoofed title', media: 'pdf' });
    expect(ack.ok).toBe(true);
    expect((await heard).steps.map((s) => s.command)).toEqual([{ type: 'wall.show', resourceId: files.png, title: 'Org chart', media: 'image' }]);
    const synced = await emitAck(member, 'meeting:sync', { meetingId: meeting.id });
    expect(synced.state.shownFile).toMatchObject({ resourceId: files.png, title: 'Org chart', media: 'image' });

    expect((await command(coach, { type: 'wall.show', resourceId: files.pdf })).ok).toBe(true);
    expect((await emitAck(member, 'meeting:sync', { meetingId: meeting.id })).state.shownFile).toMatchObject({ resourceId: files.pdf, media: 'pdf' });
    expect((await command(member, { type: 'wall.hide' })).error.code).toBe('not_facilitator');
    expect((await command(coach, { type: 'wall.hide' })).ok).toBe(true);
    expect((await emitAck(member, 'meeting:sync', { meetingId: meeting.id })).state.shownFile).toBeNull();
  });

  it('refuses HTML and SVG (whatever type they were uploaded as) and links, saying why', async () => {
    const html = await command(coach, { type: 'wall.show', resourceId: files.html });
    expect(html).toEqual({ ok: false, error: { code: 'unsupported_media', message: 'This file is an HTML page: only PNG, JPEG, WebP and GIF images and PDFs can be shown on the wall (it can still be downloaded).' } });
    const svg = await command(coach, { type: 'wall.show', resourceId: files.svg });
    expect(svg.error).toEqual({ code: 'unsupported_media', message: expect.stringMatching(/^This file is an SVG drawing: only PNG/) });
    const link = await command(coach, { type: 'wall.show', resourceId: files.link });
    expect(link.error).toEqual({ code: 'bad_request', message: 'This resource is a link: only a shared file can be shown on the wall.' });
    expect((await emitAck(member, 'meeting:sync', { meetingId: meeting.id })).state.shownFile).toBeNull();

    // Nor does the wall's file route serve them: a JSON error, never the bytes.
    for (const [id, what] of [[files.html, 'an HTML page'], [files.svg, 'an SVG drawing']] as const) {
      const r = await wallGet(seed.members[1]!, id);
      expect(r.status).toBe(415);
      expect(r.headers.get('content-type')).toContain('application/json');
      expect((await r.json()).error).toEqual({ code: 'unsupported_media', message: expect.stringContaining(`This file is ${what}:`) });
    }
    // The plain download of the HTML file stays a download that no browser renders or sniffs.
    const download = await fetch(`${srv.url}/api/resources/${files.html}/file`, { headers: { cookie: seed.members[1]!.cookie } });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a showable file as the type its bytes show, as a sandboxed attachment, to the group only', async () => {
    for (const [id, type, bytes] of [[files.png, 'image/png', PNG], [files.pdf, 'application/pdf', PDF]] as const) {
      const r = await wallGet(seed.observer, id);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe(type);
      expect(r.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(r.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes);
    }
    // Another group's member: as if the file did not exist.
    for (const path of [`/api/resources/${files.png}/wall`, `/api/resources/${files.png}/file`]) {
      const r = await beta.member.get(path);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await fetch(`${srv.url}/api/resources/${files.png}/wall`)).status).toBe(401);
  });

  it("another group's meeting can't show this group's file, even run by an organiser who reads both", async () => {
    const other = await createMeeting(seed.organiser, beta.group.id, '2026-Q4', '2026-10-02T07:00:00Z');
    const s = await join(seed.organiser, other.id);
    expect((await command(s, { type: 'meeting.start' }, other.id)).ok).toBe(true);
    expect((await command(s, { type: 'agenda.jump', itemId: other.agenda.find((i) => i.kind === 'topics')!.id }, other.id)).ok).toBe(true);
    const r = await command(s, { type: 'wall.show', resourceId: files.png }, other.id);
    expect(r.error).toEqual({ code: 'not_found', message: 'No such file in this group.' });
  });
});
