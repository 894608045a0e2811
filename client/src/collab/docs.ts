// Realtime adapter for co-edited documents: one Y.Doc + stock WebsocketProvider + IndexedDB
// copy per (user, doc name), shared by reference count. Views never touch providers directly.
//
// Observers outside the room read a filtered view of shared docs (docs/API.md, Collab endpoint):
// such a handle keeps no IndexedDB copy (a guest's browser stores nothing of the meeting), and
// deletes the full copy this user may hold from before (they are no longer in the room). The
// view has its own Yjs ids per server build: a reconnect that merged two builds (two ids in
// `viewEpoch`) marks the handle stale, and useCollabDoc opens a fresh one.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, parseDocName } from '../../../shared/collab/docNames.ts';
import { VIEW_EPOCH_FIELD } from '../../../shared/collab/filtered.ts';
import { http, HttpError } from '../api/http.ts';
import { userColor } from './userColor.ts';

/**
 * saved: connected, synced, and every local edit handed to the socket and flushed;
 * syncing: connecting, catching up, or local edits still on their way;
 * offline: no connection; edits are kept in IndexedDB and sent on reconnect;
 * denied: the server closed with 4400-4499 (access revoked), or, after a failed connection, the
 *   meeting's API refuses us (removed while away); we stop reconnecting.
 */
export type SyncStatus = 'saved' | 'syncing' | 'offline' | 'denied';

export interface CollabUser {
  id: string;
  name: string;
}

/** The y-websocket protocol has no per-update ack: a local edit shows "Syncing…" this long
 *  (about the server's store-then-relay delay) before it counts as saved. */
const SETTLE_MS = 400;
/** How often to look again while edits are settling or the socket's send buffer drains. */
const RECHECK_MS = 150;
/** Keeps a released doc open briefly, so a quick remount (strict mode, item switch and back) reuses it. */
const RELEASE_DELAY_MS = 1_000;
/** Cap on reconnect backoff: after a server restart notes should come back within seconds. */
const MAX_BACKOFF_MS = 5_000;
/** At most one access check per doc in this time while its socket keeps failing. */
const ACCESS_PROBE_MS = 10_000;

export interface DocHandle {
  name: string;
  /** The filtered view an observer outside the room reads (read-only, no offline copy). */
  filtered: boolean;
  /** Two server builds of a filtered view got merged: open a fresh handle. */
  stale(): boolean;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Awareness identity, as other people's carets show it. */
  user: { name: string; color: string };
  status(): SyncStatus;
  subscribe(fn: () => void): () => void;
}

interface Entry {
  handle: DocHandle;
  refs: number;
  destroy(): void;
}

const open = new Map<string, Entry>();

const wsOrigin = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** The offline copy's database: keyed by user AND doc, so two accounts on one browser never share notes. */
const localName = (me: CollabUser, docName: string) => `peerboard:${me.id}:${docName}`;

function create(docName: string, me: CollabUser, filtered: boolean): Entry {
  const doc = new Y.Doc();
  // A filtered reader is outside the room: no copy of the view, and none of the full doc either.
  if (filtered) indexedDB.deleteDatabase(localName(me, docName));
  const local = filtered ? null : new IndexeddbPersistence(localName(me, docName), doc);
  // The session cookie rides on the upgrade request; no token in the URL.
  // `meeting` is a routing hint: a load balancer hashes on it so a meeting's docs and room share a node.
  const meeting = parseDocName(docName)?.meetingId;
  const provider = new WebsocketProvider(wsOrigin() + COLLAB_PATH, encodeURIComponent(docName), doc, {
    disableBc: true,
    maxBackoffTime: MAX_BACKOFF_MS,
    params: meeting ? { meeting } : {},
  });
  const user = { name: me.name, color: userColor(me.id) };
  provider.awareness.setLocalStateField('user', user);

  const listeners = new Set<() => void>();
  let status: SyncStatus = 'syncing';
  let denied = false;
  let lastLocalEdit = 0;
  let stale = false;
  let recheck: ReturnType<typeof setTimeout> | undefined;

  const compute = (): SyncStatus => {
    if (denied) return 'denied';
    if (!provider.wsconnected) return 'offline';
    // `synced` turns true when the server's sync step 2 arrives. The server sends its step 1 first
    // (on join), and the provider answers it with our step 2 (every edit made offline), so by
    // then our offline edits have been handed to the socket. Edits made while synced go out at once.
    if (!provider.synced) return 'syncing';
    const buffered = (provider.ws as WebSocket | null)?.bufferedAmount ?? 0;
    return Date.now() - lastLocalEdit < SETTLE_MS || buffered > 0 ? 'syncing' : 'saved';
  };
  const refresh = () => {
    clearTimeout(recheck);
    const next = compute();
    if (next === 'syncing' && provider.synced) recheck = setTimeout(refresh, RECHECK_MS);
    if (next === status) return;
    status = next;
    listeners.forEach((fn) => fn());
  };

  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === local) return; // remote or restored, not ours to send
    lastLocalEdit = Date.now();
    refresh();
  };
  doc.on('update', onUpdate);
  provider.on('status', refresh);
  provider.on('sync', refresh);
  if (filtered) {
    provider.on('sync', (synced: boolean) => {
      if (!synced || stale || doc.getArray(VIEW_EPOCH_FIELD).length <= 1) return;
      stale = true;
      provider.disconnect();
      listeners.forEach((fn) => fn());
    });
  }
  provider.on('connection-close', refresh);
  // y-websocket stops reconnecting on 4400-4499 and emits 'closed'; remember why.
  provider.on('closed', () => {
    denied = true;
    refresh();
  });
  // A refused upgrade (403 for someone removed from the group while away) reaches a browser only
  // as a failed socket, indistinguishable from being offline; the meeting's API tells them apart.
  let lastProbe = 0;
  const probeAccess = () => {
    const meetingId = parseDocName(docName)?.meetingId;
    if (denied || !meetingId || provider.wsconnected || Date.now() - lastProbe < ACCESS_PROBE_MS) return;
    lastProbe = Date.now();
    http.get(`/api/meetings/${encodeURIComponent(meetingId)}`).catch((err: unknown) => {
      // Anything but a refusal (really offline, a server error) leaves the badge as it is.
      if (!(err instanceof HttpError) || (err.status !== 403 && err.status !== 404)) return;
      denied = true;
      provider.disconnect();
      refresh();
    });
  };
  provider.on('connection-error', probeAccess);
  provider.on('connection-close', probeAccess);
  // Browsers know they are offline before a socket times out; react at once both ways.
  const goOffline = () => provider.disconnect();
  const goOnline = () => {
    if (!denied) provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  const handle: DocHandle = {
    name: docName,
    filtered,
    stale: () => stale,
    doc,
    provider,
    user,
    status: () => status,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return {
    handle,
    refs: 0,
    destroy() {
      clearTimeout(recheck);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      doc.off('update', onUpdate);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}

/** Opens (or shares) a doc, filtered for an observer outside the room; call release when the view unmounts. */
export function acquireDoc(docName: string, me: CollabUser, filtered = false): { handle: DocHandle; release: () => void } {
  const key = `${me.id}\n${docName}\n${filtered ? 'filtered' : 'full'}`;
  let entry = open.get(key);
  if (entry?.handle.stale()) {
    // Its holders release it when they see it is stale; new ones get a fresh doc.
    open.delete(key);
    entry = undefined;
  }
  if (!entry) {
    entry = create(docName, me, filtered);
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
      setTimeout(() => {
        if (--e.refs === 0) {
          if (open.get(key) === e) open.delete(key);
          e.destroy();
        }
      }, RELEASE_DELAY_MS);
    },
  };
}
