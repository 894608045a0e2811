// Sends a stored meeting state to the sockets in its room, each as its viewer may see it
// (shared/meeting/viewFor.ts): nobody receives another person's rating or topic vote. Sockets
// of people without a ballot share one broadcast (one encoding); each caster gets their own.
// Other nodes receive the stored state server to server and project it for their sockets.
import { meetingRoom } from '../../shared/protocol.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { castBallot, viewFor } from '../../shared/meeting/viewFor.ts';
import type { MeetingServer } from './meetingChannel.ts';

/** Node to node (Redis adapter's serverSideEmit): the stored state, never sent to a client. */
export interface InterServerEvents {
  'meeting:stored': (meetingId: string, state: MeetingState, serverNow: number) => void;
}

/** Emits to this node's sockets only; synchronous, so states reach each socket in order. */
export function emitStateLocally(io: MeetingServer, meetingId: string, state: MeetingState, serverNow: number): void {
  const room = meetingRoom(meetingId);
  const nsp = io.of('/');
  const casters = [...(nsp.adapter.rooms.get(room) ?? [])].flatMap((id) => {
    const socket = nsp.sockets.get(id);
    return socket && castBallot(state, socket.data.userId) ? [socket] : [];
  });
  io.local
    .to(room)
    .except(casters.map((s) => s.id))
    .emit('meeting:state', { meetingId, state: viewFor(state, null), serverNow });
  for (const s of casters) s.emit('meeting:state', { meetingId, state: viewFor(state, s.data.userId), serverNow });
}

/**
 * Per-viewer broadcast: this node's sockets now, the other nodes' through serverSideEmit
 * (`clustered`: a Redis adapter is or will be attached; the in-memory one has no other nodes).
 */
export function stateBroadcaster(io: MeetingServer, clustered: boolean) {
  io.on('meeting:stored', (meetingId, state, serverNow) => emitStateLocally(io, meetingId, state, serverNow));
  return (meetingId: string, state: MeetingState, serverNow = Date.now()): void => {
    emitStateLocally(io, meetingId, state, serverNow);
    if (clustered) io.serverSideEmit('meeting:stored', meetingId, state, serverNow);
  };
}
