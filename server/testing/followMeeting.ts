// Test clients follow the meeting the way the app does (shared/meeting/delta.ts): deltas are
// replayed with the shared reducer, a gap asks for the full state. Each state reached is handed
// to the socket's own 'meeting:state' listeners, so a test waits for "a state where ..." whether
// the server sent a delta or the state itself.
import { followDelta } from '../../shared/meeting/delta.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { ClientSocket } from './harness.ts';

type StateListener = (p: { meetingId: string; state: MeetingState; serverNow: number }) => void;

export function followMeetings(socket: ClientSocket): void {
  const held = new Map<string, MeetingState>();
  const deliver = (meetingId: string, state: MeetingState, serverNow: number) => {
    for (const fn of socket.listeners('meeting:state') as StateListener[]) fn({ meetingId, state, serverNow });
  };
  // The join answer carries the state to follow from, as in the app.
  const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => ClientSocket;
  (socket as unknown as { emit: typeof emit }).emit = (event, ...args) => {
    const ack = args.at(-1);
    if (event === 'room:join' && typeof ack === 'function') {
      args[args.length - 1] = (res: { ok: boolean; meeting?: { id: string }; state?: MeetingState }) => {
        if (res.ok && res.meeting && res.state) keep(res.meeting.id, res.state);
        (ack as (r: unknown) => void)(res);
      };
    }
    return emit(event, ...args);
  };
  const keep = (meetingId: string, state: MeetingState) => {
    const prev = held.get(meetingId);
    if (!prev || prev.version <= state.version) held.set(meetingId, state);
  };
  socket.on('meeting:state', ({ meetingId, state }) => keep(meetingId, state));
  socket.on('meeting:applied', (delta) => {
    const result = followDelta(held.get(delta.meetingId) ?? null, delta);
    if (result.kind === 'applied') return deliver(delta.meetingId, result.state, delta.serverNow);
    if (result.kind === 'stale') return;
    socket.emit('meeting:sync', { meetingId: delta.meetingId }, (res) => {
      if (res.ok) deliver(delta.meetingId, res.state, res.serverNow);
    });
  });
}
