// Realtime adapter for co-edited documents: one Y.Doc + stock WebsocketProvider + IndexedDB
// copy per doc name, shared by reference count. Views never touch providers directly.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../shared/collab/docNames.ts';

export type SyncStatus = 'saved' | 'syncing' | 'offline' | 'denied';

/** How long the socket must be quiet after a local edit before we call it saved. */
const SETTLE_MS = 400;

export interface DocHandle {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status(): SyncStatus;
  subscribe(fn: () => void): () => void;
}

interface Entry {
  handle: DocHandle;
  refs: number;
  destroy(): void;
}

const open = new Map<string, Entry>();

function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

function create(docName: string, userId: string): Entry {
  const doc = new Y.Doc();
  // Offline copy per user AND doc, so two accounts on one browser never share notes.
  const local = new IndexeddbPersistence(`peerboard:${userId}:${docName}`, doc);
  const provider = new WebsocketProvider(wsBase(), encodeURIComponent(docName), doc, { disableBc: true, maxBackoffTime: 5_000 });
  const listeners = new Set<() => void>();
  let dirtyAt = 0;
  let denied = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const notify = () => listeners.forEach((fn) => fn());

  const status = (): SyncStatus => {
    if (denied) return 'denied';
    if (!provider.wsconnected) return 'offline';
    if (!provider.synced) return 'syncing';
    const ws = provider.ws as WebSocket | null;
    if (Date.now() - dirtyAt < SETTLE_MS || (ws && ws.bufferedAmount > 0)) return 'syncing';
    return 'saved';
  };
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === local) return;
    dirtyAt = Date.now();
    notify();
    clearTimeout(settle);
    settle = setTimeout(notify, SETTLE_MS + 50);
  };
  doc.on('update', onUpdate);
  provider.on('status', notify);
  provider.on('sync', notify);
  provider.on('connection-close', (event: CloseEvent | null) => {
    // 4400-4499 are permanent refusals (access revoked): stop retrying and say so.
    if (event && event.code >= 4400 && event.code < 4500) {
      denied = true;
      provider.shouldConnect = false;
    }
    notify();
  });
  // Browsers report offline before sockets notice; react at once both ways.
  const goOffline = () => provider.disconnect();
  const goOnline = () => !denied && provider.connect();
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  const handle: DocHandle = {
    doc,
    provider,
    status,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return {
    handle,
    refs: 0,
    destroy() {
      clearTimeout(settle);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      doc.off('update', onUpdate);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

/** Opens (or shares) a doc; call the returned release when the view unmounts. */
export function acquireDoc(docName: string, userId: string): { handle: DocHandle; release: () => void } {
  const key = `${userId}\n${docName}`;
  let entry = open.get(key);
  if (!entry) {
    entry = create(docName, userId);
    open.set(key, entry);
  }
  entry.refs++;
  const e = entry;
  let released = false;
  return {
    handle: e.handle,
    release: () => {
      if (released) return;
      released = true;
      // Deferred so a quick remount (React strict mode, item switch and back) reuses the doc.
      setTimeout(() => {
        if (--e.refs === 0 && open.get(key) === e) {
          open.delete(key);
          e.destroy();
        }
      }, 1_000);
    },
  };
}

/** A readable, stable colour per user (AA contrast on white for the caret label). */
export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360}, 70%, 32%)`;
}
