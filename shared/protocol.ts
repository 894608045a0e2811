// Typed socket.io event maps for the meeting channel.
import type { ApiError } from './errors.ts';
import type { GroupAction } from './access/index.ts';
import type { Meeting, ListedMember, GroupRole, AttendanceMode } from './domain.ts';
import type { EventRef, SharedSessionView } from './events.ts';
import type { MeetingCommand } from './meeting/commands.ts';
import type { MeetingDelta } from './meeting/delta.ts';
import type { MeetingState } from './meeting/state.ts';

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ApiError };

/** Sent in the socket.io handshake `auth` field. */
export interface HandshakeAuth {
  protocolVersion: number;
}

export interface PresenceEntry {
  userId: string;
  name: string;
  mode: AttendanceMode;
  /** Connections this person has open (two tabs count once in the list). */
  connections: number;
}

export interface JoinPayload {
  meetingId: string;
  mode: AttendanceMode;
  /** The projector view joins without being counted as an attendee. */
  projector?: boolean;
}

export interface JoinResult {
  meeting: Meeting;
  state: MeetingState;
  presence: PresenceEntry[];
  /** As in MeetingDetail. */
  members: ListedMember[];
  you: { userId: string; role: GroupRole | 'organiser' };
  /** Every group action the caller may take now (shared/access), as in MeetingDetail. */
  allowed: GroupAction[];
  /** As in MeetingDetail: a shared session as the caller attends it, else null. */
  sharedSession: SharedSessionView | null;
  /** As in MeetingDetail: the network event the meeting is part of, else null. */
  event: EventRef | null;
  /** Server clock, so clients can correct timers for their own clock skew. */
  serverNow: number;
}

export interface AccessChange {
  meetingId: string;
  you: JoinResult['you'] | null;
  allowed: GroupAction[];
}

export interface CommandPayload {
  meetingId: string;
  command: MeetingCommand;
}

export interface ClientToServerEvents {
  'room:join': (payload: JoinPayload, ack: (res: Ack<JoinResult>) => void) => void;
  'room:leave': (payload: { meetingId: string }, ack: (res: Ack) => void) => void;
  'meeting:command': (payload: CommandPayload, ack: (res: Ack<{ version: number }>) => void) => void;
  /** The full state, for a client that cannot follow the deltas (a version gap). Joined sockets only. */
  'meeting:sync': (payload: { meetingId: string }, ack: (res: Ack<{ state: MeetingState; serverNow: number }>) => void) => void;
}

/** What changed in the group's records; clients refetch that part (records:changed). */
export type RecordsKind = 'goals' | 'figures' | 'resources' | 'updates' | 'parking' | 'next';

export interface ServerToClientEvents {
  /** After most accepted commands: replay `steps` with the shared reducer (shared/meeting/delta.ts followDelta). */
  'meeting:applied': (payload: MeetingDelta) => void;
  /** The full state: after a command whose actor stays secret (rating, topic vote). Replaces what the client holds if newer. */
  'meeting:state': (payload: { meetingId: string; state: MeetingState; serverNow: number }) => void;
  'room:presence': (payload: { meetingId: string; presence: PresenceEntry[] }) => void;
  /** The group's goals, figures or resources changed over HTTP; sent to each of its open meetings. */
  'records:changed': (payload: { meetingId: string; kind: RecordsKind }) => void;
  /**
   * The caller's rights in this meeting changed while connected (removed from the group, role
   * changed, signed out everywhere). `you: null`: no access any more; this socket has already
   * left the meeting's room and gets none of its events. Otherwise the new role and actions
   * (e.g. now an observer: read-only).
   */
  'access:changed': (payload: AccessChange) => void;
  /** For events that carry no ack: unknown event names, malformed frames. */
  'peerboard:error': (payload: { error: ApiError }) => void;
}

export const CLIENT_EVENTS = ['room:join', 'room:leave', 'meeting:command', 'meeting:sync'] as const;

/** Socket.io room name for a meeting. Parsed back with parseMeetingRoom before any lookup. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export function parseMeetingRoom(room: string): string | null {
  const m = /^meeting:([A-Za-z0-9_-]{1,64})$/.exec(room);
  return m ? m[1]! : null;
}
