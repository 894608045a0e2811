// Hostile or broken frames close only their own socket, with the documented code; the process
// and the other clients of the same doc carry on.
import crypto from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { notesDocName } from '../../shared/collab/docNames.ts';
import { COLLAB_LIMITS } from './limits.ts';
import { connectClient, openRaw, startCollabServer, storedDoc, synced, waitFor, type CollabServer, type TestClient } from './testkit.ts';

const NOTES = notesDocName('m1', 'frames');
let srv: CollabServer;
let a: TestClient;
let b: TestClient;
let closesSeenByGoodClients = 0;

function message(...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

/** A valid "sync update" frame inserting `text`. */
function updateFrame(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  const frame = message(0, 2, Y.encodeStateAsUpdate(d));
  d.destroy();
  return frame;
}

/** Sends one frame on a fresh raw socket and returns its close code. */
async function closeCodeFor(frame: Uint8Array | string): Promise<number> {
  const raw = await openRaw(srv, NOTES, 'carol');
  raw.ws.send(frame);
  const { code } = await raw.closed;
  return code;
}

/** The two well-behaved clients still edit together, and nothing bad reached the doc. */
let round = 0;
async function goodClientsStillSync(): Promise<void> {
  round++;
  a.text.insert(a.text.length, `[a${round}]`);
  b.text.insert(b.text.length, `[b${round}]`);
  await waitFor(
    () => a.text.toString() === b.text.toString() && a.text.toString().includes(`[a${round}]`) && a.text.toString().includes(`[b${round}]`),
    'good clients converge',
  );
  expect(closesSeenByGoodClients).toBe(0);
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
}

beforeAll(async () => {
  srv = await startCollabServer({ rights: { m1: { alice: 'write', bob: 'write', carol: 'write' } } });
  a = connectClient(srv, NOTES, 'alice');
  b = connectClient(srv, NOTES, 'bob');
  await Promise.all([synced(a), synced(b)]);
  for (const c of [a, b]) c.provider.on('connection-close', () => closesSeenByGoodClients++);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await srv.close();
});

describe('collab malformed frames', () => {
  it('random bytes close that socket with 1003 or 1007', async () => {
    for (let i = 0; i < 10; i++) {
      const bytes = new Uint8Array(crypto.randomBytes(16 + i * 7));
      bytes[0] = i % 4 === 3 ? 3 : i % 2; // sync or awareness (or query awareness with junk after it)
      expect([COLLAB_CLOSE.unsupportedData, COLLAB_CLOSE.invalidPayload]).toContain(await closeCodeFor(bytes));
    }
    await goodClientsStillSync();
  });

  it('a truncated message closes with 1007', async () => {
    const full = updateFrame('this update is cut short');
    expect(await closeCodeFor(full.subarray(0, full.length - 5))).toBe(COLLAB_CLOSE.invalidPayload);
    // A varint that never ends.
    expect(await closeCodeFor(new Uint8Array([0, 0, 0xff, 0xff, 0xff]))).toBe(COLLAB_CLOSE.invalidPayload);
    // Trailing bytes after a complete message.
    expect(await closeCodeFor(new Uint8Array([...updateFrame('x'), 0]))).toBe(COLLAB_CLOSE.invalidPayload);
    await goodClientsStillSync();
  });

  it('an update or awareness that fails to decode closes with 1007', async () => {
    expect(await closeCodeFor(message(0, 2, new Uint8Array([1, 2, 3, 4, 5])))).toBe(COLLAB_CLOSE.invalidPayload);
    expect(await closeCodeFor(message(0, 1, new Uint8Array([9, 9, 9])))).toBe(COLLAB_CLOSE.invalidPayload);
    expect(await closeCodeFor(message(0, 0, new Uint8Array([5, 1])))).toBe(COLLAB_CLOSE.invalidPayload);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); // one entry
    encoding.writeVarUint(e, 12345); // client id
    encoding.writeVarUint(e, 1); // clock
    encoding.writeVarString(e, '{not json');
    expect(await closeCodeFor(message(1, encoding.toUint8Array(e)))).toBe(COLLAB_CLOSE.invalidPayload);
    await goodClientsStillSync();
  });

  it('unknown message types, auth messages and text frames close with 1003', async () => {
    expect(await closeCodeFor(new Uint8Array([7]))).toBe(COLLAB_CLOSE.unsupportedData);
    expect(await closeCodeFor(new Uint8Array([2, 0]))).toBe(COLLAB_CLOSE.unsupportedData);
    expect(await closeCodeFor(message(0, 9, new Uint8Array([0])))).toBe(COLLAB_CLOSE.unsupportedData);
    expect(await closeCodeFor('hello')).toBe(COLLAB_CLOSE.unsupportedData);
    await goodClientsStillSync();
  });

  it('an update over the size limit closes with 1009', async () => {
    const big = updateFrame('x'.repeat(COLLAB_LIMITS.maxMessageBytes + 10));
    expect(big.length).toBeGreaterThan(COLLAB_LIMITS.maxMessageBytes);
    expect(await closeCodeFor(big)).toBe(COLLAB_CLOSE.messageTooBig);
    await goodClientsStillSync();
    expect((await storedDoc(srv.storage, NOTES)).text).not.toContain('xxxx');
  });

  it('a flood of messages closes with 1008', async () => {
    const raw = await openRaw(srv, NOTES, 'carol');
    const query = new Uint8Array([3]);
    for (let i = 0; i < COLLAB_LIMITS.messageBurst * 2; i++) raw.ws.send(query);
    expect((await raw.closed).code).toBe(COLLAB_CLOSE.policyViolation);
    await goodClientsStillSync();
  });

  it('a well-formed raw client is answered: sync step 2 for its step 1, awareness for a query', async () => {
    const raw = await openRaw(srv, NOTES, 'carol');
    await waitFor(() => raw.messages.length >= 1, 'server sync step 1');
    expect([...raw.messages[0]!.subarray(0, 2)]).toEqual([0, 0]); // sync, step 1
    raw.ws.send(message(0, 0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => raw.messages.some((m) => m[0] === 0 && m[1] === 1), 'sync step 2');
    const step2 = raw.messages.find((m) => m[0] === 0 && m[1] === 1)!;
    const d = new Y.Doc();
    Y.applyUpdate(d, decoding.readVarUint8Array(decoding.createDecoder(step2.subarray(2))));
    expect(d.getText('t').toString()).toBe(a.text.toString());
    raw.ws.send(new Uint8Array([3]));
    await waitFor(() => raw.messages.some((m) => m[0] === 1), 'awareness answer');
    raw.ws.close();
  });
});
