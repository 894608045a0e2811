// Durability: what is relayed is stored first; storage failures lose nothing; the log is
// compacted; idle docs are unloaded and come back intact.
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import type { CollabOptions } from './index.ts';
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

const rights = { m1: { alice: 'write', bob: 'write', carol: 'write' } } as const;
const NOTES = notesDocName('m1', 'p1');
const docWithText = (text: string) => {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return d;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let srv: CollabServer | null = null;
let clients: TestClient[] = [];
async function start(options?: CollabOptions): Promise<CollabServer> {
  srv = await startCollabServer({ rights: { ...rights }, ...(options ? { options } : {}) });
  return srv;
}
const connect = (s: CollabServer, name: string, user: string) => {
  const c = connectClient(s, name, user);
  clients.push(c);
  return c;
};
afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await srv?.close();
  srv = null;
});

describe('collab persistence', () => {
  it('a storage failure on load closes the connection with 1013 and leaves stored data intact', async () => {
    const s = await start();
    const a = connect(s, NOTES, 'alice');
    await synced(a);
    a.text.insert(0, 'precious notes');
    await waitFor(async () => (await storedDoc(s.storage, NOTES)).text === 'precious notes', 'stored');
    a.destroy();
    await s.stop();

    const s2 = await startCollabServer({ rights: { ...rights }, storage: s.storage });
    srv = s2;
    const before = await s2.storage.loadDoc(NOTES);
    s2.faults.failLoad = true;
    const raw = await openRaw(s2, NOTES, 'bob');
    expect(await raw.closed).toEqual({ code: COLLAB_CLOSE.tryAgainLater, reason: 'document unavailable; try again later' });
    expect(raw.messages).toEqual([]);
    expect(s2.collab.docCount()).toBe(0);
    expect(await s2.storage.loadDoc(NOTES)).toEqual(before);
    // Once storage is back, the doc loads with everything in it.
    s2.faults.failLoad = false;
    const b = connect(s2, NOTES, 'bob');
    await synced(b);
    expect(b.text.toString()).toBe('precious notes');
  });

  it('the upgrade completes while the doc loads; what the client sent meanwhile is answered, in order, once it has loaded', async () => {
    const s = await start();
    await s.storage.appendDocUpdate(NOTES, Y.encodeStateAsUpdate(docWithText('loaded later')));
    let release!: () => void;
    s.faults.loadGate = new Promise<void>((r) => (release = r));
    // The handshake is done although the load is held: a browser's other sockets are not held with it.
    const raw = await openRaw(s, NOTES, 'alice');
    const local = new Y.Doc();
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0); // messageSync
    syncProtocol.writeSyncStep1(step1, local);
    raw.ws.send(encoding.toUint8Array(step1));
    // Nothing can be answered without the doc: a ping's pong (answered by ws itself) is the marker.
    const pong = new Promise<void>((r) => raw.ws.once('pong', () => r()));
    raw.ws.ping();
    await pong;
    expect(raw.messages).toEqual([]);
    s.faults.loadGate = null;
    release();
    // The step 1 sent during the load gets its step 2, which carries the stored content.
    await waitFor(() => raw.messages.some((m) => m[0] === 0 && m[1] === 1), 'sync step 2');
    const step2 = raw.messages.find((m) => m[0] === 0 && m[1] === 1)!;
    const decoder = decoding.createDecoder(step2);
    decoding.readVarUint(decoder);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), local, null);
    expect(local.getText('t').toString()).toBe('loaded later');
    raw.ws.close();
  });

  it('a client that sends more than maxBytesWhileLoading before its doc loaded is closed with 1008', async () => {
    const s = await start({ limits: { maxBytesWhileLoading: 1000 } });
    let release!: () => void;
    s.faults.loadGate = new Promise<void>((r) => (release = r));
    const raw = await openRaw(s, NOTES, 'alice');
    raw.ws.send(new Uint8Array(600));
    raw.ws.send(new Uint8Array(600));
    expect(await raw.closed).toEqual({ code: COLLAB_CLOSE.policyViolation, reason: 'too much sent before the document loaded' });
    s.faults.loadGate = null;
    release();
    // The doc loads for the next client as usual.
    const b = connect(s, NOTES, 'bob');
    await synced(b);
    expect(b.text.toString()).toBe('');
  });

  it('a socket whose doc is loading at shutdown is closed with 1001, and the shutdown finishes', async () => {
    const s = await start();
    let release!: () => void;
    s.faults.loadGate = new Promise<void>((r) => (release = r));
    const raw = await openRaw(s, NOTES, 'alice');
    const closing = s.collab.close();
    expect(await raw.closed).toEqual({ code: COLLAB_CLOSE.goingAway, reason: 'server shutting down' });
    s.faults.loadGate = null;
    release();
    await closing;
    expect(raw.messages).toEqual([]);
  });

  it('connections to a doc that is still loading share one load and all get its content', async () => {
    const s = await start();
    await s.storage.appendDocUpdate(NOTES, Y.encodeStateAsUpdate(docWithText('already here')));
    s.faults.loadDelayMs = 150;
    const [a, b, c] = [connect(s, NOTES, 'alice'), connect(s, NOTES, 'bob'), connect(s, NOTES, 'carol')];
    await Promise.all([synced(a), synced(b), synced(c)]);
    expect(s.faults.loadCalls).toBe(1);
    for (const x of [a, b, c]) expect(x.text.toString()).toBe('already here');
  });

  it('an edit is relayed only after it is stored; a failed write is retried, nothing is lost', async () => {
    const s = await start({ limits: { writeRetryBaseMs: 20, writeRetryMaxMs: 50 } });
    const a = connect(s, NOTES, 'alice');
    const b = connect(s, NOTES, 'bob');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'stored first. ');
    await waitFor(() => b.text.toString() === 'stored first. ', 'first edit relayed');

    s.faults.failAppend = true;
    a.text.insert(a.text.length, 'written while storage is down.');
    // The event that matters: the server tried to store it and failed (it relays only what is stored).
    await waitFor(() => s.logs.some((l) => l.msg.includes('storing updates failed')), 'the write failed');
    // Not stored, so not relayed: bob must not see it, nor may a late joiner.
    expect(b.text.toString()).toBe('stored first. ');
    expect((await storedDoc(s.storage, NOTES)).text).toBe('stored first. ');
    const c = connect(s, NOTES, 'carol');
    await synced(c);
    expect(c.text.toString()).toBe('stored first. ');
    expect(s.logs.some((l) => l.msg.includes('storing updates failed'))).toBe(true);

    s.faults.failAppend = false;
    const full = 'stored first. written while storage is down.';
    await waitFor(() => b.text.toString() === full && c.text.toString() === full, 'relayed after the retry succeeded');
    expect((await storedDoc(s.storage, NOTES)).text).toBe(full);
  });

  it('updates arriving in the same tick are written in one transaction', async () => {
    const s = await start();
    const raw = await openRaw(s, NOTES, 'alice');
    const src = new Y.Doc();
    const frames: Uint8Array[] = [];
    src.on('update', (u: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, u);
      frames.push(encoding.toUint8Array(e));
    });
    for (let i = 0; i < 5; i++) src.getText('t').insert(i, String(i));
    // One TCP write carrying five frames, so the server reads them in one tick.
    const socket = (raw.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.cork();
    for (const f of frames) raw.ws.send(f);
    socket.uncork();
    await waitFor(async () => (await storedDoc(s.storage, NOTES)).text === '01234', 'all stored');
    expect(s.faults.appendBatches).toEqual([5]);
    raw.ws.close();
  });

  it('edits queued while storage is down go out as one batch when it is back', async () => {
    const s = await start({ limits: { writeRetryBaseMs: 20, writeRetryMaxMs: 40 } });
    const a = connect(s, NOTES, 'alice');
    await synced(a);
    s.faults.failAppend = true;
    for (let i = 0; i < 4; i++) {
      a.text.insert(a.text.length, `e${i} `);
      await sleep(20);
    }
    s.faults.failAppend = false;
    await waitFor(async () => (await storedDoc(s.storage, NOTES)).text === 'e0 e1 e2 e3 ', 'stored after recovery');
    expect(s.faults.appendBatches[0]).toBe(4);
  });

  it('when storage falls too far behind, the sender is closed with 1013 and resends on reconnect', async () => {
    const s = await start({ limits: { maxPendingBytesPerDoc: 200, writeRetryBaseMs: 20, writeRetryMaxMs: 40 } });
    const a = connect(s, NOTES, 'alice');
    const b = connect(s, NOTES, 'bob');
    await Promise.all([synced(a), synced(b)]);
    const codes: number[] = [];
    a.provider.on('connection-close', (e) => {
      if (e) codes.push(e.code);
    });
    s.faults.failAppend = true;
    a.text.insert(0, 'x'.repeat(150));
    await sleep(30);
    a.text.insert(0, 'y'.repeat(150));
    await waitFor(() => codes.includes(COLLAB_CLOSE.tryAgainLater), 'sender closed with 1013');
    expect(b.text.toString()).toBe('');
    s.faults.failAppend = false;
    await waitFor(() => b.text.length === 300, 'everything arrives after recovery');
    expect((await storedDoc(s.storage, NOTES)).text).toBe(a.text.toString());
  });

  it('compaction keeps the content identical and shrinks the log', async () => {
    const s = await start({ limits: { compactAfterUpdates: 20, idleCompactMs: 60_000 } });
    const a = connect(s, NOTES, 'alice');
    await synced(a);
    for (let i = 0; i < 100; i++) {
      a.text.insert(a.text.length, `${i},`);
      if (i % 10 === 0) a.text.delete(0, 1);
      if (i % 7 === 0) await sleep(5);
    }
    const expected = a.text.toString();
    await waitFor(async () => (await storedDoc(s.storage, NOTES)).text === expected, 'all stored');
    const stored = await storedDoc(s.storage, NOTES);
    expect(stored.hasSnapshot).toBe(true);
    expect(stored.logLength).toBeLessThan(20);
    const total = s.faults.appendBatches.reduce((x, y) => x + y, 0);
    expect(total).toBeGreaterThan(100);
    // A fresh client sees exactly the same text.
    const b = connect(s, NOTES, 'bob');
    await synced(b);
    expect(b.text.toString()).toBe(expected);
  });

  it('an idle doc is compacted to a single snapshot', async () => {
    const s = await start({ limits: { idleCompactMs: 100 } });
    const a = connect(s, NOTES, 'alice');
    await synced(a);
    a.text.insert(0, 'one ');
    a.text.insert(4, 'two');
    await waitFor(async () => {
      const d = await storedDoc(s.storage, NOTES);
      return d.hasSnapshot && d.logLength === 0;
    }, 'idle compaction');
    expect((await storedDoc(s.storage, NOTES)).text).toBe('one two');
  });

  it('a doc with no clients is unloaded after the grace period and reloads intact', async () => {
    const s = await start({ limits: { unloadGraceMs: 150, idleCompactMs: 60_000 } });
    const name = commitmentsDocName('m1');
    const a = connect(s, name, 'alice');
    await synced(a);
    a.text.insert(0, 'Hire a CFO by Q3.');
    await waitFor(async () => (await storedDoc(s.storage, name)).text === 'Hire a CFO by Q3.', 'stored');
    expect(s.collab.docCount()).toBe(1);
    a.provider.disconnect();
    await waitFor(() => s.collab.connectionCount() === 0, 'the server saw alice go');
    expect(s.collab.docCount()).toBe(1); // still in its grace period
    await waitFor(() => s.collab.docCount() === 0, 'unloaded');
    const stored = await storedDoc(s.storage, name);
    expect(stored).toEqual({ text: 'Hire a CFO by Q3.', logLength: 0, hasSnapshot: true }); // final compaction
    const b = connect(s, name, 'bob');
    await synced(b);
    expect(b.text.toString()).toBe('Hire a CFO by Q3.');
    expect(s.collab.docCount()).toBe(1);
  });

  it('a client that comes back within the grace period keeps the doc loaded', async () => {
    const s = await start({ limits: { unloadGraceMs: 300 } });
    const a = connect(s, NOTES, 'alice');
    // A witness doc left after alice's: once it is unloaded, alice's grace period is over too.
    const w = connect(s, commitmentsDocName('m1'), 'bob');
    await Promise.all([synced(a), synced(w)]);
    a.provider.disconnect();
    await waitFor(() => s.collab.connectionCount() === 1, 'the server saw alice go');
    w.provider.disconnect();
    a.provider.connect();
    await synced(a);
    await waitFor(() => s.collab.docCount() === 1, 'the witness doc unloaded after its grace period');
    expect(s.collab.connectionCount()).toBe(1);
    expect(a.provider.wsconnected).toBe(true);
  });

  it('close() flushes pending writes, compacts and closes sockets with 1001', async () => {
    const s = await start({ limits: { writeRetryBaseMs: 20, writeRetryMaxMs: 40, idleCompactMs: 60_000 } });
    const a = connect(s, NOTES, 'alice');
    await synced(a);
    const codes: number[] = [];
    a.provider.on('connection-close', (e) => {
      if (e) codes.push(e.code);
    });
    a.text.insert(0, 'saved. ');
    await waitFor(async () => (await storedDoc(s.storage, NOTES)).text === 'saved. ', 'first stored');
    s.faults.failAppend = true;
    a.text.insert(a.text.length, 'pending at shutdown.');
    await waitFor(() => s.logs.some((l) => l.msg.includes('storing updates failed')), 'the write failed');
    // Storage comes back while the server shuts down: the flush retries until it is written.
    const stopping = s.stop();
    s.faults.failAppend = false;
    await stopping;
    expect(codes).toContain(COLLAB_CLOSE.goingAway);
    expect(await storedDoc(s.storage, NOTES)).toEqual({ text: 'saved. pending at shutdown.', logLength: 0, hasSnapshot: true });
  });
});
