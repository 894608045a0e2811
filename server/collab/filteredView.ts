// The read-filtered endpoint of a loaded doc: observers outside the room (shared/access
// 'read-filtered') are synced with a separate Y.Doc, the view, that holds only what may leave
// the room (shared/collab/filtered.ts). The real doc never reaches them: neither its sync
// steps, nor its updates, nor its awareness (cursors point into the real doc's structure).
//
// The view follows the doc: after a change (at most every filteredViewRefreshMs) the doc's
// top-level entries are compared with the view's by key; the changed run in the middle is
// deleted from the view and inserted afresh, so typing in one paragraph rewrites that paragraph
// only. A block marked "stays in the room" is deleted from the view; with Yjs garbage collection
// its text is gone from the view's state too. Viewers' own updates and awareness are dropped.
//
// The view exists only in this node's memory, one per loaded doc: a node that loads the doc
// again builds a new view with new Yjs ids. Its `viewEpoch` array holds one id per build, so a
// client that merged two builds (it kept an old one across a reconnect) sees two ids and starts
// over with a fresh doc (client/src/collab/docs.ts does).
import { randomUUID } from 'node:crypto';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { filteredEntries, filteredField, VIEW_EPOCH_FIELD } from '../../shared/collab/filtered.ts';
import { parseDocName } from '../../shared/collab/docNames.ts';
import type { AwarenessOutcome, RoomClient, UpdateOutcome } from './docRoom.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type AwarenessEntry } from './messages.ts';


/** What a connection talks to: the doc itself (DocRoom) or its filtered view. */
export interface DocEndpoint {
  join(client: RoomClient): void;
  leave(client: RoomClient): void;
  answerSyncStep1(client: RoomClient, stateVector: Uint8Array): void;
  receiveUpdate(client: RoomClient, update: Uint8Array, isSyncStep2: boolean): UpdateOutcome;
  receiveAwareness(client: RoomClient, update: Uint8Array, entries: AwarenessEntry[]): AwarenessOutcome;
  isAwarenessEcho(client: RoomClient, entries: AwarenessEntry[]): boolean;
  encodeAllAwareness(): Uint8Array;
}

export interface ViewHooks {
  /** A reserved connection became a viewer (the room counts it as joined). */
  joined(): void;
  /** A viewer left (the room may now be empty). */
  left(): void;
  refreshMs: number;
}

export class FilteredView implements DocEndpoint {
  private readonly view = new Y.Doc();
  private readonly kind;
  /** Keys of the view's entries, in order (the view is written only here). */
  private keys: string[] = [];
  private readonly viewers = new Set<RoomClient>();
  /** Nobody's awareness goes to viewers; queries get an empty list. */
  private readonly noAwareness: Awareness;
  private timer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    docName: string,
    private readonly source: Y.Doc,
    private readonly hooks: ViewHooks,
  ) {
    this.kind = parseDocName(docName)?.kind ?? 'private';
    this.noAwareness = new Awareness(this.view);
    this.noAwareness.setLocalState(null);
    this.view.getArray<string>(VIEW_EPOCH_FIELD).push([randomUUID()]);
    this.refresh();
    source.on('update', this.onSourceUpdate);
    this.view.on('update', this.relay);
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  join(client: RoomClient): void {
    this.hooks.joined();
    this.viewers.add(client);
    this.flushPending();
    client.send(encodeSyncStep1(this.view));
  }

  leave(client: RoomClient): void {
    if (this.viewers.delete(client)) this.hooks.left();
  }

  answerSyncStep1(client: RoomClient, stateVector: Uint8Array): void {
    this.flushPending();
    client.send(encodeSyncStep2(this.view, stateVector));
  }

  receiveUpdate(): UpdateOutcome {
    return 'dropped';
  }

  receiveAwareness(): AwarenessOutcome {
    return 'applied'; // and ignored: the room does not see a viewer's cursor
  }

  isAwarenessEcho(): boolean {
    return false;
  }

  encodeAllAwareness(): Uint8Array {
    return encodeAwareness(this.noAwareness, []);
  }

  /** Closes the viewers' feed (the room is being destroyed; it closes the sockets). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.source.off('update', this.onSourceUpdate);
    this.view.off('update', this.relay);
    this.noAwareness.destroy();
    this.view.destroy();
  }

  private readonly onSourceUpdate = (): void => {
    if (this.timer || this.destroyed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, this.hooks.refreshMs);
    this.timer.unref();
  };

  /** A joining or syncing viewer gets the view as of now, not as of the last refresh. */
  private flushPending(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.refresh();
  }

  /** Brings the view to the doc's current filtered entries, rewriting only the changed middle run. */
  private refresh(): void {
    if (this.destroyed) return;
    const field = filteredField(this.kind);
    if (!field) return;
    const entries = filteredEntries(this.source, this.kind);
    const next = entries.map((e) => e.key);
    let start = 0;
    while (start < next.length && start < this.keys.length && next[start] === this.keys[start]) start++;
    let endOld = this.keys.length;
    let endNew = next.length;
    while (endOld > start && endNew > start && this.keys[endOld - 1] === next[endNew - 1]) {
      endOld--;
      endNew--;
    }
    if (start === endOld && start === endNew) return;
    const inserted = entries.slice(start, endNew).map((e) => e.build());
    this.view.transact(() => {
      if (field.type === 'xml') {
        const target = this.view.getXmlFragment(field.name);
        if (endOld > start) target.delete(start, endOld - start);
        if (inserted.length > 0) target.insert(start, inserted as (Y.XmlElement | Y.XmlText)[]);
      } else {
        const target = this.view.getArray<Y.Map<unknown>>(field.name);
        if (endOld > start) target.delete(start, endOld - start);
        if (inserted.length > 0) target.insert(start, inserted as Y.Map<unknown>[]);
      }
    });
    this.keys = next;
  }

  private readonly relay = (update: Uint8Array): void => {
    if (this.viewers.size === 0) return;
    const message = encodeUpdate(update);
    for (const c of this.viewers) c.send(message);
  };
}
