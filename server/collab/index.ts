/*
 * Collab endpoint: the y-websocket protocol for Yjs documents on /collab/<url-encoded doc name>,
 * on the app's HTTP server. The stock y-websocket WebsocketProvider is the client:
 *   new WebsocketProvider(`${wsOrigin}/collab`, encodeURIComponent(docName), ydoc)
 * Authentication is the session cookie sent with the upgrade request; no token in the URL.
 *
 * Checks before the upgrade, in this order; a refusal is a plain HTTP response on the raw
 * socket, whose body is {"error":{code,message}} like the JSON API:
 *   400 bad_request     path is not /collab/<name> or the name is not a valid doc name
 *   403 forbidden       Origin header missing or not an allowed origin
 *   401 unauthenticated no valid session cookie
 *   403 forbidden       no right on the doc: not a member, someone else's private doc, or a
 *                       meeting that does not exist (same answer, so existence does not leak)
 *   503 internal        auth lookup failed, or the server is shutting down; the provider retries
 *
 * The upgrade completes before the doc loads (a browser holds its other WebSockets to the host
 * while a handshake is pending); frames that arrive meanwhile are kept and handled in order
 * once it is loaded (at most COLLAB_LIMITS.maxBytesWhileLoading, else 1008).
 *
 * Close codes after the upgrade (also in shared/collab/closeCodes.ts):
 *   1001 going away       server shutdown; pending writes were flushed first; reconnect
 *   1003 unsupported data text frame; unknown message type or sync type; auth message
 *   1007 invalid payload  malformed frame: truncated or bad varint, trailing bytes, an update,
 *                         state vector or awareness that fails to decode, an update that fails
 *                         to apply
 *   1008 policy violation more than COLLAB_LIMITS.messagesPerSecond (burst messageBurst) messages
 *                         the client originates (echoed awareness excluded), or more than
 *                         framesPerSecond (burst frameBurst) frames of any kind, or more than
 *                         maxBytesWhileLoading sent before the doc loaded
 *   1009 message too big  frame over COLLAB_LIMITS.maxMessageBytes (ws maxPayload)
 *   1011 internal error   unexpected server error while handling a message
 *   1013 try again later  storage failed to load the doc (nothing is written), the doc's write
 *                         queue is full (storage down) or the client reads too slowly; its
 *                         edits are not lost, it resends them on reconnect
 *   4401 signed out       the connection's session was ended (endSessions(): sign out
 *                         everywhere, a session ended on the account page, password changed)
 *   4403 forbidden        access revoked while connected (kick()); the stock provider treats
 *                         4400-4499 as permanent and stops reconnecting
 * A bad frame closes only its own socket; other clients and the process are unaffected.
 *
 * Observers in the room ('read' right): their sync step 2 and update messages are dropped (never
 * stored, applied or relayed); their sync step 1 is answered, so they receive the doc and every
 * later edit. Their awareness is relayed, so they show as present (their cursor cannot move text).
 * Observers outside the room ('read-filtered', the default) are synced with the doc's filtered
 * view instead (filteredView.ts): the same doc name, but a separate Yjs doc holding no block or
 * commitment that stays in the room; nothing of theirs is applied, and no awareness flows either way.
 *
 * Authorization is checked at connect, and again whenever the server says a user's rights
 * changed (recheck(userId), called by server/services/liveAccess.ts on every node): each of
 * their connections is re-authorized; 'write' stays, 'read' stays open read-only (later updates
 * dropped, never stored or relayed), anything less is closed with 4403. A connection whose
 * upgrade was in flight during a recheck is re-checked as soon as it is open. kick(userId)
 * closes all of a user's connections (sign-out everywhere, account deleted).
 *
 * Note for the server: socket.io's engine.io ends upgrade requests on other paths after 1 s
 * unless `destroyUpgrade: false` is passed to the socket.io Server; a slow auth lookup could
 * exceed that, so pass it.
 */
import type http from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { DocRight } from '../../shared/access/index.ts';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { COLLAB_PATH, formatDocName, parseDocName, type ParsedDocName } from '../../shared/collab/docNames.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Storage } from '../storage/types.ts';
import { Connection, type RefusedReason } from './connection.ts';
import type { DocRelay } from './docRoom.ts';
import { COLLAB_LIMITS, type CollabLimits } from './limits.ts';
import { DocRegistry } from './rooms.ts';

export type { ParsedDocName } from '../../shared/collab/docNames.ts';
export type { DocRelay } from './docRoom.ts';
export { COLLAB_LIMITS, type CollabLimits } from './limits.ts';
export { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';

export interface CollabDeps {
  storage: Storage;
  /** The signed-in user (and their session) from the upgrade request's cookie, or null. */
  authenticate(req: http.IncomingMessage): Promise<{ userId: string; sessionId?: string } | null>;
  /** The user's right on a parsed doc, from the access module (shared/access docRight). */
  authorizeDoc(userId: string, doc: ParsedDocName): Promise<DocRight>;
  /** Allowed Origin header values (the public origin); anything else is refused. */
  allowedOrigins: string[];
  log?: (msg: string, meta?: object) => void;
  /** Told of every refused message (metrics). */
  onRefused?: (reason: RefusedReason) => void;
  /** Called after a doc's stored updates were applied (e.g. to refresh the search index). */
  onStored?: (docName: string, doc: import('yjs').Doc) => void;
}

export interface CollabOptions {
  /** Overrides of COLLAB_LIMITS (tests use short timers). */
  limits?: Partial<CollabLimits>;
  /** Scale-out seam: publishes stored updates to other nodes. None by default. */
  relay?: DocRelay;
}

export interface CollabHandle {
  /** Flushes pending writes, compacts, closes every socket with 1001, stops taking upgrades. */
  close(): Promise<void>;
  /** Docs loaded in memory. */
  docCount(): number;
  /** Open WebSocket connections. */
  connectionCount(): number;
  /** Closes the user's connections (to one meeting's docs, or all) with 4403; returns how many. */
  kick(userId: string, meetingId?: string): number;
  /** Closes the connections opened with these sessions with 4401; returns how many. */
  endSessions(sessionIds: string[]): number;
  /**
   * The user's rights changed (storage already says so): re-authorizes each of their
   * connections. Resolves once every one is kept, made read-only or closed with 4403.
   */
  recheck(userId: string): Promise<RecheckOutcome>;
}

export interface RecheckOutcome {
  kept: number;
  restricted: number;
  closed: number;
}

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}
const refusal = (status: number, code: ErrorCode, message: string): Refusal => ({ status, code, message });

/** An upgrade that passed the checks: the doc and the user's right on it. */
interface Accepted {
  doc: ParsedDocName;
  name: string;
  userId: string;
  sessionId?: string;
  right: Exclude<DocRight, 'none'>;
}

const rawLength = (data: RawData): number => (Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length);

/** The doc-name segment of a /collab/... URL; null when the path is not ours (e.g. /socket.io). */
function collabSegment(url: string | undefined): string | null {
  const path = (url ?? '').split('?', 1)[0] ?? '';
  if (path === COLLAB_PATH) return '';
  return path.startsWith(COLLAB_PATH + '/') ? path.slice(COLLAB_PATH.length + 1) : null;
}

function decodeSegment(segment: string): ParsedDocName | null {
  if (segment.includes('/')) return null;
  try {
    return parseDocName(decodeURIComponent(segment));
  } catch {
    return null; // malformed percent-encoding
  }
}

function refuse(socket: Duplex, r: Refusal): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: r.code, message: r.message } });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function attachCollab(server: http.Server, deps: CollabDeps, options: CollabOptions = {}): CollabHandle {
  const limits: CollabLimits = { ...COLLAB_LIMITS, ...options.limits };
  const log = deps.log ?? (() => {});
  const rooms = new DocRegistry({ storage: deps.storage, limits, log, relay: options.relay, onStored: deps.onStored });
  const connections = new Set<Connection>();
  /** Accepted sockets whose doc is still loading. */
  const loading = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  let closing = false;
  /** Counts rechecks and kicks: an upgrade authorized before one of them is re-checked once open. */
  let revocations = 0;

  /** Re-authorizes one open connection; 'kept', 'restricted' or 'closed'. */
  async function recheckConnection(c: Connection): Promise<keyof RecheckOutcome> {
    const doc = parseDocName(c.docName);
    let right: DocRight;
    try {
      right = doc ? await deps.authorizeDoc(c.userId, doc) : 'none';
    } catch (err) {
      // Unknown rights are no rights: the provider reconnects and is checked at the upgrade.
      log('collab: re-checking access failed; connection closed', { doc: c.docName, error: String(err) });
      c.close(COLLAB_CLOSE.tryAgainLater, 'checking access failed; reconnect');
      return 'closed';
    }
    if (c.isClosed) return 'closed';
    if (right === 'write') return 'kept';
    // A filtered view never held more than a reader outside the room may see.
    if (c.filtered && right === 'read-filtered') return 'kept';
    if (right === 'read') {
      c.restrict();
      return 'restricted';
    }
    c.close(COLLAB_CLOSE.forbidden, 'access revoked while connected');
    return 'closed';
  }

  /** Runs the checks; returns a refusal or the accepted doc with the user's right. */
  async function check(req: http.IncomingMessage, segment: string): Promise<Refusal | Accepted> {
    const doc = decodeSegment(segment);
    if (!doc) return refusal(400, 'bad_request', 'not a valid document name');
    const origin = req.headers.origin;
    if (!origin || !deps.allowedOrigins.includes(origin)) return refusal(403, 'forbidden', 'origin not allowed');
    if (closing) return refusal(503, 'internal', 'server is shutting down');
    let user: { userId: string; sessionId?: string } | null;
    let right: DocRight;
    try {
      user = await deps.authenticate(req);
      if (!user) return refusal(401, 'unauthenticated', 'sign in first');
      right = await deps.authorizeDoc(user.userId, doc);
    } catch (err) {
      log('collab: authentication or authorization failed', { error: String(err) });
      return refusal(503, 'internal', 'try again later');
    }
    if (right === 'none') return refusal(403, 'forbidden', 'no access to this document');
    return { doc, name: formatDocName(doc), userId: user.userId, sessionId: user.sessionId, right };
  }

  async function accept(req: http.IncomingMessage, socket: Duplex, head: Buffer, segment: string): Promise<void> {
    const revocationsBefore = revocations;
    const result = await check(req, segment);
    if ('status' in result) {
      refuse(socket, result);
      return;
    }
    if (socket.destroyed || closing) {
      socket.destroy();
      return;
    }
    // The handshake completes before the doc loads: a browser opens one WebSocket to a host at a
    // time (Chromium waits for each handshake to finish), so a handshake held for a slow load
    // would hold the page's meeting socket and its other docs with it.
    wss.handleUpgrade(req, socket, head, (ws) =>
      open(ws, result, revocationsBefore).catch((err: unknown) => {
        log('collab: opening a connection failed', { doc: result.name, error: String(err) });
        ws.close(COLLAB_CLOSE.internalError, 'internal error');
      }),
    );
  }

  /** An accepted socket: what it sends is kept until its doc is loaded, then handed over. */
  async function open(ws: WebSocket, accepted: Accepted, revocationsBefore: number): Promise<void> {
    const early: [RawData, boolean][] = [];
    let earlyBytes = 0;
    const keep = (data: RawData, isBinary: boolean) => {
      early.push([data, isBinary]);
      earlyBytes += rawLength(data);
      if (earlyBytes > limits.maxBytesWhileLoading) ws.close(COLLAB_CLOSE.policyViolation, 'too much sent before the document loaded');
    };
    const ignore = () => undefined; // ws reports protocol errors (e.g. maxPayload) here and closes itself
    ws.on('message', keep);
    ws.on('error', ignore);
    loading.add(ws);
    let room;
    try {
      room = await rooms.reserve(accepted.name);
    } catch (err) {
      log('collab: loading a doc failed; connection closed', { doc: accepted.name, error: String(err) });
      ws.close(COLLAB_CLOSE.tryAgainLater, 'document unavailable; try again later');
      return;
    } finally {
      loading.delete(ws);
    }
    if (closing || ws.readyState !== ws.OPEN) {
      room.release();
      if (ws.readyState === ws.OPEN) ws.close(COLLAB_CLOSE.goingAway, 'server shutting down');
      return;
    }
    ws.off('message', keep);
    ws.off('error', ignore);
    const filtered = accepted.right === 'read-filtered';
    const info = { userId: accepted.userId, sessionId: accepted.sessionId, docName: accepted.name, readOnly: accepted.right !== 'write', filtered };
    const endpoint = filtered ? room.filtered() : room;
    const connection = new Connection(ws, endpoint, info, limits, log, (c) => connections.delete(c), deps.onRefused);
    connections.add(connection);
    for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
    // Rights may have changed while this connection was being checked or loaded: check again.
    if (revocations !== revocationsBefore) void recheckConnection(connection);
  }

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const segment = collabSegment(req.url);
    if (segment === null) return; // not ours: socket.io and others handle their own paths
    // A client that goes away mid-check must not crash the process with an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    accept(req, socket, head, segment).catch((err: unknown) => {
      log('collab: upgrade failed', { error: String(err) });
      refuse(socket, refusal(500, 'internal', 'internal error'));
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    async close() {
      if (closing) return;
      closing = true;
      // Sockets still waiting for their doc have sent nothing that was stored: close them now.
      for (const ws of loading) ws.close(COLLAB_CLOSE.goingAway, 'server shutting down');
      await rooms.closeAll(limits.shutdownFlushTimeoutMs);
      for (const c of [...connections]) c.close(COLLAB_CLOSE.goingAway, 'server shutting down');
      server.off('upgrade', onUpgrade);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    docCount: () => rooms.size,
    connectionCount: () => connections.size,
    kick(userId, meetingId) {
      revocations++;
      let n = 0;
      for (const c of [...connections]) {
        if (c.userId !== userId) continue;
        if (meetingId !== undefined && parseDocName(c.docName)?.meetingId !== meetingId) continue;
        c.close(COLLAB_CLOSE.forbidden, 'access revoked while connected');
        n++;
      }
      return n;
    },
    async recheck(userId) {
      revocations++;
      const outcome: RecheckOutcome = { kept: 0, restricted: 0, closed: 0 };
      const mine = [...connections].filter((c) => c.userId === userId);
      for (const r of await Promise.all(mine.map(recheckConnection))) outcome[r]++;
      return outcome;
    },
    endSessions(sessionIds) {
      const ended = new Set(sessionIds);
      let n = 0;
      for (const c of [...connections]) {
        if (c.sessionId === undefined || !ended.has(c.sessionId)) continue;
        c.close(COLLAB_CLOSE.signedOut, 'signed out');
        n++;
      }
      return n;
    },
  };
}
