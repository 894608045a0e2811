// Live revocation on a real server: the coach removes a member or makes them an observer during
// a live meeting; their /collab connections (the stock y-websocket provider) and meeting socket
// follow at once. "Did not happen" is shown by a marker sent after it that did arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { NOTES_FIELD } from '../../shared/notes/fromYjs.ts';
import type { AccessChange } from '../../shared/protocol.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { meetingWithNotes } from '../testing/notesMeeting.ts';
import { connectSocket, emitAck, joinGroup, nextEvent, seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
let docName: string;
const sockets: ClientSocket[] = [];
const providers: WebsocketProvider[] = [];

const text = (doc: Y.Doc) => doc.getText('t').toString();
const client = (cookie: string) => {
  const c = collabClient(srv.url, cookie, docName);
  providers.push(c.provider);
  return c;
};
const closedWith = (p: WebsocketProvider) => new Promise<number>((resolve) => p.on('connection-close', (e: CloseEvent | null) => e && resolve(e.code)));
const storedText = async () => {
  const stored = await srv.storage.loadDoc(docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return text(doc);
};
const joined = async (cookie: string) => {
  const s = await connectSocket(srv.url, cookie);
  sockets.push(s);
  const r = await emitAck(s, 'room:join', { meetingId, mode: 'remote' });
  expect(r.ok).toBe(true);
  return s;
};
/** A fresh member of the group (so each test removes or demotes its own). */
let n = 0;
const newMember = () => joinGroup(srv.url, seed.coach, seed.group.id, `Rita Revoked ${++n}`, 'member', `Rita ${n} GmbH`);

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ meetingId, docName } = await meetingWithNotes(seed.coach, seed.group.id));
  const coach = await joined(seed.coach.cookie);
  expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.close());
  await srv?.close();
});

describe('live revocation', () => {
  it('a member removed mid-meeting is closed with 4403 within a second; a later edit of theirs is neither stored nor relayed', async () => {
    const rita = await newMember();
    const coach = client(seed.coach.cookie);
    const other = client(seed.members[0]!.cookie);
    const removed = client(rita.cookie);
    await waitUntil(() => coach.provider.synced && other.provider.synced && removed.provider.synced, 'providers synced');
    removed.doc.getText('t').insert(0, 'before;');
    await waitUntil(() => text(other.doc).includes('before;'), 'edit before removal relayed');

    const closed = closedWith(removed.provider);
    const t0 = performance.now();
    expect((await seed.coach.del(`/api/groups/${seed.group.id}/members/${rita.userId}`)).status).toBe(204);
    // The server has closed the connection by now; the close frame may still be on its way, so
    // this edit can still go out on the socket: the server must drop it.
    removed.doc.getText('t').insert(0, 'LATE;');
    expect(await closed).toBe(COLLAB_CLOSE.forbidden);
    expect(performance.now() - t0).toBeLessThan(1_000);

    // Marker: written after the late edit; once it is everywhere, the late edit would be too.
    coach.doc.getText('t').insert(0, 'marker;');
    await waitUntil(() => text(other.doc).includes('marker;'), 'marker relayed');
    await waitUntil(async () => (await storedText()).includes('marker;'), 'marker stored');
    expect(text(other.doc)).not.toContain('LATE');
    expect(await storedText()).not.toContain('LATE');
    // The stock provider stays away (4403 is permanent), and a new connection is refused.
    expect(removed.provider.wsconnected).toBe(false);
    const again = client(rita.cookie);
    const refused = new Promise<void>((resolve) => again.provider.on('connection-error', () => resolve()));
    await refused;
    expect(again.provider.synced).toBe(false);
    again.provider.destroy();
  });

  it("a removed member's socket is told and receives no further meeting:applied or meeting:state (marker: the others get the next one)", async () => {
    const rita = await newMember();
    const ritaSocket = await joined(rita.cookie);
    const watcher = await joined(seed.members[1]!.cookie);
    // Every meeting event on the wire (deltas and full states), before any client-side following.
    const states: number[] = [];
    ritaSocket.on('meeting:applied', (p) => states.push(p.version));
    ritaSocket.on('meeting:state', (p) => states.push(p.state.version));
    const told = nextEvent(ritaSocket, 'access:changed');
    const t0 = performance.now();
    expect((await seed.coach.del(`/api/groups/${seed.group.id}/members/${rita.userId}`)).status).toBe(204);
    const change: AccessChange = await told;
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(change).toEqual({ meetingId, you: null, allowed: [] });
    const seenBefore = states.length;

    const coachSocket = sockets[0]!;
    const watched: number[] = [];
    watcher.on('meeting:applied', (p) => watched.push(p.version));
    // A state change after the removal; then a marker change the watcher receives.
    expect((await emitAck(coachSocket, 'meeting:command', { meetingId, command: { type: 'timer.pause' } })).ok).toBe(true);
    const raised = await emitAck(watcher, 'meeting:command', { meetingId, command: { type: 'hand.raise' } });
    expect(raised.ok).toBe(true);
    await waitUntil(() => watched.includes(raised.version), 'marker delta reached the watcher');
    // The removed socket is still connected (the server only took it out of the room) and got nothing.
    expect(ritaSocket.connected).toBe(true);
    expect(states.length).toBe(seenBefore);
    expect(watched.length).toBeGreaterThanOrEqual(2);
    // And it cannot act in or rejoin the meeting.
    expect((await emitAck(ritaSocket, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).ok).toBe(false);
    expect((await emitAck(ritaSocket, 'room:join', { meetingId, mode: 'remote' })).ok).toBe(false);
  });

  it('a member made observer: their full-doc connection closes 4403, they are told their new role, can read again but no edit lands', async () => {
    const rita: ApiClient & { userId: string } = await newMember();
    const ritaSocket = await joined(rita.cookie);
    const coach = client(seed.coach.cookie);
    const member = client(rita.cookie);
    await waitUntil(() => coach.provider.synced && member.provider.synced, 'providers synced');
    const closed = closedWith(member.provider);
    const told = nextEvent(ritaSocket, 'access:changed');
    const r = await seed.coach.patch(`/api/groups/${seed.group.id}/members/${rita.userId}`, { role: 'observer' });
    expect(r.status).toBe(200);
    expect(await closed).toBe(COLLAB_CLOSE.forbidden);
    const change = await told;
    expect(change.you).toEqual({ userId: rita.userId, role: 'observer' });
    expect(change.allowed).not.toContain('notes.write');
    expect(change.allowed).toContain('notes.read');

    // Reopened as an observer: the notes arrive (as observers outside the room read them), edits do not land.
    const notes = (doc: Y.Doc) => doc.getXmlFragment(NOTES_FIELD).toString();
    const para = (t: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(t)]);
      return p;
    };
    coach.doc.getXmlFragment(NOTES_FIELD).insert(0, [para('shared notes')]);
    const reader = client(rita.cookie);
    await waitUntil(() => reader.provider.synced && notes(reader.doc).includes('shared notes'), 'observer reads the notes');
    reader.doc.getXmlFragment(NOTES_FIELD).insert(0, [para('OBSERVER-EDIT')]);
    reader.doc.getText('t').insert(0, 'OBSERVER-EDIT;');
    coach.doc.getXmlFragment(NOTES_FIELD).insert(0, [para('marker2')]);
    coach.doc.getText('t').insert(0, 'marker2;');
    await waitUntil(() => notes(reader.doc).includes('marker2'), 'marker reached the observer');
    await waitUntil(async () => (await storedText()).includes('marker2;'), 'marker stored');
    expect(notes(coach.doc)).not.toContain('OBSERVER-EDIT');
    expect(text(coach.doc)).not.toContain('OBSERVER-EDIT');
    expect(await storedText()).not.toContain('OBSERVER-EDIT');
    // Their socket stays in the meeting, now without the right to act.
    expect((await emitAck(ritaSocket, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).error.code).toBe('forbidden');
  });

  it('kickUser (sign out everywhere, account deleted): every notes connection closes 4403, every socket is told and disconnected', async () => {
    const kim = await newMember();
    const kimSocket = await joined(kim.cookie);
    const kimDoc = client(kim.cookie);
    await waitUntil(() => kimDoc.provider.synced, 'synced');
    const closed = closedWith(kimDoc.provider);
    const told = nextEvent(kimSocket, 'access:changed');
    const gone = new Promise<string>((resolve) => kimSocket.once('disconnect', (reason) => resolve(reason)));
    await srv.live.kickUser(kim.userId, 'signed_out');
    expect(await closed).toBe(COLLAB_CLOSE.forbidden);
    expect(await told).toEqual({ meetingId, you: null, allowed: [] });
    expect(await gone).toBe('io server disconnect');
  });
});
