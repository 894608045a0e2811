// The live meeting room: applies commands through the shared reducer, stores every
// change before anyone hears of it, and tells the transport to broadcast.
import type { AttendanceMode } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import { actorOf, allowedActions, isGuest, roleOf } from '../../shared/access/index.ts';
import { apply } from '../../shared/meeting/reducer.ts';
import { broadcastAsDelta, type AppliedStep, type MeetingDelta } from '../../shared/meeting/delta.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { JoinResult } from '../../shared/protocol.ts';
import type { Storage } from '../storage/types.ts';
import { absenteeCommands } from './meetingEnd.ts';
import { authorizeMeeting, requireFacilitatorCandidate } from './meetings.ts';

/**
 * What the room needs from a transport: tell everyone in the meeting what changed, as a delta
 * (the commands, replayed by each client with the shared reducer) or, for commands whose actor
 * stays secret (shared/meeting/delta.ts), as the state itself.
 */
export interface RoomBroadcaster {
  applied(delta: MeetingDelta): void;
  state(meetingId: string, state: MeetingState, serverNow: number): void;
}

/**
 * Rounds of read -> apply -> compare-and-set before a command is refused with `conflict`. Each
 * lost round means another writer (on any node) stored first; a meeting has a handful of
 * people sending commands, so a few rounds always settle it unless storage is misbehaving.
 */
export const COMMAND_SAVE_ATTEMPTS = 8;

export interface RoomOptions {
  now?: () => number;
  /**
   * Pause between reading the state and saving it (tests only, default 0): makes a race with
   * another node's command deterministic. Named setting TEST_COMMAND_SAVE_DELAY_MS (config.ts).
   */
  saveDelayMs?: number;
}

/** Runs after a meeting's end is stored (carry-over of goals); reports its own failures. */
export type MeetingEndedHook = (meetingId: string) => Promise<void>;

export class MeetingRooms {
  /** Per-meeting queue: commands for one meeting apply one at a time, in arrival order. */
  private queues = new Map<string, Promise<unknown>>();
  private endedHooks: MeetingEndedHook[] = [];

  private readonly now: () => number;
  private readonly saveDelayMs: number;

  constructor(
    private storage: Storage,
    private broadcaster: RoomBroadcaster,
    options: RoomOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.saveDelayMs = options.saveDelayMs ?? 0;
  }

  /** Authorizes and returns everything a late joiner needs; records attendance. */
  async join(userId: string, meetingId: string, mode: AttendanceMode, projector: boolean): Promise<Omit<JoinResult, 'presence'>> {
    const { meeting, group, access } = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    if (!projector && !isGuest(roleOf(access))) {
      const current = await this.storage.getMeetingState(meetingId);
      const entry = current?.attendance[userId];
      if (current && current.status !== 'ended' && (!entry || entry.mode !== mode)) {
        // Attendance is a side effect of joining; a refusal here must not block the join.
        await this.command(userId, meetingId, { type: 'attendance.join', mode }).catch(() => undefined);
      }
    }
    const [state, members] = await Promise.all([
      this.storage.getMeetingState(meetingId),
      this.storage.listMembers(meeting.groupId),
    ]);
    if (!state) throw new DomainError('internal', 'Meeting state is missing');
    const fresh = (await this.storage.getMeeting(meetingId)) ?? meeting;
    return {
      meeting: fresh,
      state,
      members,
      you: actorOf(access),
      allowed: allowedActions({ ...access, facilitating: state.facilitatorId === userId }, group, fresh),
      serverNow: this.now(),
    };
  }

  /** The full state for a client that lost track (a version gap), with the clock it was read at. */
  async snapshot(meetingId: string): Promise<{ state: MeetingState; serverNow: number }> {
    const state = await this.storage.getMeetingState(meetingId);
    if (!state) throw new DomainError('not_found', 'No such meeting');
    return { state, serverNow: this.now() };
  }

  /**
   * The user's standing in the meeting now, after a rights change (liveAccess.ts): their role and
   * actions, or null when they may no longer join it.
   */
  async standing(userId: string, meetingId: string): Promise<Pick<JoinResult, 'you' | 'allowed'> | null> {
    let authorized;
    try {
      authorized = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    } catch (e) {
      if (e instanceof DomainError && e.code !== 'internal') return null;
      throw e;
    }
    const { meeting, group, access } = authorized;
    const state = await this.storage.getMeetingState(meetingId);
    return { you: actorOf(access), allowed: allowedActions({ ...access, facilitating: state?.facilitatorId === userId }, group, meeting) };
  }

  /** Registers work to do once a meeting has ended; the end command's ack waits for it. */
  onEnded(hook: MeetingEndedHook): void {
    this.endedHooks.push(hook);
  }

  command(userId: string, meetingId: string, command: MeetingCommand): Promise<{ version: number }> {
    const prev = this.queues.get(meetingId) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => this.applyCommand(userId, meetingId, command));
    this.queues.set(meetingId, run);
    void run.finally(() => {
      if (this.queues.get(meetingId) === run) this.queues.delete(meetingId);
    }).catch(() => undefined);
    return run;
  }

  private async applyCommand(userId: string, meetingId: string, command: MeetingCommand): Promise<{ version: number }> {
    const { group, access } = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    if (command.type === 'facilitator.handoff') await requireFacilitatorCandidate(this.storage, group.id, command.userId, 'userId');
    // The reducer refuses everything after the end, so absentees are recorded just before it,
    // by the same actor, and stored in one state with the end (meetingEnd.ts).
    const members = command.type === 'meeting.end' ? await this.storage.listMembers(group.id) : [];
    // Compare-and-set: the save holds only over the version this command was applied to. If
    // another command (this node or another) stored first, apply again to what it stored.
    for (let attempt = 0; attempt < COMMAND_SAVE_ATTEMPTS; attempt++) {
      const stored = await this.storage.getMeetingState(meetingId);
      if (!stored) throw new DomainError('not_found', 'No such meeting');
      let state = stored;
      const now = this.now();
      const actor = actorOf(access);
      const steps: AppliedStep[] = [...(command.type === 'meeting.end' ? absenteeCommands(stored, members) : []), command].map((c) => ({ command: c, actor }));
      for (const { command: c } of steps) {
        const result = apply(state, c, actor, now);
        if (!result.ok) throw new DomainError(result.error.code, result.error.message);
        state = result.state;
      }
      if (this.saveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.saveDelayMs));
      if (await this.storage.saveMeetingState(meetingId, state, stored.version)) {
        if (broadcastAsDelta(steps)) this.broadcaster.applied({ meetingId, version: state.version, serverNow: now, steps });
        else this.broadcaster.state(meetingId, state, now);
        if (command.type === 'meeting.end') await Promise.allSettled(this.endedHooks.map((hook) => hook(meetingId)));
        return { version: state.version };
      }
    }
    throw new DomainError('conflict', 'The meeting changed at the same time; try again');
  }
}
