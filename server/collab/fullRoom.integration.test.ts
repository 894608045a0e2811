// A full room typing at once: 14 stock y-websocket providers, each typing 10 keys a second and
// moving its cursor with every key, for 30 seconds, on one doc. The stock provider re-sends every
// awareness change it receives; the server shapes awareness per doc and does not count those
// echoes against the sender, so nobody is cut off, every keystroke reaches everyone, and the log
// stays short.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessUpdate } from './messages.ts';
import { connectClient, openRaw, startCollabServer, waitFor, type CollabServer, type TestClient } from './testkit.ts';

const PEOPLE = 14;
const KEYS_PER_SECOND = 10;
const SECONDS = 30;
const meetingId = 'full-room';
const docName = `meeting:${meetingId}:item:i1:notes`;

let srv: CollabServer;
const clients: TestClient[] = [];
// Each stock provider adds a listener for the process's exit (to close its socket); 14 of them in
// one process pass Node's default warning level of 10, with no leak: destroy() removes them.
const maxListeners = process.getMaxListeners();
beforeAll(() => {
  process.setMaxListeners(maxListeners + PEOPLE);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await srv?.close();
  process.setMaxListeners(maxListeners);
});

describe('a full room typing at once', () => {
  it(`${PEOPLE} people, ${KEYS_PER_SECOND} keys/s each with cursor moves, ${SECONDS} s: nobody cut off, nothing lost`, async () => {
    const users = Array.from({ length: PEOPLE }, (_, i) => `u${i}`);
    srv = await startCollabServer({ rights: { [meetingId]: Object.fromEntries(users.map((u) => [u, 'write'])) } });
    const closes: { user: string; code: number }[] = [];
    for (const [i, user] of users.entries()) {
      const c = connectClient(srv, docName, user);
      c.provider.on('connection-close', (event) => closes.push({ user, code: event?.code ?? 0 }));
      c.provider.awareness.setLocalStateField('user', { name: `Person ${i}` });
      clients.push(c);
    }
    await waitFor(() => clients.every((c) => c.provider.synced), 'all synced', 20_000);

    // Each person types their own letter at the end, and moves their cursor there, every 100 ms.
    const letter = (i: number) => String.fromCharCode(65 + i);
    const typed = new Array<number>(PEOPLE).fill(0);
    const total = KEYS_PER_SECOND * SECONDS;
    await new Promise<void>((resolve) => {
      const timers = clients.map((c, i) =>
        setInterval(() => {
          if (typed[i]! >= total) {
            clearInterval(timers[i]);
            if (typed.every((n) => n >= total)) resolve();
            return;
          }
          c.text.insert(c.text.length, letter(i));
          typed[i]!++;
          c.provider.awareness.setLocalStateField('cursor', { anchor: c.text.length, head: c.text.length });
        }, 1000 / KEYS_PER_SECOND),
      );
    });

    const expected = PEOPLE * total;
    await waitFor(() => clients.every((c) => c.text.length === expected), 'every keystroke everywhere', 30_000);
    const text = clients[0]!.text.toString();
    expect(clients.every((c) => c.text.toString() === text)).toBe(true);
    for (let i = 0; i < PEOPLE; i++) expect(text.split(letter(i)).length - 1).toBe(total);
    expect(closes).toEqual([]);
    // Everyone sees everyone's cursor.
    for (const c of clients) expect(c.provider.awareness.getStates().size).toBe(PEOPLE);
    // No per-message warnings: a handful of lines at most for the whole run.
    expect(srv.logs.length).toBeLessThanOrEqual(PEOPLE);
  }, 120_000);
});

describe('refused awareness', () => {
  it('moving someone else\'s cursor is refused every time, counted every time, logged once', async () => {
    const own = await startCollabServer({ rights: { [meetingId]: { alice: 'write', mallory: 'write' } } });
    try {
      const alice = connectClient(own, docName, 'alice');
      alice.provider.awareness.setLocalStateField('cursor', { anchor: 0, head: 0 });
      await waitFor(() => alice.provider.synced, 'alice synced');
      const raw = await openRaw(own, docName, 'mallory');
      await waitFor(() => raw.messages.some((m) => m[0] === 1), 'mallory sees alice');
      // Mallory forges alice's client id with ever newer clocks.
      const forged = new Y.Doc();
      forged.clientID = alice.doc.clientID;
      const fake = new Awareness(forged);
      for (let i = 0; i < 10; i++) fake.setLocalState({ cursor: { anchor: 99, head: i } });
      for (let i = 0; i < 5; i++) {
        fake.setLocalState({ cursor: { anchor: 99, head: 100 + i } });
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(fake, [forged.clientID]));
        raw.ws.send(encoding.toUint8Array(e));
      }
      // Marker: a query-awareness after the forgeries; its answer means all five were handled.
      const before = raw.messages.length;
      raw.ws.send(new Uint8Array([3]));
      await waitFor(() => raw.messages.slice(before).some((m) => m[0] === 1), 'query answered');
      // The server still holds alice's own cursor.
      const answer = raw.messages.slice(before).find((m) => m[0] === 1)!;
      const states = decodeAwarenessUpdate(decoding.readVarUint8Array(decoding.createDecoder(answer.subarray(1))));
      expect(states.find((s) => s.clientId === alice.doc.clientID)?.state).toEqual({ cursor: { anchor: 0, head: 0 } });
      expect(own.refused).toEqual(new Array(5).fill('awareness_not_owned'));
      const lines = own.logs.filter((l) => l.msg.includes('refused awareness'));
      expect(lines).toHaveLength(1);
      raw.ws.close();
      alice.destroy();
      fake.destroy();
    } finally {
      await own.close();
    }
  });
});
