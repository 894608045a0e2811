// Room-only content on /collab: an observer (outside the room by default) connected with the
// stock y-websocket WebsocketProvider receives the notes and commitments without anything that
// stays in the room, live during the meeting and after it, and never a byte of that text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { meetingWithNotes } from '../testing/notesMeeting.ts';
import type { AccessChange } from '../../shared/protocol.ts';
import { connectSocket, emitAck, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
let notesName: string;
let coachSocket: ClientSocket;
const providers: WebsocketProvider[] = [];

const SECRET = 'SECRET-our-bank-is-calling-the-loan';
const SECRET_LATE = 'SECRET-marked-after-typing';
const SECRET_COMMITMENT = 'SECRET-commitment-fire-the-cfo';

const open = (cookie: string, name: string) => {
  const c = collabClient(srv.url, cookie, name);
  providers.push(c.provider);
  // Every update the provider applies, as received: none may carry room-only text.
  const received: Uint8Array[] = [];
  c.doc.on('update', (u: Uint8Array, origin: unknown) => origin === c.provider && received.push(u));
  return { ...c, received };
};
const notesText = (doc: Y.Doc) => doc.getXmlFragment(NOTES_FIELD).toString();
const bytesHave = (chunks: Uint8Array[], s: string) => chunks.some((u) => Buffer.from(u).includes(Buffer.from(s)));
const commitmentTexts = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('commitments').toArray().map((m) => String(m.get('what')));

function paragraph(text: string, roomOnly = false): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  if (roomOnly) p.setAttribute('confidential', true as unknown as string);
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}
function commitment(id: string, what: string, confidential: boolean): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({ id, who: seed.members[0]!.userId, what, due: '', status: 'open', confidential, createdBy: 'x', createdAt: '2026-12-01' })) m.set(k, v);
  return m;
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ meetingId, docName: notesName } = await meetingWithNotes(seed.coach, seed.group.id));
  coachSocket = await connectSocket(srv.url, seed.coach.cookie);
  expect((await emitAck(coachSocket, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  expect((await emitAck(coachSocket, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  coachSocket?.close();
  await srv?.close();
});

describe('room-only content on /collab', () => {
  it('during the meeting: the observer follows the notes live without a room-only block, even one marked after typing', async () => {
    const member = open(seed.members[0]!.cookie, notesName);
    await waitUntil(() => member.provider.synced, 'member synced');
    const frag = member.doc.getXmlFragment(NOTES_FIELD);
    frag.insert(0, [paragraph('Shared: revenue up 12%'), paragraph(SECRET, true), paragraph('Shared: hiring two')]);

    const observer = open(seed.observer.cookie, notesName);
    await waitUntil(() => observer.provider.synced && notesText(observer.doc).includes('hiring two'), 'observer has the shared notes');
    expect(notesText(observer.doc)).toContain('revenue up 12%');
    expect(notesText(observer.doc)).not.toContain('SECRET');

    // Typed as shareable, then marked: it leaves the observer's copy, and its text is gone from the copy's state.
    frag.insert(3, [paragraph(SECRET_LATE)]);
    await waitUntil(() => notesText(observer.doc).includes(SECRET_LATE), 'shareable paragraph reached the observer');
    (frag.get(3) as Y.XmlElement).setAttribute('confidential', true as unknown as string);
    // Text typed inside a room-only block never goes out.
    ((frag.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'SECRET-typed-inside ');
    // Marker: a shareable edit after both; once it arrives, the view has applied them.
    frag.insert(0, [paragraph('Shared: marker')]);
    await waitUntil(() => notesText(observer.doc).includes('marker'), 'marker reached the observer');
    expect(notesText(observer.doc)).not.toContain(SECRET_LATE);
    expect(notesText(observer.doc)).not.toContain('SECRET');
    expect(Buffer.from(Y.encodeStateAsUpdate(observer.doc)).includes(Buffer.from('SECRET'))).toBe(false);
    expect(bytesHave(observer.received, SECRET)).toBe(false);
    expect(bytesHave(observer.received, 'SECRET-typed-inside')).toBe(false);
    // The members' doc still holds it all.
    expect(notesText(member.doc)).toContain(SECRET);
    // The observer's edits land nowhere.
    observer.doc.getXmlFragment(NOTES_FIELD).insert(0, [paragraph('OBSERVER-WROTE')]);
    frag.insert(0, [paragraph('Shared: marker two')]);
    await waitUntil(() => notesText(observer.doc).includes('marker two'), 'second marker');
    expect(notesText(member.doc)).not.toContain('OBSERVER-WROTE');
  });

  it('commitments: a room-only commitment never reaches the observer', async () => {
    const name = commitmentsDocName(meetingId);
    const member = open(seed.members[0]!.cookie, name);
    await waitUntil(() => member.provider.synced, 'member synced');
    const list = member.doc.getArray<Y.Map<unknown>>('commitments');
    list.push([commitment('c1', 'Call three customers', false), commitment('c2', SECRET_COMMITMENT, true)]);
    const observer = open(seed.observer.cookie, name);
    await waitUntil(() => observer.provider.synced && commitmentTexts(observer.doc).includes('Call three customers'), 'observer has commitments');
    (list.get(0) as Y.Map<unknown>).set('confidential', true);
    list.push([commitment('c3', 'Marker commitment', false)]);
    await waitUntil(() => commitmentTexts(observer.doc).includes('Marker commitment'), 'marker commitment');
    expect(commitmentTexts(observer.doc)).toEqual(['Marker commitment']);
    expect(bytesHave(observer.received, SECRET_COMMITMENT)).toBe(false);
  });

  it('after the meeting: a fresh observer still gets no room-only text', async () => {
    expect((await emitAck(coachSocket, 'meeting:command', { meetingId, command: { type: 'meeting.end' } })).ok).toBe(true);
    const observer = open(seed.observer.cookie, notesName);
    await waitUntil(() => observer.provider.synced && notesText(observer.doc).includes('marker two'), 'observer synced after the end');
    expect(notesText(observer.doc)).not.toContain('SECRET');
    expect(bytesHave(observer.received, 'SECRET')).toBe(false);
    // A member still reads everything.
    const member = open(seed.members[1]!.cookie, notesName);
    await waitUntil(() => member.provider.synced && notesText(member.doc).includes(SECRET), 'member reads the room-only block');
  });

  it('the coach counts observers in the room: an open observer keeps reading and now may get the whole doc; turned off again, a whole-doc connection is closed 4403', async () => {
    const told: AccessChange[] = [];
    const obsSocket = await connectSocket(srv.url, seed.observer.cookie);
    obsSocket.on('access:changed', (c) => told.push(c));
    expect((await emitAck(obsSocket, 'room:join', { meetingId, mode: 'remote' })).ok).toBe(true);
    const filtered = open(seed.observer.cookie, notesName);
    await waitUntil(() => filtered.provider.synced, 'filtered view synced');
    expect((await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersInRoom: true })).status).toBe(200);
    expect(told.at(-1)?.allowed).toContain('notes.roomOnly');
    expect(filtered.provider.wsconnected).toBe(true);
    const whole = open(seed.observer.cookie, notesName);
    await waitUntil(() => whole.provider.synced && notesText(whole.doc).includes(SECRET), 'observer in the room reads the room-only block');

    const closed = new Promise<number>((resolve) => whole.provider.on('connection-close', (e: CloseEvent | null) => e && resolve(e.code)));
    expect((await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersInRoom: false })).status).toBe(200);
    expect(await closed).toBe(4403);
    expect(told.at(-1)?.allowed).not.toContain('notes.roomOnly');
    obsSocket.close();
  });
});
