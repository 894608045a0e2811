import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessRelay, type AwarenessClient } from './awarenessRelay.ts';
import { COLLAB_LIMITS } from './limits.ts';
import type { DocRelay, RelayMessage } from './relay.ts';

const limits = { ...COLLAB_LIMITS, awarenessRelaysPerSecond: 20 };

/** A client's own awareness, so its updates carry real clocks. */
function person(userId: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const sent: Uint8Array[] = [];
  const client: AwarenessClient = { userId, send: (m) => void sent.push(m) };
  const set = (state: object) => {
    awareness.setLocalState(state);
    return encodeAwarenessUpdate(awareness, [doc.clientID]);
  };
  const entry = () => ({ clientId: doc.clientID, clock: awareness.meta.get(doc.clientID)!.clock, state: awareness.getLocalState() });
  return { doc, awareness, client, sent, set, entry };
}

function setup(withRelay: boolean) {
  const published: RelayMessage[] = [];
  const relay: DocRelay = {
    publish: (_name, m) => void published.push(m),
    subscribe: () => ({ ready: Promise.resolve(), close: () => {} }),
    onResync: () => {},
  };
  const clients = new Set<AwarenessClient>();
  const r = new AwarenessRelay(new Y.Doc(), { name: 'd', limits, log: () => {}, relay: withRelay ? relay : undefined, clients, head: () => 7 });
  return { r, clients, published };
}

afterEach(() => vi.useRealTimers());

describe('AwarenessRelay', () => {
  it('coalesces a burst of changes into one relay per period, latest state only, and publishes them to other nodes', () => {
    vi.useFakeTimers();
    const { r, clients, published } = setup(true);
    const a = person('a');
    const b = person('b');
    clients.add(a.client).add(b.client);
    r.receive(a.client, a.set({ cursor: 0 }), [{ clientId: a.doc.clientID, clock: 1, state: { cursor: 0 } }]);
    vi.advanceTimersByTime(0);
    expect(b.sent).toHaveLength(1); // the first change after a quiet spell goes at once
    expect(published).toHaveLength(1);
    for (let i = 1; i <= 10; i++) r.receive(a.client, a.set({ cursor: i }), [a.entry()]);
    vi.advanceTimersByTime(10);
    expect(b.sent).toHaveLength(1); // held until the period is over
    vi.advanceTimersByTime(50);
    expect(b.sent).toHaveLength(2);
    expect(published).toHaveLength(2);
    expect(published[1]).toMatchObject({ kind: 'awareness', head: 7 });
    expect(r.awareness.getStates().get(a.doc.clientID)).toEqual({ cursor: 10 });
    r.destroy();
  });

  it('treats re-sent states of others as echoes, refuses another user\'s ids', () => {
    const { r, clients } = setup(false);
    const a = person('a');
    const m = person('m');
    clients.add(a.client).add(m.client);
    const update = a.set({ cursor: 1 });
    expect(r.receive(a.client, update, [a.entry()])).toBe('applied');
    expect(r.isEcho(m.client, [a.entry()])).toBe(true);
    expect(r.isEcho(a.client, [a.entry()])).toBe(false);
    const newer = a.set({ cursor: 2 });
    expect(r.isEcho(m.client, [a.entry()])).toBe(false);
    expect(r.receive(m.client, newer, [a.entry()])).toBe('refused');
    r.destroy();
  });

  it('relays other nodes\' awareness to its clients without publishing it back; removals on leave are published', () => {
    vi.useFakeTimers();
    const { r, clients, published } = setup(true);
    const here = person('h');
    const there = person('t');
    clients.add(here.client);
    r.receiveRelayed(there.set({ cursor: 5 }));
    vi.advanceTimersByTime(100);
    expect(here.sent).toHaveLength(1);
    expect(published).toHaveLength(0);
    r.receive(here.client, here.set({ cursor: 1 }), [here.entry()]);
    vi.advanceTimersByTime(100);
    expect(published).toHaveLength(1);
    clients.delete(here.client);
    r.leave(here.client);
    r.destroy(); // pending removal goes out before unloading
    expect(published).toHaveLength(2);
    expect(r.awareness.getStates().has(here.doc.clientID)).toBe(false);
  });

  it("relayed awareness from another node cannot move or erase a cursor this node's client controls; other ids apply", () => {
    vi.useFakeTimers();
    const { r, clients } = setup(true);
    const a = person('a');
    clients.add(a.client);
    r.receive(a.client, a.set({ cursor: 1 }), [a.entry()]);
    // Another node claims a's client id with a newer clock, and removes it; plus one of its own clients.
    const forger = new Awareness(new Y.Doc());
    forger.clientID = a.doc.clientID;
    forger.setLocalState({ cursor: 999 });
    forger.setLocalState({ cursor: 998 });
    forger.setLocalState({ cursor: 997 });
    r.receiveRelayed(encodeAwarenessUpdate(forger, [a.doc.clientID]));
    const remote = person('remote');
    r.receiveRelayed(remote.set({ cursor: 5 }));
    expect(r.awareness.getStates().get(a.doc.clientID)).toEqual({ cursor: 1 });
    expect(r.awareness.getStates().get(remote.doc.clientID)).toEqual({ cursor: 5 });
  });
});
