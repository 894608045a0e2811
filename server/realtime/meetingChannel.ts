// socket.io meeting channel: validate -> authorize (in the service) -> call the room -> ack.
// Rights are resolved once, when a socket joins a meeting (shared/access decides, through
// MeetingRooms.join), and kept with the connection (socket.data.rights); commands use them
// without reading storage. When someone's rights change, live revocation calls
// `access.recheckUser(userId)` (services/liveAccess.ts): every socket of that user on this node
// gets its kept rights replaced by freshly resolved ones, or leaves the meetings it may no
// longer join. That is the one function that refreshes kept rights.
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { AttendanceMode } from '../../shared/domain.ts';
import { DomainError, type ApiError } from '../../shared/errors.ts';
import { LIMITS, PROTOCOL_VERSION } from '../../shared/limits.ts';
import {
  CLIENT_EVENTS,
  meetingRoom,
  parseMeetingRoom,
  type Ack,
  type ClientToServerEvents,
  type PresenceEntry,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';
import { commandPayloadSchema, joinPayloadSchema, leavePayloadSchema, syncPayloadSchema } from '../../shared/protocolSchemas.ts';
import { forgetCookie, signedInFromCookieHeader } from '../auth/sessions.ts';
import type { Logger } from '../log.ts';
import type { CommandOutcome } from '../observability/metrics.ts';
import { sourceStack } from '../sourceStack.ts';
import type { RecordsNotifier } from '../services/recordsNotifier.ts';
import { MeetingRooms, type MeetingRights } from '../services/room.ts';
import type { Storage } from '../storage/types.ts';
import { stateBroadcaster, type InterServerEvents } from './stateBroadcast.ts';
import { sessionRoom, type SessionEndedEvents } from './sessionSockets.ts';
import { TokenBucket } from './tokenBucket.ts';

interface SocketData {
  userId: string;
  /** The session the socket signed in with; its room (sessionRoom) lets that session be ended. */
  sessionId: string;
  name: string;
  /** Meetings this socket joined, with how it attends. Read across nodes by fetchSockets(). */
  meetings: Record<string, { mode: AttendanceMode; projector: boolean }>;
  /** Rights per joined meeting, resolved at join, replaced by recheckUser (this node only). */
  rights: Record<string, MeetingRights>;
}
/** Server-side events between nodes (over the Redis adapter). */
type NodeEvents = InterServerEvents & SessionEndedEvents;
type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
export type MeetingServer = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;

export interface ChannelDeps {
  storage: Storage;
  allowedOrigins: string[];
  log: Logger;
  /** Told each command's outcome and its time here, from arrival to acknowledgement (metrics). */
  onCommand?: (outcome: CommandOutcome, seconds: number) => void;
  /** A Redis adapter is attached (REDIS_URL): states reach the other nodes' sockets through it. */
  clustered?: boolean;
  /** Tests only: see RoomOptions.saveDelayMs. */
  commandSaveDelayMs?: number;
  /** Tests only: the meeting clock (RoomOptions.now), so a test can move through two days. */
  now?: () => number;
}

/** A refusal as the client sees it; anything but a DomainError is logged (loggerFor is called only then). */
function toApiError(e: unknown, loggerFor: () => Logger): ApiError {
  if (e instanceof DomainError) return { code: e.code, message: e.message };
  loggerFor().error('socket handler failed', { err: sourceStack(e) });
  return { code: 'internal', message: 'Something went wrong on our side' };
}

function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new DomainError('bad_request', `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`);
}

/** What live revocation (services/liveAccess.ts) does to this node's meeting sockets. */
export interface ChannelAccess {
  /** Re-checks each meeting the user's sockets joined: out of the room when refused, told either way. */
  recheckUser(userId: string): Promise<void>;
  /** Takes the user's sockets out of every meeting (told first) and disconnects them. */
  kickUser(userId: string): void;
}

export function attachMeetingChannel(
  server: http.Server,
  deps: ChannelDeps,
): { io: MeetingServer; rooms: MeetingRooms; records: RecordsNotifier; access: ChannelAccess } {
  const { storage, log } = deps;
  const io: MeetingServer = new Server(server, {
    maxHttpBufferSize: LIMITS.socketPayloadMaxBytes,
    // /collab upgrades share this HTTP server; engine.io must not end them while a doc loads.
    destroyUpgrade: false,
    // Same-origin app: refuse handshakes from other sites' pages (they would carry our cookie).
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      cb(null, !origin || deps.allowedOrigins.includes(origin));
    },
  });
  // Deltas go to the whole room (they name no ballot); a state never does: each viewer gets
  // their own copy (stateBroadcast.ts).
  const sendState = stateBroadcaster(io, deps.clustered ?? false);
  const rooms = new MeetingRooms(storage, {
    applied: (delta) => io.to(meetingRoom(delta.meetingId)).emit('meeting:applied', delta),
    state: (meetingId, state, serverNow) => sendState(meetingId, state, serverNow),
  }, { saveDelayMs: deps.commandSaveDelayMs, now: deps.now });

  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { protocolVersion?: unknown } | undefined;
    if (auth?.protocolVersion !== PROTOCOL_VERSION) {
      const err = new Error(`Protocol version ${PROTOCOL_VERSION} required; reload the page`) as Error & { data: unknown };
      err.data = { code: 'protocol_mismatch', serverVersion: PROTOCOL_VERSION };
      return next(err);
    }
    try {
      const signedIn = await signedInFromCookieHeader(storage, socket.handshake.headers.cookie);
      if (!signedIn) {
        const err = new Error('Sign in first') as Error & { data: unknown };
        err.data = { code: 'unauthenticated' };
        return next(err);
      }
      const { user, session } = signedIn;
      forgetCookie(socket.request);
      socket.data = { userId: user.id, sessionId: session.id, name: user.name, meetings: {}, rights: {} };
      next();
    } catch (e) {
      next(e as Error);
    }
  });

  /**
   * Who is in the meeting. Cluster-wide asks every node over Redis (it waits for them, up to the
   * adapter's timeout while Redis is down); local is this node's sockets only, at once. With
   * routing by meeting (README "Running several nodes") one node holds the whole meeting.
   */
  const presenceOf = async (meetingId: string, scope: 'cluster' | 'local' = 'cluster'): Promise<PresenceEntry[]> => {
    const sockets = await (scope === 'local' ? io.local : io).in(meetingRoom(meetingId)).fetchSockets();
    const byUser = new Map<string, PresenceEntry>();
    for (const s of sockets) {
      const m = s.data.meetings?.[meetingId];
      if (!m || m.projector) continue;
      const e = byUser.get(s.data.userId);
      if (e) e.connections++;
      else byUser.set(s.data.userId, { userId: s.data.userId, name: s.data.name, mode: m.mode, connections: 1 });
    }
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  const announcePresence = async (meetingId: string) => {
    io.to(meetingRoom(meetingId)).emit('room:presence', { meetingId, presence: await presenceOf(meetingId) });
  };
  /** Announces in the background: a slow or paused Redis must not hold up a join or leave. */
  const announceLater = (meetingId: string) =>
    void announcePresence(meetingId).catch((e: unknown) => log.warn('presence not announced', { meetingId, err: String(e) }));

  /** Counts rights changes: a join authorized before one of them is re-checked once in the room. */
  let revocations = 0;
  const leaveMeeting = async (socket: MeetingSocket, meetingId: string) => {
    const { [meetingId]: _left, ...rest } = socket.data.meetings;
    const { [meetingId]: _rights, ...otherRights } = socket.data.rights;
    socket.data.meetings = rest;
    socket.data.rights = otherRights;
    await socket.leave(meetingRoom(meetingId));
    announceLater(meetingId);
  };
  /** Re-checks every meeting this socket is in; a refused one is left before the socket is told. */
  const recheckSocket = async (socket: MeetingSocket) => {
    for (const meetingId of [...socket.rooms].map(parseMeetingRoom).filter((id): id is string => id !== null)) {
      const standing = await rooms.standing(socket.data.userId, meetingId);
      if (!standing) await leaveMeeting(socket, meetingId);
      else if (socket.data.rights[meetingId]) socket.data.rights = { ...socket.data.rights, [meetingId]: standing.rights };
      socket.emit('access:changed', { meetingId, you: standing?.you ?? null, allowed: standing?.allowed ?? [] });
    }
  };
  const localSocketsOf = (userId: string) => [...io.of('/').sockets.values()].filter((s) => s.data.userId === userId);
  const access: ChannelAccess = {
    async recheckUser(userId) {
      revocations++;
      await Promise.all(localSocketsOf(userId).map(recheckSocket));
    },
    kickUser(userId) {
      revocations++;
      for (const socket of localSocketsOf(userId)) {
        socket.data.rights = {};
        for (const meetingId of [...socket.rooms].map(parseMeetingRoom).filter((id): id is string => id !== null)) {
          void socket.leave(meetingRoom(meetingId));
          socket.emit('access:changed', { meetingId, you: null, allowed: [] });
          announceLater(meetingId);
        }
        socket.disconnect(true);
      }
    },
  };

  // Handlers are made once per server and shared by every socket (a listener gets its socket as `this`): per
  // socket closures were most of what a connection held beyond socket.io's own objects.
  /** Each socket's rate limit for the messages it sends. */
  const buckets = new WeakMap<MeetingSocket, TokenBucket>();
  /** Every line about a socket carries its id and user, like a request id. */
  const fieldsOf = (socket: MeetingSocket) => ({ socketId: socket.id, userId: socket.data.userId });

  /** Runs a handler and always acks: a throw becomes {ok:false,error}, never a crash. */
  const handle = <T extends object>(
    socket: MeetingSocket,
    ack: unknown,
    fn: () => Promise<T>,
    onOutcome?: (o: CommandOutcome, seconds: number) => void,
  ) => {
    const received = performance.now();
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => undefined;
    const answer = (outcome: CommandOutcome, r: Ack<T>) => {
      reply(r);
      onOutcome?.(outcome, (performance.now() - received) / 1000);
    };
    if (!buckets.get(socket)?.take()) return answer('rate_limited', { ok: false, error: { code: 'rate_limited', message: 'Too many messages; slow down' } });
    fn().then(
      (res) => answer('ok', { ok: true, ...res }),
      (e) => answer('refused', { ok: false, error: toApiError(e, () => log.child(fieldsOf(socket))) }),
    );
  };

  function onJoin(socket: MeetingSocket, payload: unknown, ack: unknown) {
    handle(socket, ack, async () => {
      const p = parse(joinPayloadSchema, payload);
      const revocationsBefore = revocations;
      const { result: joined, rights } = await rooms.join(socket.data.userId, p.meetingId, p.mode, p.projector ?? false);
      socket.data.meetings = { ...socket.data.meetings, [p.meetingId]: { mode: p.mode, projector: p.projector ?? false } };
      socket.data.rights = { ...socket.data.rights, [p.meetingId]: rights };
      await socket.join(meetingRoom(p.meetingId));
      // Rights changed while this join was authorized: check again now that the socket is in.
      if (revocations !== revocationsBefore) void recheckSocket(socket).catch(() => undefined);
      announceLater(p.meetingId);
      return { ...joined, presence: await presenceOf(p.meetingId, 'local') };
    });
  }

  function onLeave(socket: MeetingSocket, payload: unknown, ack: unknown) {
    handle(socket, ack, async () => {
      const p = parse(leavePayloadSchema, payload);
      await leaveMeeting(socket, p.meetingId);
      return {};
    });
  }

  function onCommand(socket: MeetingSocket, payload: unknown, ack: unknown) {
    handle(socket, ack, async () => {
      const p = parse(commandPayloadSchema, payload);
      const rights = socket.data.rights[p.meetingId];
      if (!rights) throw new DomainError('forbidden', 'Join the meeting first');
      return rooms.command(rights, p.meetingId, p.command);
    }, deps.onCommand);
  }

  function onSync(socket: MeetingSocket, payload: unknown, ack: unknown) {
    handle(socket, ack, async () => {
      const p = parse(syncPayloadSchema, payload);
      if (!socket.data.rights[p.meetingId]) throw new DomainError('forbidden', 'Join the meeting first');
      return rooms.snapshot(socket.data.userId, p.meetingId);
    });
  }

  function onDisconnecting(this: MeetingSocket) {
    const left = [...this.rooms].map(parseMeetingRoom).filter((id): id is string => id !== null);
    // After the socket has left its rooms, tell the others who is still here.
    setImmediate(() => left.forEach(announceLater));
  }

  function onDisconnect(this: MeetingSocket, reason: string) {
    log.debug('socket disconnected', { ...fieldsOf(this), reason });
  }

  /** The client's events, by name (CLIENT_EVENTS). */
  const handlers: Record<(typeof CLIENT_EVENTS)[number], (socket: MeetingSocket, payload: unknown, ack: unknown) => void> = {
    'room:join': onJoin,
    'room:leave': onLeave,
    'meeting:command': onCommand,
    'meeting:sync': onSync,
  };
  /**
   * Every event a client sends arrives here (socket.onAny) and goes to its handler; an unknown
   * one is answered. One listener instead of one per event: each event name registered with
   * socket.on grew every socket's listener table (about 450 bytes per socket for four names).
   */
  function onClientEvent(this: MeetingSocket, event: string, ...args: unknown[]) {
    const handler = Object.hasOwn(handlers, event) ? handlers[event as keyof typeof handlers] : undefined;
    if (handler) return handler(this, args[0], args[1]);
    const error = { code: 'unknown_event', message: `Unknown event: ${String(event).slice(0, 64)}` } as const;
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack({ ok: false, error });
    else this.emit('peerboard:error', { error });
  }

  io.on('connection', (socket: MeetingSocket) => {
    buckets.set(socket, new TokenBucket(LIMITS.commandsPerSecond, LIMITS.commandsPerSecond));
    void socket.join(sessionRoom(socket.data.sessionId));
    log.debug('socket connected', fieldsOf(socket));
    socket.on('disconnect', onDisconnect);
    socket.on('disconnecting', onDisconnecting);
    socket.onAny(onClientEvent);
  });

  // Goals and figures are read during the meeting (goal review, financial review): every open
  // meeting of the group hears that they changed and refetches. Ended meetings have no room.
  const records: RecordsNotifier = {
    changed: (groupId, kind) => {
      storage
        .listMeetings(groupId)
        .then((meetings) => {
          for (const m of meetings) {
            if (m.status !== 'ended') io.to(meetingRoom(m.id)).emit('records:changed', { meetingId: m.id, kind });
          }
        })
        .catch((e: unknown) => log.warn('records:changed not sent', { groupId, err: String(e) }));
    },
  };

  return { io, rooms, records, access };
}
