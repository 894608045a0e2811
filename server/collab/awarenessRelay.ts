// Awareness (cursors, names) of one doc: who controls which awareness client id, what counts as
// an echo, and a rate-shaped relay.
//
// The stock y-websocket provider re-sends every awareness change it receives, so relaying each
// change at once makes a full room's traffic grow with the square of its size (12 people typing:
// ~100 messages/s per socket, 95 % echoes). Instead, changed client ids are collected and relayed
// together at most `awarenessRelaysPerSecond` times a second, each with its latest state
// (awareness keeps only the latest). The first change after a quiet spell goes out on the next
// tick, so a lone cursor still moves without delay.
//
// Several nodes: changes of this node's clients are published to the other nodes on the same
// beat (one relay message per flush, not per change); changes arriving from other nodes go to
// this node's clients through the same coalescing and are never published back.
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ORIGIN_RELAY } from './docSync.ts';
import type { CollabLimits } from './limits.ts';
import { decodeAwarenessUpdate, encodeAwareness, encodeAwarenessEntries, type AwarenessEntry } from './messages.ts';
import type { DocRelay } from './relay.ts';
import type { CollabLog } from './storedDoc.ts';

/** What awareness needs from a connected socket (a RoomClient, docRoom.ts). */
export interface AwarenessClient {
  readonly userId: string;
  send(message: Uint8Array): void;
}

export type AwarenessOutcome = 'applied' | 'refused';

export interface AwarenessDeps {
  name: string;
  limits: CollabLimits;
  log: CollabLog;
  relay?: DocRelay | undefined;
  /** The doc's connected clients (live view). */
  clients: ReadonlySet<AwarenessClient>;
  /** Every stored seq up to this one is in this node's copy (sent along to other nodes). */
  head(): number;
}

type Changes = { added: number[]; updated: number[]; removed: number[] };

export class AwarenessRelay {
  readonly awareness: Awareness;
  /** Awareness client id -> the connection that controls it. */
  private readonly owner = new Map<number, AwarenessClient>();
  /** Changed ids waiting for the next flush: for this node's clients, and for other nodes. */
  private readonly toClients = new Set<number>();
  private readonly toNodes = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;
  private stopped = false;

  constructor(
    doc: Y.Doc,
    private readonly deps: AwarenessDeps,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', this.onUpdate);
  }

  /** Every known awareness state, for a joining client or a query-awareness message; null if none. */
  encodeAll(): Uint8Array | null {
    return this.awareness.getStates().size > 0 ? encodeAwareness(this.awareness) : null;
  }

  /**
   * Awareness from a client. A connection controls the client ids it introduced; ids another
   * user's connection controls are refused, so nobody can move or erase someone else's cursor.
   * The same user may take over ids (a reconnect whose old socket is not yet known dead).
   */
  receive(client: AwarenessClient, update: Uint8Array, entries: AwarenessEntry[]): AwarenessOutcome {
    let added = 0;
    for (const e of entries) {
      const owner = this.owner.get(e.clientId);
      if (owner && owner !== client && owner.userId !== client.userId) return 'refused';
      if (owner !== client && e.state !== null) added++;
    }
    const owned = [...this.owner.values()].filter((o) => o === client).length;
    if (owned + added > this.deps.limits.maxAwarenessClientsPerConnection) return 'refused';
    applyAwarenessUpdate(this.awareness, update, client);
    return 'applied';
  }

  /**
   * An echo: the stock provider re-sends every awareness change it receives. Nothing in it is
   * new (states of clients it does not control, here or on other nodes, at a clock we already
   * have), so it is neither applied nor counted against the sender's message limit.
   */
  isEcho(client: AwarenessClient, entries: AwarenessEntry[]): boolean {
    return (
      entries.length > 0 &&
      entries.every((e) => this.owner.get(e.clientId) !== client && (this.awareness.meta.get(e.clientId)?.clock ?? -1) >= e.clock)
    );
  }

  /** The client left: its cursors are removed (and the others, here and on other nodes, told). */
  leave(client: AwarenessClient): void {
    const owned = [...this.owner].filter(([, o]) => o === client).map(([id]) => id);
    for (const id of owned) this.owner.delete(id);
    if (owned.length > 0 && !this.stopped) removeAwarenessStates(this.awareness, owned, null);
  }

  /**
   * Another node's clients' awareness. Ownership-checked like a client's: entries for client ids
   * a connection on this node controls are dropped (another node, or anyone publishing on the
   * doc's channel, cannot move or erase this node's clients' cursors); the rest is applied.
   */
  receiveRelayed(update: Uint8Array): void {
    if (this.stopped) return;
    try {
      const entries = decodeAwarenessUpdate(update);
      const foreign = entries.filter((e) => !this.owner.has(e.clientId));
      if (foreign.length === 0) return;
      applyAwarenessUpdate(this.awareness, foreign.length === entries.length ? update : encodeAwarenessEntries(foreign), ORIGIN_RELAY);
    } catch (err) {
      this.deps.log('collab: relayed awareness failed to apply', { doc: this.deps.name, error: String(err) });
    }
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.toClients.size === 0 && this.toNodes.size === 0) return;
    this.lastFlush = performance.now();
    if (this.toClients.size > 0) {
      const ids = [...this.toClients];
      this.toClients.clear();
      if (this.deps.clients.size > 0) {
        const message = encodeAwareness(this.awareness, ids);
        for (const c of this.deps.clients) c.send(message);
      }
    }
    if (this.toNodes.size > 0 && this.deps.relay) {
      const ids = [...this.toNodes];
      this.toNodes.clear();
      this.deps.relay.publish(this.deps.name, { kind: 'awareness', head: this.deps.head(), update: encodeAwarenessUpdate(this.awareness, ids) });
    }
  }

  /** Unloading: what is pending goes out first (other nodes learn of cursors removed here). */
  destroy(): void {
    if (this.stopped) return;
    this.flush();
    this.stopped = true;
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = (changes: Changes, origin: unknown): void => {
    const client = origin as AwarenessClient | null;
    if (client && this.deps.clients.has(client)) {
      for (const id of [...changes.added, ...changes.updated]) this.owner.set(id, client);
    }
    for (const id of changes.removed) this.owner.delete(id);
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0 || this.stopped) return;
    const publish = origin !== ORIGIN_RELAY && this.deps.relay !== undefined;
    if (this.deps.clients.size === 0 && !publish) return;
    for (const id of changed) {
      this.toClients.add(id);
      if (publish) this.toNodes.add(id);
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + 1000 / this.deps.limits.awarenessRelaysPerSecond - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  };
}
