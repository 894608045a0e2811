// The live meeting as the server last told us, plus sendCommand. The realtime adapter feeds it;
// views read it. The server is authoritative: we replay the commands it stored (deltas) with
// the shared reducer, take its full state on join and after a gap, and never predict.
import type { AttendanceMode, ListedMember, Meeting } from '../../../shared/domain.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { MeetingCommand } from '../../../shared/meeting/commands.ts';
import { followDelta, type MeetingDelta } from '../../../shared/meeting/delta.ts';
import { normalizeState } from '../../../shared/meeting/normalize.ts';
import type { MeetingState } from '../../../shared/meeting/state.ts';
import type { AccessChange, JoinResult, PresenceEntry } from '../../../shared/protocol.ts';
import type { SliceCreator } from './types.ts';

/** Server codes plus the two failures only a client can see. */
export interface ClientError {
  code: ErrorCode | 'offline' | 'timeout';
  message: string;
}
export type CommandAck = { ok: true; version: number } | { ok: false; error: ClientError };

/** What the realtime adapter lends the store so actions can reach the server. */
export interface MeetingTransport {
  send: (command: MeetingCommand) => Promise<CommandAck>;
}

export interface MeetingSlice {
  meetingId: string | null;
  meeting: Meeting | null;
  state: MeetingState | null;
  members: ListedMember[];
  presence: PresenceEntry[];
  you: JoinResult['you'] | null;
  /** The caller's rights in this meeting, as the server computed them (shared/access). */
  allowed: JoinResult['allowed'];
  /** A network event's shared session as the caller attends it (the groups they attend through); null otherwise. */
  sharedSession: JoinResult['sharedSession'];
  /** The network event the meeting is part of, when the caller may open its page; null otherwise. */
  event: JoinResult['event'];
  /** The server took the caller out of this meeting while connected (removed from the group). */
  accessLost: boolean;
  /** serverNow - Date.now(), added to the local clock when computing timers. */
  serverOffset: number;
  joinError: ClientError | null;
  /** Last refused command, shown in a dismissable alert. */
  commandError: ClientError | null;
  transport: MeetingTransport | null;

  enterMeeting: (meetingId: string) => void;
  meetingJoined: (result: JoinResult) => void;
  meetingStateReceived: (meetingId: string, state: MeetingState, serverNow: number) => void;
  /** Follows a broadcast delta; 'resync' means the adapter must fetch the full state (meeting:sync). */
  meetingDeltaReceived: (delta: MeetingDelta) => 'applied' | 'stale' | 'resync';
  presenceReceived: (meetingId: string, presence: PresenceEntry[]) => void;
  /** The server says the caller's rights changed (access:changed): new role and actions, or none. */
  accessChanged: (change: AccessChange) => void;
  setJoinError: (error: ClientError | null) => void;
  setCommandError: (error: ClientError | null) => void;
  setTransport: (transport: MeetingTransport | null) => void;
  /** Sends a command and returns the ack; refusals also land in commandError unless silent. */
  sendCommand: (command: MeetingCommand, opts?: { silent?: boolean }) => Promise<CommandAck>;
  joinAs: (mode: AttendanceMode) => Promise<CommandAck>;
}

const offline: ClientError = { code: 'offline', message: 'Not connected to the meeting. Try again once the badge says Online.' };

export const createMeetingSlice: SliceCreator<MeetingSlice> = (set, get) => ({
  meetingId: null,
  meeting: null,
  state: null,
  members: [],
  presence: [],
  you: null,
  allowed: [],
  sharedSession: null,
  event: null,
  accessLost: false,
  serverOffset: 0,
  joinError: null,
  commandError: null,
  transport: null,

  enterMeeting: (meetingId) => {
    if (get().meetingId === meetingId) return;
    set({ meetingId, meeting: null, state: null, members: [], presence: [], you: null, allowed: [], sharedSession: null, event: null, accessLost: false, joinError: null, commandError: null });
  },

  meetingJoined: (result) => {
    if (result.meeting.id !== get().meetingId) return;
    const held = get().state;
    set({
      meeting: result.meeting,
      // A reconnect can race a broadcast: keep whichever snapshot is newer.
      state: held && held.version > result.state.version ? held : normalizeState(result.state),
      members: result.members,
      presence: result.presence,
      you: result.you,
      allowed: result.allowed,
      sharedSession: result.sharedSession,
      event: result.event,
      serverOffset: result.serverNow - Date.now(),
      joinError: null,
    });
  },

  meetingStateReceived: (meetingId, state, serverNow) => {
    if (meetingId !== get().meetingId) return;
    const held = get().state;
    if (held && state.version < held.version) return; // stale snapshot, arrived late
    const meeting = get().meeting;
    set({
      // States stored before newer fields existed get their defaults (see shared/meeting/normalize.ts).
      state: normalizeState(state),
      serverOffset: serverNow - Date.now(),
      // The meeting record's status follows the live state (scheduled -> live -> ended).
      meeting: meeting && meeting.status !== state.status ? { ...meeting, status: state.status } : meeting,
    });
  },

  meetingDeltaReceived: (delta) => {
    if (delta.meetingId !== get().meetingId) return 'stale';
    const result = followDelta(get().state, delta);
    if (result.kind !== 'applied') return result.kind;
    get().meetingStateReceived(delta.meetingId, result.state, delta.serverNow);
    return 'applied';
  },

  presenceReceived: (meetingId, presence) => {
    if (meetingId === get().meetingId) set({ presence });
  },

  accessChanged: ({ meetingId, you, allowed }) => {
    if (meetingId !== get().meetingId) return;
    // Removed: nothing of the meeting stays on screen.
    if (!you) set({ you: null, allowed: [], accessLost: true, state: null, presence: [], members: [] });
    else set({ you, allowed });
  },

  setJoinError: (joinError) => set({ joinError }),
  setCommandError: (commandError) => set({ commandError }),
  setTransport: (transport) => set({ transport }),

  sendCommand: async (command, opts) => {
    const transport = get().transport;
    const ack: CommandAck = transport ? await transport.send(command) : { ok: false, error: offline };
    if (!ack.ok && !opts?.silent) set({ commandError: ack.error });
    return ack;
  },

  joinAs: (mode) => get().sendCommand({ type: 'attendance.join', mode }, { silent: true }),
});
