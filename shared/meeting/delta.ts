// Small messages: after a command is stored the server broadcasts the command(s) it applied,
// the new version and the clock it used, and every client replays them with the same pure
// reducer. A client that cannot (a version gap, an unknown state) asks for the full state.
import type { Actor } from '../access/index.ts';
import type { MeetingCommand, MeetingCommandType } from './commands.ts';
import { apply } from './reducer.ts';
import type { MeetingState } from './state.ts';

/** One command as the server applied it: with the actor the reducer saw. */
export interface AppliedStep {
  command: MeetingCommand;
  actor: Actor;
}

/**
 * What the server broadcasts after storing a command (`meeting:applied`). `steps` took the
 * state from `version - steps.length` to `version`, each applied at `serverNow` (the exact
 * clock the reducer was given: replaying with it is deterministic). Usually one step;
 * `meeting.end` is preceded by the absentee records it adds.
 */
export interface MeetingDelta {
  meetingId: string;
  version: number;
  serverNow: number;
  steps: AppliedStep[];
}

/**
 * Commands whose actor must not be told to the others (who rated what, who voted for which
 * topic): they are never broadcast as a delta; the server sends the state instead, through
 * the per-viewer path that hides it. A delta would name the actor.
 */
export const SECRET_ACTOR_COMMANDS: ReadonlySet<MeetingCommandType> = new Set<MeetingCommandType>(['rating.submit', 'topic.vote']);

/** Whether these steps may be broadcast as a delta (otherwise: as state). */
export const broadcastAsDelta = (steps: readonly AppliedStep[]): boolean => steps.every((s) => !SECRET_ACTOR_COMMANDS.has(s.command.type));

export type FollowResult =
  | { kind: 'applied'; state: MeetingState }
  /** Already have this version or a newer one (a late or duplicate message): keep what we hold. */
  | { kind: 'stale' }
  /** Cannot follow (no state yet, a missed version, or a replay that disagrees): fetch the full state. */
  | { kind: 'resync' };

/** A client's step: follow one delta from the state it holds. Pure. */
export function followDelta(held: MeetingState | null, delta: MeetingDelta): FollowResult {
  const base = delta.version - delta.steps.length;
  if (held && held.version >= delta.version) return { kind: 'stale' };
  if (!held || held.version !== base || held.meetingId !== delta.meetingId) return { kind: 'resync' };
  let state = held;
  for (const step of delta.steps) {
    const result = apply(state, step.command, step.actor, delta.serverNow);
    if (!result.ok) return { kind: 'resync' };
    state = result.state;
  }
  return state.version === delta.version ? { kind: 'applied', state } : { kind: 'resync' };
}
