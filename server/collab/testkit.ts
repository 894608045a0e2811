// Helpers for the collab integration tests: a real http.Server on port 0 with attachCollab over a
// real SQLite file, a cookie check and rights table implemented here, the stock y-websocket
// WebsocketProvider as client, and raw `ws` sockets for hand-made frames.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { DocAppend, Storage } from '../storage/types.ts';
import { attachCollab, type CollabHandle, type CollabOptions } from './index.ts';
import { docRight, type AccessGroup, type DocTarget } from '../../shared/access/index.ts';
import type { ParsedDocName } from '../../shared/collab/docNames.ts';

export const ORIGIN = 'https://peerboard.test';

/** Faults the tests switch on in the storage wrapper. */
export interface Faults {
  failLoad: boolean;
  /** Extra delay before every loadDoc answers. */
  loadDelayMs: number;
  /** When set, every loadDoc waits for it (a test holds a load for as long as it needs). */
  loadGate: Promise<void> | null;
  /** loadDoc calls that reached the real storage. */
  loadCalls: number;
  failAppend: boolean;
  /** Sizes of each doc's append (appendDocUpdates, or one entry of appendDocBatch) that reached the real storage. */
  appendBatches: number[];
  /** Docs per appendDocBatch transaction that reached the real storage. */
  appendTransactions: number[];
}

/** The real storage with switchable failures in the doc methods. */
function withFaults(storage: Storage, faults: Faults): Storage {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (prop === 'loadDoc') {
        return async (name: string) => {
          if (faults.loadDelayMs > 0) await new Promise((r) => setTimeout(r, faults.loadDelayMs));
          if (faults.loadGate) await faults.loadGate;
          if (faults.failLoad) throw new Error('injected load failure');
          faults.loadCalls++;
          return target.loadDoc(name);
        };
      }
      if (prop === 'appendDocUpdates') {
        return async (name: string, updates: Uint8Array[]) => {
          if (faults.failAppend) throw new Error('injected write failure');
          const seq = await target.appendDocUpdates(name, updates);
          faults.appendBatches.push(updates.length);
          return seq;
        };
      }
      if (prop === 'appendDocBatch') {
        return async (appends: DocAppend[]) => {
          if (faults.failAppend) throw new Error('injected write failure');
          const seqs = await target.appendDocBatch(appends);
          faults.appendTransactions.push(appends.length);
          for (const a of appends) faults.appendBatches.push(a.updates.length);
          return seqs;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** meetingId -> userId -> right. Users not listed have no access. */
/** Per meeting, each user's standing: 'write' acts as a member, 'read' as an observer. */
export type Rights = Record<string, Record<string, 'write' | 'read'>>;

/** The group the tests' meetings belong to: observers in the room, so 'read' is a whole read. */
const TEST_GROUP: AccessGroup = { leadership: 'coach-led', observersSeeFinancials: false, observersInRoom: true, observersSeeHotSeat: true };

const targetOf = (doc: ParsedDocName): DocTarget =>
  doc.kind === 'private' ? { kind: 'private', ownerId: doc.userId } : doc.kind === 'notes' ? { kind: 'notes', itemKind: null } : { kind: 'commitments' };

export interface CollabServer {
  url: string;
  port: number;
  storage: Storage;
  /** The storage collab sees (with fault switches). */
  faults: Faults;
  collab: CollabHandle;
  server: http.Server;
  logs: { msg: string; meta?: object }[];
  /** Every refused message's reason (what the metrics count). */
  refused: string[];
  /** Stops collab and the HTTP server; keeps the storage open (for restarts). */
  stop(): Promise<void>;
  /** stop() and close the storage. */
  close(): Promise<void>;
}

export function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'peerboard-collab-')), 'test.sqlite');
}

export async function openTestStorage(file = tempDbFile()): Promise<Storage> {
  const storage = openSqliteStorage(file);
  await storage.migrate();
  return storage;
}

export async function startCollabServer(opts: {
  rights: Rights;
  storage?: Storage;
  port?: number;
  options?: CollabOptions;
}): Promise<CollabServer> {
  const storage = opts.storage ?? (await openTestStorage());
  const faults: Faults = { failLoad: false, loadDelayMs: 0, loadGate: null, loadCalls: 0, failAppend: false, appendBatches: [], appendTransactions: [] };
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const logs: { msg: string; meta?: object }[] = [];
  const refused: string[] = [];
  const users = new Set(Object.values(opts.rights).flatMap((m) => Object.keys(m)));
  const collab = attachCollab(
    server,
    {
      storage: withFaults(storage, faults),
      // A real cookie check: pb_session=<userId> of a known user.
      async authenticate(req) {
        const match = /(?:^|;\s*)pb_session=([^;]+)/.exec(req.headers.cookie ?? '');
        const userId = match?.[1];
        return userId && users.has(userId) ? { userId } : null;
      },
      async authorizeDoc(userId: string, doc: ParsedDocName) {
        const standing = opts.rights[doc.meetingId]?.[userId];
        if (!standing) return 'none';
        // The real rules (shared/access), so the private-doc owner check is the app's own.
        return docRight({ userId, groupRole: standing === 'write' ? 'member' : 'observer', organiser: false }, TEST_GROUP, targetOf(doc));
      },
      allowedOrigins: [ORIGIN],
      log: (msg, meta) => logs.push({ msg, ...(meta ? { meta } : {}) }),
      onRefused: (reason) => refused.push(reason),
    },
    opts.options,
  );
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await collab.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    storage,
    faults,
    collab,
    server,
    logs,
    refused,
    stop,
    async close() {
      await stop();
      await storage.close();
    },
  };
}

/** A `ws` WebSocket class that sends our Origin and the user's session cookie. */
export type SocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;

export function socketClass(userId: string | null, origin: string | null = ORIGIN): SocketClass {
  const headers: Record<string, string> = {};
  if (origin) headers.Origin = origin;
  if (userId) headers.Cookie = `pb_session=${userId}`;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface TestClient {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  destroy(): void;
}

/** The stock WebsocketProvider on a fresh (or given) Y.Doc, signed in as userId. */
export function connectClient(srv: { url: string }, docName: string, userId: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(srv.url, encodeURIComponent(docName), doc, {
    WebSocketPolyfill: socketClass(userId) as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    text: doc.getText('t'),
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (c: TestClient): Promise<void> => waitFor(() => c.provider.synced, 'provider synced');

/** The doc as storage holds it (snapshot + log), and the log length. */
export async function storedDoc(storage: Storage, name: string): Promise<{ text: string; logLength: number; hasSnapshot: boolean }> {
  const stored = await storage.loadDoc(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  const text = doc.getText('t').toString();
  doc.destroy();
  return { text, logLength: stored.updates.length, hasSnapshot: stored.snapshot !== null };
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A raw socket on the endpoint, open (resolves after the upgrade). */
export async function openRaw(srv: { url: string }, docName: string, userId: string): Promise<RawSocket> {
  const Ws = socketClass(userId);
  const ws = new Ws(`${srv.url}/${encodeURIComponent(docName)}`);
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

/** Tries an upgrade and returns the HTTP status of the refusal, or 101 if it was accepted. */
export async function upgradeStatus(
  srv: { url: string },
  pathAndName: string,
  userId: string | null,
  origin: string | null = ORIGIN,
): Promise<number> {
  const Ws = socketClass(userId, origin);
  const ws = new Ws(`${srv.url}${pathAndName}`);
  return new Promise<number>((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => {});
  });
}
