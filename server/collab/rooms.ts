// The loaded docs of this process: loads each doc once (concurrent connections share the load),
// keeps it while anyone is connected, and unloads it a grace period after the last one left,
// after a final flush and compaction.
import { GroupCommit } from '../storage/groupCommit.ts';
import type { DocAppend } from '../storage/types.ts';
import { DocRoom, type RoomDeps } from './docRoom.ts';

export class DocRegistry {
  private readonly loaded = new Map<string, DocRoom>();
  private readonly loading = new Map<string, Promise<DocRoom>>();
  private readonly graceTimers = new Map<DocRoom, NodeJS.Timeout>();
  private closing = false;

  private readonly deps: RoomDeps;

  constructor(deps: RoomDeps) {
    // One transaction for the appends of every doc arriving within a tick (docRoom.ts, step 2).
    const appends = new GroupCommit<DocAppend, number>((batch) => deps.storage.appendDocBatch(batch));
    this.deps = { ...deps, append: deps.append ?? ((docName, updates) => appends.add({ docName, updates })) };
    // Messages may have been lost while the relay was disconnected: every doc re-reads storage.
    deps.relay?.onResync(() => {
      for (const room of this.loaded.values()) void room.resync();
    });
  }

  /** Loaded docs (not counting ones still loading). */
  get size(): number {
    return this.loaded.size;
  }

  /** The loaded room, for tests and diagnostics. */
  peek(name: string): DocRoom | undefined {
    return this.loaded.get(name);
  }

  /**
   * The doc's room, loaded if needed, with a reservation held for the caller, who must then
   * call room.join(client) or room.release(). Throws if storage fails to load it (nothing is
   * written then) or the registry is closing.
   */
  async reserve(name: string): Promise<DocRoom> {
    for (;;) {
      if (this.closing) throw new Error('collab: shutting down');
      const room = this.loaded.get(name) ?? (await this.load(name));
      if (room.reserve()) {
        this.cancelGrace(room);
        return room;
      }
      // It was destroyed between load and reserve (an unload finished); load it again.
    }
  }

  private load(name: string): Promise<DocRoom> {
    let pending = this.loading.get(name);
    if (!pending) {
      pending = DocRoom.load(name, this.deps).then((room) => {
        this.loaded.set(name, room);
        room.onEmpty = () => this.startGrace(room);
        return room;
      });
      const forget = () => this.loading.delete(name);
      pending.then(forget, forget);
      this.loading.set(name, pending);
    }
    return pending;
  }

  private startGrace(room: DocRoom): void {
    if (this.closing) return;
    this.cancelGrace(room);
    const timer = setTimeout(() => {
      this.graceTimers.delete(room);
      void this.unload(room);
    }, this.deps.limits.unloadGraceMs);
    timer.unref();
    this.graceTimers.set(room, timer);
  }

  private cancelGrace(room: DocRoom): void {
    const timer = this.graceTimers.get(room);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(room);
  }

  private async unload(room: DocRoom): Promise<void> {
    try {
      await room.flushAndCompact();
    } catch (err) {
      this.deps.log('collab: final compaction failed', { doc: room.name, error: String(err) });
    }
    // Someone may have connected while we were writing: then the room stays.
    if (!room.isEmpty || room.isDestroyed || this.loaded.get(room.name) !== room || room.pendingCount > 0) return;
    this.loaded.delete(room.name);
    room.destroy();
  }

  /** Shutdown: no new loads; every doc is flushed, compacted, its clients closed with 1001. */
  async closeAll(timeoutMs: number): Promise<void> {
    this.closing = true;
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    const rooms = [...this.loaded.values()];
    this.loaded.clear();
    await Promise.all(rooms.map((r) => r.shutdown(timeoutMs)));
  }
}
