// Who may send which meeting command: one table, deny by default (Parabol's permissions.ts).
import type { Role } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import type { MeetingCommandType } from '../meeting/commands.ts';

/** 'coach' | 'member' | 'observer' | 'organiser': the subject's role (roleOf). */
export type ActorRole = Role;

/** The person sending a command, as the service resolved them from the session and group. */
export interface Actor {
  userId: string;
  role: ActorRole;
}

/**
 * - facilitator: runs the room. The current facilitator, plus any coach or organiser,
 *   so a coach can always take the room back from a stuck or absent peer facilitator.
 * - participant: takes part (hands). Coaches, members and organisers; never observers.
 * - attendee: anyone in the room, observers included. Observers are read-only, but they
 *   do sit in the room, and a group whose rule is "what is said here stays here" must
 *   see every listener in attendance, guests most of all.
 */
export type Right = 'facilitator' | 'participant' | 'attendee';

export const COMMAND_RIGHTS: Readonly<Record<MeetingCommandType, Right>> = {
  'meeting.start': 'facilitator',
  'meeting.end': 'facilitator',
  'agenda.next': 'facilitator',
  'agenda.back': 'facilitator',
  'agenda.jump': 'facilitator',
  'agenda.add': 'facilitator',
  'agenda.remove': 'facilitator',
  'agenda.move': 'facilitator',
  'agenda.update': 'facilitator',
  'agenda.rebalance': 'facilitator',
  'agenda.rebalance.undo': 'facilitator',
  'agenda.borrow': 'facilitator',
  'timer.start': 'facilitator',
  'timer.pause': 'facilitator',
  'timer.resume': 'facilitator',
  'timer.extend': 'facilitator',
  'timer.reset': 'facilitator',
  'facilitator.handoff': 'facilitator',
  'hand.clear': 'facilitator',
  'attendance.set': 'facilitator',
  'focus.set': 'facilitator',
  'hand.call': 'facilitator',
  'hotseat.setup': 'facilitator',
  'hotseat.presenters': 'facilitator',
  'hotseat.stage': 'facilitator',
  'wall.show': 'facilitator',
  'wall.hide': 'facilitator',
  'hotseat.round.start': 'facilitator',
  'hotseat.round.next': 'facilitator',
  'hand.raise': 'participant',
  // The speaker may end their own turn; ownerOrFacilitator lets the facilitator do it too.
  'speaker.clear': 'participant',
  'topic.propose': 'participant',
  'topic.vote': 'participant',
  // The proposer, or the facilitator (ownerOrFacilitator).
  'topic.withdraw': 'participant',
  'rating.submit': 'participant',
  'hand.lower': 'participant',
  'attendance.join': 'attendee',
};

/** The right a command type needs, or undefined for a type the table does not know. */
export function rightFor(type: string): Right | undefined {
  return Object.hasOwn(COMMAND_RIGHTS, type) ? COMMAND_RIGHTS[type as MeetingCommandType] : undefined;
}

/** Whether the actor may run the room right now (see Right). facilitatorId: the meeting state's. */
export function hasFacilitatorRight(state: { facilitatorId: string }, actor: Actor): boolean {
  if (actor.role === 'observer') return false;
  return actor.userId === state.facilitatorId || actor.role === 'coach' || actor.role === 'organiser';
}

/** Acting on something of one's own (a turn, a proposal), or running the room. */
export function ownerOrFacilitator(state: { facilitatorId: string }, actor: Actor, ownerId: string | null): boolean {
  return ownerId === actor.userId || hasFacilitatorRight(state, actor);
}

/**
 * Who may write down a hot-seat presenter's commitments: the presenter, or the facilitator on
 * the presenter's behalf (the room dictates while the presenter talks).
 */
export function mayRecordCommitment(state: { facilitatorId: string }, actor: Actor, presenterId: string | null): boolean {
  if (actor.role === 'observer' || presenterId === null) return false;
  return ownerOrFacilitator(state, actor, presenterId);
}

/** null when allowed; otherwise the error to send back. Observers get `forbidden` for any write. */
export function authorizeCommand(state: { facilitatorId: string }, type: string, actor: Actor): ApiError | null {
  const right = rightFor(type);
  if (right === undefined) {
    return { code: 'forbidden', message: `Unknown command "${type}": nobody may send it.` };
  }
  if (right === 'attendee') return null;
  if (actor.role === 'observer') {
    return { code: 'forbidden', message: 'Observers can follow the meeting but not change it.' };
  }
  if (right === 'facilitator' && !hasFacilitatorRight(state, actor)) {
    return { code: 'not_facilitator', message: 'Only the facilitator can do that.' };
  }
  return null;
}
