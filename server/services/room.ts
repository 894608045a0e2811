// The live meeting room: applies commands through the shared reducer, stores every
// change before anyone hears of it, and tells the transport to broadcast.
// The node keeps each active meeting's state in memory and writes it by compare-and-set on the
// version (a GroupCommit commits the writes of many rooms together); another node's write
// shows up as a lost compare-and-set, and the command is applied again to the stored state.
// Rights come from the caller (resolved once when a socket joins: resolveRights); a command is
// acknowledged and broadcast only after its write committed. On SQLite the usual command on a
// quiet meeting is applied, committed and broadcast within the turn it arrived in (commandNow).
import type { AttendanceMode } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import { actorOf, allowedActions, checkAgendaKind, isGuest, roleOf } from '../../shared/access/index.ts';
import { apply } from '../../shared/meeting/reducer.ts';
import { broadcastAsDelta, type AppliedStep, type MeetingDelta } from '../../shared/meeting/delta.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { viewFor } from '../../shared/meeting/viewFor.ts';
import type { JoinResult } from '../../shared/protocol.ts';
import type { Access } from '../auth/policy.ts';
import type { MeetingStateSave, Storage } from '../storage/types.ts';
import { GroupCommit } from '../storage/groupCommit.ts';
import { absenteeCommands } from './meetingEnd.ts';
import { authorizeMeeting, requireFacilitatorCandidate } from './meetings.ts';
import { eventOfMeetingFor } from './meetingEvents.ts';
import { membersAsSeenBy, sharedSessionView } from './sharedSessions.ts';
import { wallShowCommand } from './wallFile.ts';

/**
 * What the room needs from a transport: tell everyone in the meeting what changed, as a delta
 * (the commands, replayed by each client with the shared reducer) or, for commands whose actor
 * stays secret (shared/meeting/delta.ts), as the state itself: the stored one, which the
 * transport sends each viewer as viewFor(state, viewer) only.
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

/**
 * Meeting states kept in memory per node. A state is a few KB; a node carrying more live
 * meetings than this reads the least recently used ones back from storage when they act.
 */
export const MEETING_STATE_CACHE_MAX = 2_000;

/** What a connection may do in one meeting: resolved when it joins (shared/access decides), kept with it. */
export interface MeetingRights {
  meetingId: string;
  groupId: string;
  access: Access;
}

/** Runs after a meeting's end is stored (carry-over of goals); reports its own failures. */
export type MeetingEndedHook = (meetingId: string) => Promise<void>;

export class MeetingRooms {
  /** Per-meeting queue: commands for one meeting apply one at a time, in arrival order. */
  private queues = new Map<string, Promise<unknown>>();
  private endedHooks: MeetingEndedHook[] = [];
  /** Last committed state per meeting, least recently used first (Map order). */
  private states = new Map<string, MeetingState>();
  private readonly writer: GroupCommit<MeetingStateSave, boolean>;

  private readonly now: () => number;
  private readonly saveDelayMs: number;

  constructor(
    private storage: Storage,
    private broadcaster: RoomBroadcaster,
    options: RoomOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.saveDelayMs = options.saveDelayMs ?? 0;
    this.writer = new GroupCommit(
      (saves) => storage.saveMeetingStates(saves),
      // Looked up per write, like the line above: a test may replace either method.
      storage.saveMeetingStatesNow ? (saves) => storage.saveMeetingStatesNow?.(saves) ?? null : undefined,
    );
  }

  /** Resolves a user's rights in a meeting (the group's meeting.join rule); strangers get not_found. */
  async resolveRights(userId: string, meetingId: string): Promise<MeetingRights> {
    const { meeting, access } = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    return { meetingId, groupId: meeting.groupId, access };
  }

  /** Authorizes and returns everything a late joiner needs, and the rights to keep with the connection; records attendance. */
  async join(userId: string, meetingId: string, mode: AttendanceMode, projector: boolean): Promise<{ result: Omit<JoinResult, 'presence'>; rights: MeetingRights }> {
    const { meeting, group, access } = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    const rights: MeetingRights = { meetingId, groupId: meeting.groupId, access };
    // A joiner gets the stored state, not this node's copy: another node may have written since.
    let state = await this.load(meetingId);
    if (!projector && !isGuest(roleOf(access))) {
      const entry = state.attendance[userId];
      if (state.status !== 'ended' && (!entry || entry.mode !== mode)) {
        // Attendance is a side effect of joining; a refusal here must not block the join.
        await this.command(rights, meetingId, { type: 'attendance.join', mode }).catch(() => undefined);
        state = this.states.get(meetingId) ?? state;
      }
    }
    const [members, fresh, sharedSession, event] = await Promise.all([
      membersAsSeenBy(this.storage, access, group),
      this.storage.getMeeting(meetingId),
      sharedSessionView(this.storage, userId, meeting, access),
      eventOfMeetingFor(this.storage, userId, meetingId),
    ]);
    const current = fresh ?? meeting;
    return {
      result: {
        meeting: current,
        state: viewFor(state, userId),
        members,
        you: actorOf(access),
        allowed: allowedActions({ ...access, facilitating: state.facilitatorId === userId }, group, current),
        sharedSession,
        event,
        serverNow: this.now(),
      },
      rights,
    };
  }

  /** The viewer's copy of the state for a client that lost track (a version gap), read from storage (another node may have written). */
  async snapshot(userId: string, meetingId: string): Promise<{ state: MeetingState; serverNow: number }> {
    return { state: viewFor(await this.load(meetingId), userId), serverNow: this.now() };
  }

  /**
   * The user's standing in the meeting now, after a rights change (liveAccess.ts): their role and
   * actions, or null when they may no longer join it.
   */
  async standing(userId: string, meetingId: string): Promise<(Pick<JoinResult, 'you' | 'allowed'> & { rights: MeetingRights }) | null> {
    let authorized;
    try {
      authorized = await authorizeMeeting(this.storage, userId, meetingId, 'meeting.join');
    } catch (e) {
      if (e instanceof DomainError && e.code !== 'internal') return null;
      throw e;
    }
    const { meeting, group, access } = authorized;
    const state = this.states.get(meetingId) ?? (await this.storage.getMeetingState(meetingId));
    return {
      you: actorOf(access),
      allowed: allowedActions({ ...access, facilitating: state?.facilitatorId === userId }, group, meeting),
      rights: { meetingId, groupId: meeting.groupId, access },
    };
  }

  /** Registers work to do once a meeting has ended; the end command's ack waits for it. */
  onEnded(hook: MeetingEndedHook): void {
    this.endedHooks.push(hook);
  }

  /**
   * Applies a command for someone whose rights the caller resolved (resolveRights, kept with the
   * connection); a user id resolves them here (tests, scripts).
   */
  command(who: MeetingRights | string, meetingId: string, command: MeetingCommand): Promise<{ version: number }> {
    if (typeof who !== 'string' && !this.queues.has(meetingId)) {
      const done = this.commandNow(who, meetingId, command);
      if (done) return done;
    }
    const prev = this.queues.get(meetingId) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(async () => {
      const rights = typeof who === 'string' ? await this.resolveRights(who, meetingId) : who;
      if (rights.meetingId !== meetingId) throw new DomainError('forbidden', 'Join the meeting first');
      return this.applyCommand(rights, command);
    });
    this.queues.set(meetingId, run);
    void run.finally(() => {
      if (this.queues.get(meetingId) === run) this.queues.delete(meetingId);
    }).catch(() => undefined);
    return run;
  }

  /**
   * The usual command on a quiet meeting, within the turn it arrived in, as a relay would answer
   * it: nothing of this meeting queued, its state in this node's memory, nothing to read first
   * (READS_BEFORE_APPLY), and storage able to commit at once (SQLite, its connection free). The
   * order is the same as the queued path's: applied, stored, then broadcast and acknowledged.
   * null when any of that does not hold and nothing was stored: the queued path runs it then.
   */
  private commandNow({ meetingId: joined, access }: MeetingRights, meetingId: string, command: MeetingCommand): Promise<{ version: number }> | null {
    const base = this.states.get(meetingId);
    if (joined !== meetingId || !base || !this.writer.mayCommitNow || this.saveDelayMs > 0 || READS_BEFORE_APPLY.has(command.type)) return null;
    try {
      checkKind(command, access);
      const now = this.now();
      const steps: AppliedStep[] = [{ command, actor: actorOf(access) }];
      const applied = applySteps(base, steps, now);
      // Refused over this node's copy: the queued path checks it against the stored state.
      if (applied instanceof DomainError) return null;
      const saved = this.writer.tryNow(saveOf(base, applied));
      if (!saved) return null;
      if (!saved.result) {
        // Another node stored first: the queued path applies it again over what it stored.
        this.states.delete(meetingId);
        return null;
      }
      this.committed(applied, steps, now);
      return Promise.resolve({ version: applied.version });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private async applyCommand({ meetingId, groupId, access }: MeetingRights, sent: MeetingCommand): Promise<{ version: number }> {
    if (sent.type === 'facilitator.handoff') await requireFacilitatorCandidate(this.storage, groupId, sent.userId, 'userId');
    checkKind(sent, access);
    // The file is checked and described from storage; the client's title and media are not trusted.
    const command = sent.type === 'wall.show' ? await wallShowCommand(this.storage, groupId, sent) : sent;
    // The reducer refuses everything after the end, so absentees are recorded just before it,
    // by the same actor, and stored in one state with the end (meetingEnd.ts).
    const members = command.type === 'meeting.end' ? await this.storage.listMembers(groupId) : [];
    const actor = actorOf(access);
    let base = this.states.get(meetingId) ?? (await this.load(meetingId));
    let fromStorage = !this.states.has(meetingId);
    // Compare-and-set: the save holds only over the version this command was applied to. If
    // another command (another node) stored first, apply again to what it stored.
    for (let attempt = 0; attempt < COMMAND_SAVE_ATTEMPTS; attempt++) {
      const now = this.now();
      const steps: AppliedStep[] = [...(command.type === 'meeting.end' ? absenteeCommands(base, members) : []), command].map((c) => ({ command: c, actor }));
      const applied = applySteps(base, steps, now);
      if (applied instanceof DomainError) {
        // Refused over this node's copy: make sure it is not refused for being out of date.
        if (fromStorage) throw applied;
        base = await this.load(meetingId);
        fromStorage = true;
        continue;
      }
      if (this.saveDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.saveDelayMs));
      if (await this.writer.add(saveOf(base, applied))) {
        this.committed(applied, steps, now);
        if (command.type === 'meeting.end') await Promise.allSettled(this.endedHooks.map((hook) => hook(meetingId)));
        return { version: applied.version };
      }
      base = await this.load(meetingId);
      fromStorage = true;
    }
    throw new DomainError('conflict', 'The meeting changed at the same time; try again');
  }

  /** After the write committed: this node's copy, then everyone in the meeting hears of it. */
  private committed(state: MeetingState, steps: AppliedStep[], serverNow: number): void {
    this.remember(state);
    if (broadcastAsDelta(steps)) this.broadcaster.applied({ meetingId: state.meetingId, version: state.version, serverNow, steps });
    else this.broadcaster.state(state.meetingId, state, serverNow);
  }

  /** Reads the stored state and keeps it as this node's copy. */
  private async load(meetingId: string): Promise<MeetingState> {
    const stored = await this.storage.getMeetingState(meetingId);
    if (!stored) throw new DomainError('not_found', 'No such meeting');
    this.remember(stored);
    return stored;
  }

  private remember(state: MeetingState): void {
    this.states.delete(state.meetingId);
    // An ended meeting takes no more commands: nothing to keep.
    if (state.status === 'ended') return;
    this.states.set(state.meetingId, state);
    if (this.states.size > MEETING_STATE_CACHE_MAX) this.states.delete(this.states.keys().next().value!);
  }
}

/**
 * Commands the room reads storage for before it applies them (a hand-off's candidate, the wall
 * file, the end's absentees): never run within the turn they arrived in (commandNow).
 */
const READS_BEFORE_APPLY: ReadonlySet<MeetingCommand['type']> = new Set(['facilitator.handoff', 'wall.show', 'meeting.end']);

/**
 * An item the group's meetings cannot hold (a shared session's financial review or goals) is
 * refused whoever sends it, as the records it would run on are (shared/access agendaKinds).
 */
function checkKind(sent: MeetingCommand, access: Access): void {
  const kindRefused = sent.type === 'agenda.add' ? checkAgendaKind(sent.item.kind, access) : null;
  if (kindRefused) throw new DomainError(kindRefused.code, kindRefused.message);
}

/** The state after every step, or the first step's refusal. */
function applySteps(base: MeetingState, steps: readonly AppliedStep[], now: number): MeetingState | DomainError {
  let state = base;
  for (const { command, actor } of steps) {
    const result = apply(state, command, actor, now);
    if (!result.ok) return new DomainError(result.error.code, result.error.message);
    state = result.state;
  }
  return state;
}

/** The compare-and-set of a state applied over base. */
function saveOf(base: MeetingState, state: MeetingState): MeetingStateSave {
  return { meetingId: state.meetingId, state, expectedVersion: base.version, previousStatus: base.status };
}
