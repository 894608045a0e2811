// One loaded collaborative document: its Y.Doc and awareness, the clients connected to it, and
// the write queue that makes it durable.
//
// Persistence ordering (the invariant: the in-memory doc holds only what storage holds):
//   1. A client's update is validated and queued; nothing is applied or relayed yet.
//   2. The writer (docWriter.ts) writes everything queued (updates arriving in the same tick form one batch)
//      with one append; the registry's group commit (rooms.ts) puts the appends of every doc
//      asked for in the same tick, or while the previous commit is under way, into one
//      transaction. The append resolves only once that transaction committed.
//   3. Only after that resolves are the updates applied to the doc; the doc's 'update' event
//      relays them to the other clients, and the relay publishes them, with their storage
//      seqs, to other nodes. Other nodes' updates arrive stored already (docSync.ts).
// So no client can receive, and no sync step 2 can contain, an edit that a crash would lose.
// If a write fails, the batch stays queued (later updates join it) and is retried with
// exponential backoff; meanwhile the sender's edit is simply not yet visible to others. The
// queue is capped (maxPendingBytesPerDoc): past it, senders are closed with 1013 and resend
// their edits on reconnect (Yjs clients keep their own state), so memory stays bounded.
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import type { Storage } from '../storage/types.ts';
import { AwarenessRelay, type AwarenessOutcome } from './awarenessRelay.ts';
import { DocSync, ORIGIN_STORAGE } from './docSync.ts';
import { FilteredView, type DocEndpoint } from './filteredView.ts';
import type { CollabLimits } from './limits.ts';
import { addsNothing, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type AwarenessEntry } from './messages.ts';
import type { DocRelay, RelayMessage, RelaySubscription } from './relay.ts';
import { DocWriter, type PendingUpdate } from './docWriter.ts';
import { applyStored, type CollabLog } from './storedDoc.ts';

/** What the room needs from a connected socket; connection.ts implements it over `ws`. */
export interface RoomClient {
  readonly userId: string;
  /** Observers: their document updates are dropped, never stored or relayed. */
  readonly readOnly: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export type { DocRelay } from './relay.ts';
export type { CollabLog } from './storedDoc.ts';

export interface RoomDeps {
  storage: Storage;
  limits: CollabLimits;
  log: CollabLog;
  relay?: DocRelay | undefined;
  /** Appends a doc's updates durably, answering the last seq; default storage.appendDocUpdates (rooms.ts batches docs). */
  append?: ((docName: string, updates: Uint8Array[]) => Promise<number>) | undefined;
  /** Told after stored updates became visible (search indexing); must not throw or block. */
  onStored?: ((docName: string, doc: Y.Doc) => void) | undefined;
}

export type UpdateOutcome = 'queued' | 'redundant' | 'dropped' | 'overflow';
export type { AwarenessOutcome } from './awarenessRelay.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class DocRoom implements DocEndpoint {
  private readonly clients = new Set<RoomClient>();
  /** Observers outside the room read this instead (filteredView.ts); made on first use. */
  private view: FilteredView | null = null;
  /** Cursors and names: ownership, echoes, coalesced relay to clients and nodes (awarenessRelay.ts). */
  private readonly awarenessRelay: AwarenessRelay;
  /** Connections that passed authorization and are about to join; they keep the room loaded. */
  private reservations = 0;
  /** The queue of updates waiting for storage, its single worker, and compaction (docWriter.ts). */
  private readonly writer: DocWriter;
  /** Set per applied update: whether its sender must get the resulting doc update too. */
  private echoToSender = false;
  /** No more client updates are taken (shutdown). */
  private intakeClosed = false;
  /** Destroyed or shutting down: client updates are dropped and the writer has stopped. */
  private stopped = false;
  private destroyed = false;
  /** Follows the stored log: which seqs the doc holds, other nodes' updates, gaps read back. */
  private readonly sync: DocSync;
  /** Called whenever the room has no clients and no reservations (the registry starts the grace timer). */
  onEmpty: (() => void) | null = null;

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly deps: RoomDeps,
    loadedSeq: number,
    /** Seq the stored snapshot covers, as far as this node knows: compaction is due from it. */
    snapshotSeq: number,
    private readonly subscription: RelaySubscription | null,
  ) {
    this.sync = new DocSync(name, doc, { storage: deps.storage, log: deps.log, gapWaitMs: deps.limits.relayGapWaitMs, onCaughtUp: () => this.tellStored() }, loadedSeq);
    this.awarenessRelay = new AwarenessRelay(doc, { name, limits: deps.limits, log: deps.log, relay: deps.relay, clients: this.clients, head: () => this.sync.seqs.applied });
    this.writer = new DocWriter(
      { name, storage: deps.storage, limits: deps.limits, log: deps.log, append: deps.append, stored: (batch, first, last) => this.madeDurable(batch, first, last), appliedSeq: () => this.sync.seqs.applied },
      snapshotSeq,
    );
    doc.on('update', this.relayDocUpdate);
    this.writer.compactIfDue();
  }

  /**
   * Subscribes to other nodes' messages, then loads snapshot + log into a fresh doc, so nothing
   * stored after the read can be missed. Throws (and stores nothing) if storage fails. A
   * subscription Redis has not confirmed yet does not hold the load up (relaySubscribeWaitMs):
   * the doc re-reads storage once it is confirmed.
   */
  static async load(name: string, deps: RoomDeps): Promise<DocRoom> {
    const early: RelayMessage[] = [];
    let room: DocRoom | null = null;
    const subscription = deps.relay?.subscribe(name, (m) => (room ? room.receiveRelayed(m) : early.push(m))) ?? null;
    let confirmed = !subscription;
    if (subscription) {
      void subscription.ready.then(() => (confirmed = true), () => undefined);
      await Promise.race([subscription.ready.catch(() => undefined), sleep(deps.limits.relaySubscribeWaitMs)]);
    }
    const loadedWhileUnconfirmed = !confirmed;
    let stored;
    try {
      stored = await deps.storage.loadDoc(name);
    } catch (err) {
      subscription?.close();
      throw err;
    }
    const doc = new Y.Doc();
    try {
      // A bad snapshot fails the load (compacting over it would lose the doc).
      applyStored(doc, stored.snapshot, stored.updates, ORIGIN_STORAGE, name, deps.log);
    } catch (err) {
      doc.destroy();
      subscription?.close();
      throw err;
    }
    const loaded = new DocRoom(name, doc, deps, stored.lastSeq, stored.lastSeq - stored.updates.length, subscription);
    room = loaded;
    for (const m of early) loaded.receiveRelayed(m);
    if (loadedWhileUnconfirmed && subscription) void subscription.ready.then(() => loaded.resync(), () => undefined);
    return loaded;
  }

  get clientCount(): number {
    return this.clients.size;
  }
  get isEmpty(): boolean {
    return this.clients.size === 0 && this.reservations === 0 && (this.view?.viewerCount ?? 0) === 0;
  }
  get isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Updates waiting for storage. */
  get pendingCount(): number {
    return this.writer.pendingCount;
  }
  /** Every stored update up to this seq is in the doc. */
  get appliedSeq(): number {
    return this.sync.seqs.applied;
  }

  /** Re-reads storage for anything this node missed (the relay reconnected, or subscribed late). */
  resync(): Promise<void> {
    return this.destroyed ? Promise.resolve() : this.sync.catchUp();
  }

  /** Holds the room loaded for a connection that is completing its upgrade. False if already destroyed. */
  reserve(): boolean {
    if (this.destroyed || this.intakeClosed) return false;
    this.reservations++;
    return true;
  }
  /** The reserved connection did not complete. */
  release(): void {
    this.reservations--;
    this.notifyIfEmpty();
  }

  /** The doc without what stays in the room, for 'read-filtered' connections (join it instead of the room). */
  filtered(): FilteredView {
    this.view ??= new FilteredView(this.name, this.doc, {
      joined: () => this.reservations--,
      left: () => this.notifyIfEmpty(),
      refreshMs: this.deps.limits.filteredViewRefreshMs,
    });
    return this.view;
  }

  /** A reserved connection joins: it gets sync step 1 and the current awareness states. */
  join(client: RoomClient): void {
    this.reservations--;
    this.clients.add(client);
    client.send(encodeSyncStep1(this.doc));
    const states = this.awarenessRelay.encodeAll();
    if (states) client.send(states);
  }

  leave(client: RoomClient): void {
    if (!this.clients.delete(client)) return;
    // Tells the others that this client's cursors are gone.
    this.awarenessRelay.leave(client);
    this.notifyIfEmpty();
  }

  /** Sync step 1 from a client (observers too): answer with everything it lacks. */
  answerSyncStep1(client: RoomClient, stateVector: Uint8Array): void {
    client.send(encodeSyncStep2(this.doc, stateVector));
  }

  /** A client's sync step 2 or update. Queued for storage; applied and relayed once stored. */
  receiveUpdate(client: RoomClient, update: Uint8Array, isSyncStep2: boolean): UpdateOutcome {
    if (client.readOnly || this.intakeClosed || this.stopped) return 'dropped';
    if (isSyncStep2 && addsNothing(this.doc, update)) return 'redundant';
    return this.writer.enqueue(update, client);
  }

  /** Awareness from a client: refused for client ids another user's connection controls (awarenessRelay.ts). */
  receiveAwareness(client: RoomClient, update: Uint8Array, entries: AwarenessEntry[]): AwarenessOutcome {
    return this.awarenessRelay.receive(client, update, entries);
  }

  /** Awareness the client merely re-sends (others' states at a clock we have): not applied, not charged. */
  isAwarenessEcho(client: RoomClient, entries: AwarenessEntry[]): boolean {
    return this.awarenessRelay.isEcho(client, entries);
  }

  /** Every known awareness state, for a query-awareness message. */
  encodeAllAwareness(): Uint8Array {
    return encodeAwareness(this.awarenessRelay.awareness);
  }

  /** Resolves once every queued update is stored and applied, and a requested compaction ran. */
  async flush(): Promise<void> {
    await this.writer.flush();
  }

  /** Final compaction before unloading: flush, then snapshot whatever the log holds. */
  async flushAndCompact(): Promise<void> {
    this.writer.requestCompaction();
    await this.writer.flush();
  }

  /**
   * Server shutdown: take no more updates, store what is queued (at most timeoutMs), compact,
   * then close every client with 1001. Updates still unstored after the timeout are dropped
   * here; their authors still hold them and resend them when they reconnect.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.intakeClosed = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.flushAndCompact().then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.deps.log('collab: shutdown left updates unstored; clients will resend them', {
        doc: this.name,
        pending: this.writer.pendingCount,
      });
    }
    for (const c of [...this.clients]) c.close(COLLAB_CLOSE.goingAway, 'server shutting down');
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopped = true;
    this.writer.stop();
    this.sync.stop();
    this.view?.destroy();
    this.awarenessRelay.destroy();
    this.subscription?.close();
    this.doc.off('update', this.relayDocUpdate);
    this.doc.destroy();
  }

  private notifyIfEmpty(): void {
    if (this.isEmpty && !this.destroyed) this.onEmpty?.();
  }

  /** A batch's append committed: apply it (the doc's 'update' event relays it), tell other nodes and search. */
  private madeDurable(batch: PendingUpdate[], firstSeq: number, lastSeq: number): void {
    this.applyStored(batch);
    this.sync.storedHere(firstSeq, lastSeq);
    this.deps.relay?.publish(this.name, { kind: 'updates', firstSeq, updates: batch.map((p) => p.update) });
    this.tellStored();
  }

  /** Stored updates become visible: applied to the doc, whose 'update' event relays them. */
  private applyStored(batch: PendingUpdate[]): void {
    for (const p of batch) {
      // With nothing pending, the resulting doc update holds only the sender's own content, so
      // the sender need not get it back. Pending structs (waiting for a missing dependency) may
      // integrate now, and those the sender may lack: then it gets the update too.
      const store = this.doc.store;
      this.echoToSender = store.pendingStructs !== null || store.pendingDs !== null;
      try {
        Y.applyUpdate(this.doc, p.update, p.from ?? ORIGIN_STORAGE);
      } catch (err) {
        // Decoded fine but does not integrate: refuse its sender. The stored copy is skipped on
        // load and dropped by the next compaction.
        this.deps.log('collab: stored update failed to apply', { doc: this.name, error: String(err) });
        p.from?.close(COLLAB_CLOSE.invalidPayload, 'update failed to apply');
      }
    }
  }

  /** Tells onStored (search indexing) about the doc, but only when it holds every stored update. */
  private tellStored(): void {
    if (this.destroyed || this.sync.seqs.behind) return;
    try {
      this.deps.onStored?.(this.name, this.doc);
    } catch (err) {
      this.deps.log('collab: onStored hook failed', { doc: this.name, error: String(err) });
    }
  }

  private readonly relayDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.clients.size === 0) return;
    const message = encodeUpdate(update);
    for (const c of this.clients) if (c !== origin || this.echoToSender) c.send(message);
  };

  /** Another node's message: its stored updates, or its clients' awareness (and how far it is). */
  private receiveRelayed(m: RelayMessage): void {
    if (this.destroyed) return;
    if (m.kind === 'updates') {
      this.sync.relayed(m.firstSeq, m.updates);
      this.writer.compactIfDue();
      return;
    }
    this.awarenessRelay.receiveRelayed(m.update);
    this.sync.heard(m.head);
  }
}
