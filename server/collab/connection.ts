// One accepted WebSocket on a doc: rate limit, strict decoding, dispatch to the room, keepalive.
// Anything wrong with a frame closes only this socket, with a code that says why
// (see the table in index.ts); nothing a client sends can throw past this file.
import type { RawData, WebSocket } from 'ws';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import type { CollabLog, RoomClient } from './docRoom.ts';
import type { DocEndpoint } from './filteredView.ts';
import type { CollabLimits } from './limits.ts';
import { decodeClientMessage, ProtocolError, type ClientMessage } from './messages.ts';

/** Close reasons are limited to 123 bytes by RFC 6455. */
const reasonText = (reason: string): string => Buffer.from(reason).subarray(0, 123).toString().replace(/\uFFFD+$/, '');

/** Token bucket: `rate` tokens per second, at most `burst` saved up. */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function toBytes(data: RawData): Uint8Array {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  // A plain Uint8Array view: its slice() copies (Buffer#slice would not).
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export type RefusedReason = 'rate_limited' | 'awareness_not_owned' | 'malformed' | 'too_big';

export interface ConnectionInfo {
  userId: string;
  /** The session the connection signed in with (ended sessions are closed with 4401). */
  sessionId?: string;
  docName: string;
  readOnly: boolean;
  /** Synced with the doc's filtered view (observers outside the room), not the doc. */
  filtered: boolean;
}

export class Connection implements RoomClient {
  readonly userId: string;
  readonly sessionId: string | undefined;
  readonly docName: string;
  readonly filtered: boolean;
  /** Made read-only while connected (became an observer): later updates are dropped. */
  private restricted = false;
  private closed = false;
  private alive = true;
  /** Messages this client originates (echoes excluded). */
  private readonly bucket: TokenBucket;
  /** Every frame, before decoding: a cheap guard against floods of any kind. */
  private readonly frames: TokenBucket;
  private lastRefusalLog = -Infinity;
  private refusedSinceLog = 0;
  private readonly pingTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: DocEndpoint,
    info: ConnectionInfo,
    private readonly limits: CollabLimits,
    private readonly log: CollabLog,
    private readonly onGone: (c: Connection) => void,
    private readonly onRefused: (reason: RefusedReason) => void = () => {},
  ) {
    this.userId = info.userId;
    this.sessionId = info.sessionId;
    this.filtered = info.filtered;
    this.restricted = info.readOnly;
    this.docName = info.docName;
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.frames = new TokenBucket(limits.framesPerSecond, limits.frameBurst);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.gone());
    // Protocol errors (e.g. over maxPayload: ws closes with 1009 itself) arrive here; without a
    // listener they would be thrown.
    ws.on('error', (err) => {
      if ((err as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.onRefused('too_big');
      this.log('collab: socket error', { doc: this.docName, error: String(err) });
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    this.pingTimer = setInterval(() => {
      if (!this.alive) {
        ws.terminate();
        return;
      }
      this.alive = false;
      ws.ping();
    }, limits.pingIntervalMs);
    this.pingTimer.unref();
    room.join(this);
  }

  /** Observers' updates are dropped, never stored or relayed (docRoom.ts). */
  get readOnly(): boolean {
    return this.restricted;
  }

  /** Access narrowed to reading (live revocation): from now on every update of this client is dropped. */
  restrict(): void {
    this.restricted = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxSendBufferBytes) {
      this.close(COLLAB_CLOSE.tryAgainLater, 'client reads too slowly');
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.gone();
    this.ws.close(code, reasonText(reason));
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    this.room.leave(this);
    this.onGone(this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.frames.take()) return this.refuseFlood();
    if (!isBinary) {
      this.close(COLLAB_CLOSE.unsupportedData, 'text frames are not supported');
      return;
    }
    try {
      const msg = decodeClientMessage(toBytes(data));
      // Limits count what this client originates; re-sent awareness of others (echoes) is free.
      const echo = msg.type === 'awareness' && this.room.isAwarenessEcho(this, msg.clients);
      if (!echo && !this.bucket.take()) return this.refuseFlood();
      if (!echo) this.handle(msg);
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.onRefused('malformed');
        this.log('collab: refused a malformed message', { doc: this.docName, userId: this.userId, reason: err.message });
        this.close(err.code, err.message);
      } else {
        this.log('collab: error handling a message', { doc: this.docName, error: String(err) });
        this.close(COLLAB_CLOSE.internalError, 'internal error');
      }
    }
  }

  private refuseFlood(): void {
    this.onRefused('rate_limited');
    this.log('collab: rate limit exceeded', { doc: this.docName, userId: this.userId });
    this.close(COLLAB_CLOSE.policyViolation, 'too many messages');
  }

  /** Logs a refusal at most once per refusalLogIntervalMs, saying how many were refused meanwhile. */
  private logRefusal(msg: string): void {
    this.refusedSinceLog++;
    const now = performance.now();
    if (now - this.lastRefusalLog < this.limits.refusalLogIntervalMs) return;
    this.log(msg, { doc: this.docName, userId: this.userId, refused: this.refusedSinceLog });
    this.lastRefusalLog = now;
    this.refusedSinceLog = 0;
  }

  private handle(msg: ClientMessage): void {
    switch (msg.type) {
      case 'syncStep1':
        this.room.answerSyncStep1(this, msg.stateVector);
        return;
      case 'syncStep2':
      case 'update': {
        const outcome = this.room.receiveUpdate(this, msg.update, msg.type === 'syncStep2');
        if (outcome === 'overflow') this.close(COLLAB_CLOSE.tryAgainLater, 'storage is behind; reconnect later');
        return;
      }
      case 'awareness':
        if (this.room.receiveAwareness(this, msg.update, msg.clients) === 'refused') {
          this.onRefused('awareness_not_owned');
          this.logRefusal('collab: refused awareness for client ids this connection does not control');
        }
        return;
      case 'queryAwareness':
        this.send(this.room.encodeAllAwareness());
        return;
    }
  }
}
