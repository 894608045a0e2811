// Real http.Server + SQLite + the stock y-websocket provider: what users see when editing together.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { commitmentsDocName, notesDocName, privateDocName } from '../../shared/collab/docNames.ts';
import {
  connectClient,
  openRaw,
  startCollabServer,
  storedDoc,
  synced,
  waitFor,
  type CollabServer,
  type TestClient,
} from './testkit.ts';

const rights = { m1: { alice: 'write', bob: 'write', carol: 'write', olga: 'read' } } as const;
const NOTES = notesDocName('m1', 'item1');

let srv: CollabServer;
let clients: TestClient[] = [];
const connect = (name: string, user: string, doc?: Y.Doc) => {
  const c = connectClient(srv, name, user, doc);
  clients.push(c);
  return c;
};

/**
 * Positive sentinel for what an observer sent before: the observer's awareness (relayed, unlike
 * its edits), sent next on the same connection, reaches the member, so the server has handled
 * everything the observer sent before it.
 */
async function observerSentinel(observer: TestClient, member: TestClient, n: number): Promise<void> {
  observer.provider.awareness.setLocalStateField('sentinel', n);
  await waitFor(() => member.provider.awareness.getStates().get(observer.doc.clientID)?.sentinel === n, `sentinel ${n} relayed`);
}

/** Positive sentinel both ways: a marker each client sets after the fact reaches the other. */
async function crossSentinel(a: TestClient, b: TestClient): Promise<void> {
  const mark = String(Math.random());
  a.doc.getMap('sentinel').set('a', mark);
  await waitFor(() => b.doc.getMap('sentinel').get('a') === mark, 'a marker reaches b');
  b.doc.getMap('sentinel').set('b', mark);
  await waitFor(() => a.doc.getMap('sentinel').get('b') === mark, 'b marker reaches a');
}

beforeEach(async () => {
  srv = await startCollabServer({ rights: { ...rights } });
});
afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await srv.close();
});

describe('collab sync', () => {
  it('two clients converge on concurrent edits', async () => {
    const a = connect(NOTES, 'alice');
    const b = connect(NOTES, 'bob');
    await Promise.all([synced(a), synced(b)]);
    // Both type at once, before either has seen the other's edit.
    a.text.insert(0, 'alpha ');
    b.text.insert(0, 'bravo ');
    a.text.insert(a.text.length, 'A-end');
    b.text.insert(b.text.length, 'B-end');
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length === 22, 'convergence');
    for (const part of ['alpha ', 'bravo ', 'A-end', 'B-end']) expect(a.text.toString()).toContain(part);
    await waitFor(async () => (await storedDoc(srv.storage, NOTES)).text === a.text.toString(), 'stored doc equals clients');
  });

  it('a client joining late gets the full doc', async () => {
    const a = connect(NOTES, 'alice');
    const b = connect(NOTES, 'bob');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'from alice. ');
    b.text.insert(0, 'from bob. ');
    await waitFor(() => a.text.length === b.text.length && a.text.length === 22, 'first two converge');
    const c = connect(NOTES, 'carol');
    await synced(c);
    await waitFor(() => c.text.toString() === a.text.toString(), 'late joiner has the full doc');
  });

  it("an observer's edits never reach the server or others, but the observer sees theirs", async () => {
    const a = connect(NOTES, 'alice');
    const o = connect(NOTES, 'olga');
    await Promise.all([synced(a), synced(o)]);
    a.text.insert(0, 'agenda notes');
    await waitFor(() => o.text.toString() === 'agenda notes', 'observer receives member edit');
    o.text.insert(0, 'OBSERVER WAS HERE ');
    await observerSentinel(o, a, 1);
    // Alice keeps editing; her edit reaches the observer, the observer's never reaches her.
    a.text.insert(a.text.length, '!');
    await waitFor(() => o.text.toString().endsWith('agenda notes!'), 'observer receives later member edit');
    expect(a.text.toString()).toBe('agenda notes!');
    // Not in the server's doc either: a late joiner and storage lack it.
    const c = connect(NOTES, 'carol');
    await synced(c);
    expect(c.text.toString()).toBe('agenda notes!');
    expect((await storedDoc(srv.storage, NOTES)).text).toBe('agenda notes!');
    // The observer's reconnect (which resends its state) does not sneak it in either.
    o.provider.disconnect();
    o.provider.connect();
    await synced(o);
    await observerSentinel(o, a, 2);
    a.text.insert(a.text.length, '?');
    await waitFor(() => o.text.toString().endsWith('agenda notes!?'), 'observer receives the member edit after its reconnect');
    expect(a.text.toString()).toBe('agenda notes!?');
    expect((await storedDoc(srv.storage, NOTES)).text).toBe('agenda notes!?');
  });

  it('presence: everyone (observers too) shows in awareness; nobody can overwrite another user\'s state', async () => {
    const a = connect(NOTES, 'alice');
    const o = connect(NOTES, 'olga');
    await Promise.all([synced(a), synced(o)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    o.provider.awareness.setLocalStateField('user', { name: 'Olga' });
    await waitFor(() => a.provider.awareness.getStates().get(o.doc.clientID)?.user?.name === 'Olga', 'alice sees the observer');
    await waitFor(() => o.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Alice', 'observer sees alice');
    // Bob forges an awareness update for Alice's client id.
    const raw = await openRaw(srv, NOTES, 'bob');
    const forged = new Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'Mallory' } });
    forged.setLocalState({ user: { name: 'Mallory' } });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    const meta = forged.meta.get(a.doc.clientID)!;
    meta.clock += 1000;
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(forged, [a.doc.clientID]));
    raw.ws.send(encoding.toUint8Array(e));
    // Positive sentinel: Bob's own awareness, sent after the forgery on the same connection, reaches
    // the observer; the forgery (handled first) did not.
    const bobs = new Awareness(new Y.Doc());
    bobs.setLocalState({ user: { name: 'Bob' } });
    const own = encoding.createEncoder();
    encoding.writeVarUint(own, 1);
    encoding.writeVarUint8Array(own, encodeAwarenessUpdate(bobs, [bobs.clientID]));
    raw.ws.send(encoding.toUint8Array(own));
    await waitFor(() => o.provider.awareness.getStates().get(bobs.clientID)?.user?.name === 'Bob', 'observer sees bob');
    expect(o.provider.awareness.getStates().get(a.doc.clientID)?.user?.name).toBe('Alice');
    bobs.destroy();
    forged.destroy();
    raw.ws.close();
    // When a client leaves, the others see it go.
    a.provider.disconnect();
    await waitFor(() => !o.provider.awareness.getStates().has(a.doc.clientID), 'alice gone from awareness');
  });

  it('a sender whose update unblocks pending content receives that content', async () => {
    const src = new Y.Doc();
    const updates: Uint8Array[] = [];
    src.on('update', (u: Uint8Array) => updates.push(u));
    src.getText('t').insert(0, 'first ');
    src.getText('t').insert(6, 'second');
    const [first, second] = updates as [Uint8Array, Uint8Array];
    const frame = (u: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, u);
      return encoding.toUint8Array(e);
    };
    const x = await openRaw(srv, NOTES, 'bob');
    const storedBefore = (await srv.storage.loadDoc(NOTES)).updates.length;
    x.ws.send(frame(second)); // depends on `first`, which the server lacks: stays pending
    // Stored before it is applied: once in the log, the server holds it (pending) before y sends `first`.
    await waitFor(async () => (await srv.storage.loadDoc(NOTES)).updates.length > storedBefore, 'second stored');
    const y = await openRaw(srv, NOTES, 'carol');
    await waitFor(() => y.messages.length > 0, 'y connected');
    y.ws.send(frame(first));
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, first);
    await waitFor(() => {
      for (const m of y.messages.splice(0)) {
        if (m[0] === 0 && m[1] === 2) Y.applyUpdate(mirror, decoding.readVarUint8Array(decoding.createDecoder(m.subarray(2))));
      }
      return mirror.getText('t').toString() === 'first second';
    }, 'y receives the content its update unblocked');
    x.ws.close();
    y.ws.close();
  });

  it("the owner's private doc works and stays theirs", async () => {
    const name = privateDocName('m1', 'alice');
    const a = connect(name, 'alice');
    await synced(a);
    a.text.insert(0, 'my private thoughts');
    await waitFor(async () => (await storedDoc(srv.storage, name)).text === 'my private thoughts', 'private doc stored');
    const again = connect(name, 'alice', new Y.Doc());
    await synced(again);
    await waitFor(() => again.text.toString() === 'my private thoughts', 'owner reads it back');
  });

  it('no duplicated text after a client reconnects', async () => {
    const a = connect(commitmentsDocName('m1'), 'alice');
    const b = connect(commitmentsDocName('m1'), 'bob');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'Call the bank by Friday.');
    await waitFor(() => b.text.toString() === 'Call the bank by Friday.', 'b receives');
    a.provider.disconnect();
    a.text.insert(a.text.length, ' (offline edit)');
    a.provider.connect();
    await synced(a);
    await waitFor(() => b.text.toString() === 'Call the bank by Friday. (offline edit)', 'offline edit arrives once');
    // Reconnect a few more times; nothing doubles.
    for (let i = 0; i < 3; i++) {
      a.provider.disconnect();
      b.provider.disconnect();
      a.provider.connect();
      b.provider.connect();
      await Promise.all([synced(a), synced(b)]);
    }
    await crossSentinel(a, b);
    expect(a.text.toString()).toBe('Call the bank by Friday. (offline edit)');
    expect(b.text.toString()).toBe('Call the bank by Friday. (offline edit)');
    expect((await storedDoc(srv.storage, commitmentsDocName('m1'))).text).toBe('Call the bank by Friday. (offline edit)');
  });

  it('clients still connected through a server restart resync with no duplicated text', async () => {
    const name = commitmentsDocName('m1');
    const a = connect(name, 'alice');
    const b = connect(name, 'bob');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'before restart.');
    await waitFor(() => b.text.toString() === 'before restart.', 'b receives');
    const { port, storage } = srv;
    await srv.stop(); // closes sockets with 1001 after flushing
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 'clients see the close');
    b.text.insert(b.text.length, ' typed while down.');
    srv = await startCollabServer({ rights: { ...rights }, storage, port });
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => a.text.toString() === 'before restart. typed while down.', 'a gets the edit made while down');
    await crossSentinel(a, b);
    expect(b.text.toString()).toBe('before restart. typed while down.');
    expect((await storedDoc(srv.storage, name)).text).toBe('before restart. typed while down.');
  });
});
