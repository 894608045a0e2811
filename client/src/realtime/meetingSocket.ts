// Realtime adapter for one meeting room: owns the socket.io connection, turns server events
// into store actions and lends the store a transport for commands. No React in here.
import { io, type Socket } from 'socket.io-client';
import type { AttendanceMode } from '../../../shared/domain.ts';
import { PROTOCOL_VERSION } from '../../../shared/limits.ts';
import { currentDay, isAdjourned } from '../../../shared/meeting/days.ts';
import type { MeetingState } from '../../../shared/meeting/state.ts';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../../shared/protocol.ts';
import { useStore } from '../store/index.ts';
import type { CommandAck } from '../store/meetingSlice.ts';

/** A command ack slower than this is reported as a timeout instead of leaving the button hanging. */
const COMMAND_ACK_TIMEOUT_MS = 8_000;
/** A join with no answer after this long is retried on a fresh connection. */
const JOIN_ACK_TIMEOUT_MS = 10_000;
/** Pause before reconnecting after the server closed the socket, so a restarting server can come up. */
const SERVER_DISCONNECT_RETRY_MS = 1_000;

export interface MeetingConnectionOptions {
  meetingId: string;
  mode: AttendanceMode;
  /** The wall display: joins without counting as an attendee. */
  projector?: boolean;
}

type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects, joins the room, and keeps it joined across reconnects. Returns the disconnect. */
export function connectMeeting({ meetingId, mode, projector = false }: MeetingConnectionOptions): () => void {
  const store = useStore.getState;
  store().enterMeeting(meetingId);
  store().setConnectionStatus('connecting');

  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  // `meeting` lets a load balancer send everyone in one meeting to the same node (README "Running
  // several nodes"); WebSocket first, so a connection never depends on sticky polling requests.
  const socket: MeetingSocket = io({
    path: '/socket.io',
    withCredentials: true,
    auth,
    query: { meeting: meetingId },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });
  // Only send attendance.join once per (status, mode): a refusal must not loop.
  const attendanceTried = new Set<string>();

  const ensureAttendance = (state: MeetingState) => {
    const you = store().you;
    if (projector || !you || state.status === 'ended') return;
    const entry = state.attendance[you.userId];
    // Each meeting day records its own attendance: someone connected overnight joins day 2 too.
    const day = currentDay(state);
    const run = state.status === 'live' && !isAdjourned(state) ? state.dayRuns[day] : undefined;
    const dayMissing = run !== undefined && run.attendance !== undefined && run.attendance[you.userId] === undefined;
    const key = `${state.status}:${mode}:${run ? day : ''}`;
    if ((entry && entry.joinedAt !== null && entry.mode === mode && !dayMissing) || attendanceTried.has(key)) return;
    attendanceTried.add(key);
    void store().sendCommand({ type: 'attendance.join', mode }, { silent: true });
  };

  // Every (re)connect joins again, so the room's full state is resynced after any drop.
  const join = () => {
    socket.timeout(JOIN_ACK_TIMEOUT_MS).emit('room:join', { meetingId, mode, projector }, (err, res) => {
      if (err) {
        socket.disconnect().connect();
        return;
      }
      if (!res.ok) {
        store().setJoinError(res.error);
        store().setConnectionStatus('offline', res.error.message);
        return;
      }
      store().meetingJoined(res);
      store().setConnectionStatus('online');
      const state = store().state;
      if (state) ensureAttendance(state);
    });
  };

  socket.on('connect', join);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') {
      store().setConnectionStatus('offline');
      return;
    }
    store().setConnectionStatus('reconnecting');
    // socket.io gives up after a server-side disconnect (e.g. a graceful restart); we do not.
    // If the server no longer wants us, the handshake fails and connect_error says why.
    if (reason === 'io server disconnect') retryTimer = setTimeout(() => socket.connect(), SERVER_DISCONNECT_RETRY_MS);
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    if (socket.active) {
      store().setConnectionStatus('reconnecting');
      return;
    }
    // The server refused the handshake itself; retrying would be refused again.
    const message =
      code === 'unauthenticated'
        ? 'Your session has ended. Sign in again to rejoin the meeting.'
        : code === 'protocol_mismatch'
          ? 'This page is out of date. Reload it to rejoin the meeting.'
          : err.message;
    store().setConnectionStatus('offline', message);
  });
  socket.io.on('reconnect_attempt', () => store().setConnectionStatus('reconnecting'));
  socket.io.on('reconnect_failed', () => store().setConnectionStatus('offline'));

  const stateReceived = (id: string, state: MeetingState, serverNow: number) => {
    store().meetingStateReceived(id, state, serverNow);
    if (id === meetingId) ensureAttendance(state);
  };
  // One full-state request at a time: a burst of deltas after a gap asks once. A delta newer
  // than the answer (stored while it was on its way) asks again.
  let syncing = false;
  let seenVersion = 0;
  const resync = () => {
    if (syncing || !socket.connected) return;
    syncing = true;
    socket.timeout(JOIN_ACK_TIMEOUT_MS).emit('meeting:sync', { meetingId }, (err, res) => {
      syncing = false;
      if (err || !res.ok) return; // a reconnect joins again and gets the full state then
      stateReceived(meetingId, res.state, res.serverNow);
      if ((store().state?.version ?? -1) < seenVersion) resync();
    });
  };
  socket.on('meeting:applied', (delta) => {
    if (delta.meetingId === meetingId) seenVersion = Math.max(seenVersion, delta.version);
    const outcome = store().meetingDeltaReceived(delta);
    if (outcome === 'resync') resync();
    else if (outcome === 'applied') ensureAttendance(store().state!);
  });
  socket.on('meeting:state', ({ meetingId: id, state, serverNow }) => stateReceived(id, state, serverNow));
  socket.on('room:presence', ({ meetingId: id, presence }) => store().presenceReceived(id, presence));
  socket.on('peerboard:error', ({ error }) => store().setCommandError(error));
  socket.on('records:changed', ({ meetingId: id, kind }) => id === meetingId && store().recordsChanged(kind));
  socket.on('access:changed', (change) => {
    store().accessChanged(change);
    // Removed from the group: the server already took this socket out of the room; rejoining would be refused.
    if (change.meetingId === meetingId && !change.you) {
      clearTimeout(retryTimer);
      socket.disconnect();
    }
  });

  store().setTransport({
    send: (command) =>
      new Promise<CommandAck>((resolve) => {
        if (!socket.connected) {
          resolve({ ok: false, error: { code: 'offline', message: 'Not connected to the meeting. Try again once the badge says Online.' } });
          return;
        }
        socket.timeout(COMMAND_ACK_TIMEOUT_MS).emit('meeting:command', { meetingId, command }, (err, ack) => {
          resolve(err ? { ok: false, error: { code: 'timeout', message: 'The server did not answer in time. Check the connection and try again.' } } : ack);
        });
      }),
  });

  return () => {
    clearTimeout(retryTimer);
    store().setTransport(null);
    socket.removeAllListeners();
    socket.io.removeAllListeners();
    socket.disconnect();
  };
}
