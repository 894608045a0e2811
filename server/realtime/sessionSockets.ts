// Ending a session closes what it has open: its socket.io sockets (each joins a room named after
// its session, so the Redis adapter reaches them on any node) and its /collab connections (each
// node closes its own, told over the adapter's server-side events). Used by sign out, "sign out
// everywhere", ending one session from the account page, and password changes.
import type { MeetingServer } from './meetingChannel.ts';

/** The room every socket of a session joins at connect. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

export interface SessionSockets {
  /** Closes the sessions' sockets and collab connections on every node; fire and forget. */
  ended(sessionIds: string[]): void;
}

export interface SessionEndedEvents {
  'sessions:ended': (p: { sessionIds: string[] }) => void;
}

/** Does nothing: for an HTTP app started without sockets. */
export const noSessionSockets: SessionSockets = { ended: () => undefined };

export function sessionSockets(
  io: MeetingServer,
  collab: { endSessions(sessionIds: string[]): number },
  /** Other nodes exist (Redis): tell them; the in-memory adapter has no server-side events. */
  clustered: boolean,
): SessionSockets {
  // Another node ended sessions: close our collab connections of them (socket.io's own
  // sockets were reached through the adapter already).
  io.on('sessions:ended', ({ sessionIds }) => {
    if (Array.isArray(sessionIds)) collab.endSessions(sessionIds.filter((id) => typeof id === 'string'));
  });
  return {
    ended(sessionIds) {
      if (sessionIds.length === 0) return;
      io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
      collab.endSessions(sessionIds);
      if (clustered) io.serverSideEmit('sessions:ended', { sessionIds });
    },
  };
}
