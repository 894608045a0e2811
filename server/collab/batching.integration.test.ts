// Notes stored in batches: updates of several docs arriving within one tick are appended in
// one transaction, and each is still relayed only after that transaction committed.
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import { connectClient, openRaw, startCollabServer, storedDoc, synced, waitFor, type CollabServer, type RawSocket, type TestClient } from './testkit.ts';

const DOCS = [notesDocName('m1', 'p1'), notesDocName('m1', 'p2'), commitmentsDocName('m1')];
let srv: CollabServer | null = null;
const clients: TestClient[] = [];
const raws: RawSocket[] = [];
afterEach(async () => {
  clients.forEach((c) => c.destroy());
  raws.forEach((r) => r.ws.close());
  await srv?.close();
  srv = null;
});

/** A y-websocket sync "update" frame carrying one edit that writes text. */
function updateFrame(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(d));
  return encoding.toUint8Array(e);
}

describe('notes stored in batches', () => {
  it('edits of three docs in one tick: one transaction, and nobody sees an edit before it committed', async () => {
    const s = (srv = await startCollabServer({ rights: { m1: { alice: 'write', bob: 'write' } } }));
    const writers = await Promise.all(DOCS.map((name) => openRaw(s, name, 'alice')));
    raws.push(...writers);
    const readers = DOCS.map((name) => connectClient(s, name, 'bob'));
    clients.push(...readers);
    await Promise.all(readers.map(synced));
    expect(s.faults.appendTransactions).toEqual([]);

    // What had been committed when each reader first saw its doc's edit.
    const committedWhenSeen: number[][] = [];
    readers.forEach((r) => r.text.observe(() => committedWhenSeen.push([...s.faults.appendTransactions])));
    // Sent in one go: the server (same process) reads all three in its next poll.
    writers.forEach((w, i) => w.ws.send(updateFrame(`edit ${i}`)));

    await waitFor(() => readers.every((r, i) => r.text.toString() === `edit ${i}`), 'every reader has its doc');
    expect(s.faults.appendTransactions).toEqual([3]);
    expect(committedWhenSeen).toHaveLength(3);
    for (const committed of committedWhenSeen) expect(committed).toEqual([3]);
    for (const [i, name] of DOCS.entries()) expect((await storedDoc(s.storage, name)).text).toBe(`edit ${i}`);
  });

  it('a failed batch transaction stores none of its docs and relays nothing; the retry stores and relays all', async () => {
    const s = (srv = await startCollabServer({ rights: { m1: { alice: 'write', bob: 'write' } }, options: { limits: { writeRetryBaseMs: 20, writeRetryMaxMs: 40 } } }));
    const writers = await Promise.all(DOCS.map((name) => openRaw(s, name, 'alice')));
    raws.push(...writers);
    const readers = DOCS.map((name) => connectClient(s, name, 'bob'));
    clients.push(...readers);
    await Promise.all(readers.map(synced));

    s.faults.failAppend = true;
    const seenWhileFailing: string[] = [];
    readers.forEach((r) => r.text.observe(() => s.faults.failAppend && seenWhileFailing.push(r.text.toString())));
    writers.forEach((w, i) => w.ws.send(updateFrame(`kept ${i}`)));
    await waitFor(() => s.logs.filter((l) => l.msg.includes('storing updates failed')).length >= 3, 'each doc tried and failed');
    for (const name of DOCS) expect((await storedDoc(s.storage, name)).text).toBe('');
    s.faults.failAppend = false;
    await waitFor(() => readers.every((r, i) => r.text.toString() === `kept ${i}`), 'relayed after the retry');
    expect(seenWhileFailing).toEqual([]);
    for (const [i, name] of DOCS.entries()) expect((await storedDoc(s.storage, name)).text).toBe(`kept ${i}`);
  });
});
