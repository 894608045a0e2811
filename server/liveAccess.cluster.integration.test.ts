// Live revocation across nodes: two server processes on one PostgreSQL schema and a private
// Redis. The coach changes a membership through node A; the person's connections are held by
// node B, which must act on them (services/liveAccess.ts publishes the change on Redis).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { COLLAB_CLOSE } from '../shared/collab/closeCodes.ts';
import { startCluster, type Cluster } from './testing/cluster.ts';
import { collabClient, waitUntil } from './testing/collabClient.ts';
import { meetingWithNotes } from './testing/notesMeeting.ts';
import { connectSocket, emitAck, joinGroup, nextEvent, seedGroup, type ClientSocket } from './testing/harness.ts';

let cluster: Cluster;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
let docName: string;
const sockets: ClientSocket[] = [];
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  seed = await seedGroup(cluster.a.url);
  ({ meetingId, docName } = await meetingWithNotes(seed.coach, seed.group.id));
  const coach = await joinedOn(cluster.a.url, seed.coach.cookie);
  expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
}, 240_000);
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.close());
  await cluster?.stop();
});

const joinedOn = async (url: string, cookie: string) => {
  const s = await connectSocket(url, cookie, undefined, { meeting: meetingId });
  sockets.push(s);
  expect((await emitAck(s, 'room:join', { meetingId, mode: 'remote' })).ok).toBe(true);
  return s;
};
const docOn = (url: string, cookie: string) => {
  const c = collabClient(url, cookie, docName, { meeting: meetingId });
  providers.push(c.provider);
  return c;
};
const closeCode = (p: WebsocketProvider) => new Promise<number>((resolve) => p.on('connection-close', (e: CloseEvent | null) => e && resolve(e.code)));

describe('live revocation across nodes', () => {
  it('removed through node A: their notes connection and socket on node B are closed and taken out within a second; a later edit lands nowhere', async () => {
    const rita = await joinGroup(cluster.a.url, seed.coach, seed.group.id, 'Rita Remote', 'member', 'Rita GmbH');
    const ritaSocket = await joinedOn(cluster.b.url, rita.cookie);
    const ritaDoc = docOn(cluster.b.url, rita.cookie);
    const other = docOn(cluster.a.url, seed.members[0]!.cookie);
    await waitUntil(() => ritaDoc.provider.synced && other.provider.synced, 'providers synced');
    ritaDoc.doc.getText('t').insert(0, 'before;');
    await waitUntil(() => other.doc.getText('t').toString().includes('before;'), 'edit crossed nodes');

    const closed = closeCode(ritaDoc.provider);
    const told = nextEvent(ritaSocket, 'access:changed');
    const t0 = performance.now();
    expect((await seed.coach.del(`/api/groups/${seed.group.id}/members/${rita.userId}`)).status).toBe(204);
    expect(await closed).toBe(COLLAB_CLOSE.forbidden);
    expect((await told).you).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1_000);
    ritaDoc.doc.getText('t').insert(0, 'LATE;');

    // Marker from node A's writer, after the late edit: once it is on node B, the late edit would be too.
    other.doc.getText('t').insert(0, 'marker;');
    const fresh = docOn(cluster.b.url, seed.members[1]!.cookie);
    await waitUntil(() => fresh.provider.synced && fresh.doc.getText('t').toString().includes('marker;'), 'marker on node B');
    expect(fresh.doc.getText('t').toString()).not.toContain('LATE');
    expect(other.doc.getText('t').toString()).not.toContain('LATE');
    // Out of the room on node B: the next command's broadcast does not reach it.
    const seen: number[] = [];
    ritaSocket.on('meeting:applied', (p) => seen.push(p.version));
    const watcher = await joinedOn(cluster.b.url, seed.members[1]!.cookie);
    const watched: number[] = [];
    watcher.on('meeting:applied', (p) => watched.push(p.version));
    const raised = await emitAck(watcher, 'meeting:command', { meetingId, command: { type: 'hand.raise' } });
    expect(raised.ok).toBe(true);
    await waitUntil(() => watched.includes(raised.version), 'marker delta on node B');
    expect(seen).toEqual([]);
  });

  it('made observer through node A: node B closes their full-doc connection and tells their socket the new role', async () => {
    const olga = await joinGroup(cluster.a.url, seed.coach, seed.group.id, 'Olga Onb', 'member', 'Olga AG');
    const olgaSocket = await joinedOn(cluster.b.url, olga.cookie);
    const olgaDoc = docOn(cluster.b.url, olga.cookie);
    await waitUntil(() => olgaDoc.provider.synced, 'synced');
    const closed = closeCode(olgaDoc.provider);
    const told = nextEvent(olgaSocket, 'access:changed');
    expect((await seed.coach.patch(`/api/groups/${seed.group.id}/members/${olga.userId}`, { role: 'observer' })).status).toBe(200);
    expect(await closed).toBe(COLLAB_CLOSE.forbidden);
    expect((await told).you).toEqual({ userId: olga.userId, role: 'observer' });
    // Reopened on node B as an observer: reads, cannot write.
    const reader = docOn(cluster.b.url, olga.cookie);
    await waitUntil(() => reader.provider.synced, 'observer synced');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('OLGA-WROTE')]);
    reader.doc.getXmlFragment('notes').insert(0, [p]);
    const writer = docOn(cluster.a.url, seed.members[0]!.cookie);
    await waitUntil(() => writer.provider.synced, 'writer synced');
    const marker = new Y.XmlElement('paragraph');
    marker.insert(0, [new Y.XmlText('marker-b')]);
    writer.doc.getXmlFragment('notes').insert(0, [marker]);
    await waitUntil(() => reader.doc.getXmlFragment('notes').toString().includes('marker-b'), 'marker reached the observer on node B');
    expect(writer.doc.getXmlFragment('notes').toString()).not.toContain('OLGA-WROTE');
    expect((await emitAck(olgaSocket, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).ok).toBe(false);
  });
});
