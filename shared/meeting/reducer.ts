// The meeting as a pure reducer: apply(state, command, actor, now) -> new state + events, or
// an error. No I/O, no clock, no randomness: the server is authoritative, clients may replay.
import type { AgendaItem, AttendanceStatus } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import type { MeetingCommand, MeetingCommandType } from './commands.ts';
import { authorizeCommand, type Actor } from '../access/index.ts';
import type { AttendanceEntry, MeetingState } from './state.ts';

export type { Actor } from '../access/index.ts';
import { isRunning, pauseTimer, resumeTimer, runningTimer, timeOnCurrentVisit } from './timer.ts';
import * as peer from './hotseat.ts';
import * as turns from './hotseatTurns.ts';
import { resolveProtocol, type HotSeatProtocol } from './hotseatProtocol.ts';
import { normalizeState } from './normalize.ts';
import * as schedule from './schedule.ts';
import * as editing from './agendaEditing.ts';
import * as wall from './shownFile.ts';
import { currentDay, dayPlannedMs, isAdjourned, isDayEnd } from './days.ts';

/**
 * Who arrives more than 10 minutes after the start is recorded as late: long enough to
 * forgive parking and a slow video call, short enough that the check-in round has begun.
 */
export const LATE_AFTER_MS = 10 * 60_000;

/** A notable fact for logs and clients, e.g. {type:'item.entered', itemId}. */
export type MeetingEvent = { type: string; [k: string]: unknown };

export type ApplyResult = { ok: true; state: MeetingState; events: MeetingEvent[] } | { ok: false; error: ApiError };

type Step = { state: MeetingState; events: MeetingEvent[] } | { error: ApiError };
type Cmd<T extends string> = Extract<MeetingCommand, { type: T }>;

/**
 * A meeting before its start: status scheduled, no current item, no timer. The hot-seat
 * protocol is the template's, copied (Classic when none is given).
 */
export function createMeetingState(meetingId: string, agenda: AgendaItem[], facilitatorId: string, protocol?: HotSeatProtocol): MeetingState {
  return {
    meetingId,
    status: 'scheduled',
    version: 0,
    agenda: agenda.map((item) => ({ ...item })),
    currentIndex: -1,
    itemEnteredAt: null,
    timer: null,
    facilitatorId,
    attendance: {},
    hands: [],
    startedAt: null,
    endedAt: null,
    focusUserId: null,
    speakerId: null,
    hotSeats: {},
    hotSeatProtocol: protocol ? structuredClone(protocol) : resolveProtocol(null),
    topics: [],
    ratings: {},
    dayRuns: [],
    rebalanceUndo: null,
    ratingSummary: { count: 0, average: null, distribution: null },
    shownFile: null,
  };
}

/**
 * When each command makes sense. 'scheduled': before the start only; 'live': during the
 * meeting only; 'open': before and during (agenda edits, hand-off, attendance). After the
 * end everything is refused: the meeting is a record.
 */
const PHASE: Readonly<Record<MeetingCommandType, 'scheduled' | 'live' | 'open'>> = {
  'meeting.start': 'scheduled',
  'meeting.end': 'live',
  'agenda.next': 'live',
  'agenda.back': 'live',
  'agenda.jump': 'live',
  'agenda.add': 'open',
  'agenda.remove': 'open',
  'agenda.move': 'open',
  'agenda.update': 'open',
  'agenda.rebalance': 'live',
  'agenda.rebalance.undo': 'live',
  'agenda.borrow': 'live',
  'timer.start': 'live',
  'timer.pause': 'live',
  'timer.resume': 'live',
  'timer.extend': 'live',
  'timer.reset': 'live',
  'facilitator.handoff': 'open',
  'hand.raise': 'live',
  'hand.lower': 'live',
  'hand.clear': 'live',
  'attendance.join': 'open',
  'attendance.set': 'open',
  'focus.set': 'live',
  'hand.call': 'live',
  'speaker.clear': 'live',
  'hotseat.setup': 'open',
  'hotseat.presenters': 'open',
  'hotseat.stage': 'live',
  'hotseat.round.start': 'live',
  'hotseat.round.next': 'live',
  'topic.propose': 'open',
  'topic.vote': 'open',
  'topic.withdraw': 'open',
  'rating.submit': 'live',
  'wall.show': 'live',
  'wall.hide': 'live',
};

/** Checks rights (shared/access), then the meeting's phase, then the command itself. */
export function apply(stored: MeetingState, command: MeetingCommand, actor: Actor, now: number): ApplyResult {
  const state = normalizeState(stored);
  const denied = authorizeCommand(state, command.type, actor);
  if (denied) return { ok: false, error: denied };
  const phaseError = checkPhase(state, command.type);
  if (phaseError) return { ok: false, error: phaseError };
  const step = run(state, command, actor, now);
  if ('error' in step) return { ok: false, error: step.error };
  return { ok: true, state: { ...step.state, version: state.version + 1 }, events: step.events };
}

function checkPhase(state: MeetingState, type: MeetingCommandType): ApiError | null {
  if (state.status === 'ended') {
    return { code: 'meeting_ended', message: 'The meeting has ended: its record can be read but no longer changed.' };
  }
  const phase = PHASE[type];
  if (phase === 'live' && state.status !== 'live') {
    return { code: 'meeting_not_live', message: 'The meeting has not started yet.' };
  }
  if (phase === 'scheduled' && state.status !== 'scheduled') {
    return { code: 'illegal_command', message: 'The meeting has already started.' };
  }
  return null;
}

function run(state: MeetingState, command: MeetingCommand, actor: Actor, now: number): Step {
  switch (command.type) {
    case 'meeting.start': return start(state, now);
    case 'meeting.end': return end(state, now);
    case 'agenda.next':
      if (state.currentIndex + 1 >= state.agenda.length) return illegal('There is no next item: this is the last one.');
      return enter(state, state.currentIndex + 1, now);
    case 'agenda.back':
      if (state.currentIndex <= 0) return illegal('There is no previous item: this is the first one.');
      return enter(state, state.currentIndex - 1, now);
    case 'agenda.jump': {
      const index = state.agenda.findIndex((item) => item.id === command.itemId);
      if (index < 0) return editing.unknownItem(command.itemId);
      if (index === state.currentIndex) return illegal('The room is already on that item.');
      return enter(state, index, now);
    }
    case 'agenda.add': return editing.addItem(state, command);
    case 'agenda.remove': return editing.removeItem(state, command);
    case 'agenda.move': return editing.moveItem(state, command);
    case 'agenda.update': return editing.updateItem(state, command);
    case 'agenda.rebalance': return schedule.applyRebalance(state, now);
    case 'agenda.rebalance.undo': return schedule.undoRebalance(state);
    case 'agenda.borrow': return schedule.borrowFromNext(state, command.ms);
    case 'timer.start': case 'timer.pause': case 'timer.resume': case 'timer.extend': case 'timer.reset':
      return timerStep(state, command, now);
    case 'facilitator.handoff':
      if (command.userId === state.facilitatorId) return illegal('That person is already the facilitator.');
      return done({ ...state, facilitatorId: command.userId }, [
        { type: 'facilitator.changed', userId: command.userId, previousId: state.facilitatorId },
      ]);
    case 'hand.raise':
      if (state.hands.some((h) => h.userId === actor.userId)) return illegal('Your hand is already raised.');
      return done({ ...state, hands: [...state.hands, { userId: actor.userId, raisedAt: now }] }, [
        { type: 'hand.raised', userId: actor.userId },
      ]);
    case 'hand.lower': return takeHandDown(state, actor.userId, 'hand.lowered', 'Your hand is not raised.');
    case 'hand.clear': return takeHandDown(state, command.userId, 'hand.cleared', "That person's hand is not raised.");
    case 'attendance.join': return join(state, command, actor, now);
    case 'attendance.set': return setAttendance(state, command);
    case 'focus.set': return peer.setFocus(state, command.userId);
    case 'hand.call': return peer.callOn(state, command.userId);
    case 'speaker.clear': return peer.clearSpeaker(state, actor);
    case 'hotseat.setup': return peer.setupHotSeat(state, command);
    case 'hotseat.presenters': return turns.setPresenters(state, command);
    case 'hotseat.stage': return peer.setStage(state, command, now);
    case 'hotseat.round.start': return turns.startRound(state, command, now);
    case 'hotseat.round.next': return turns.nextSpeaker(state, command, now);
    case 'topic.propose': return peer.proposeTopic(state, command, actor);
    case 'topic.vote': return peer.voteTopic(state, command.id, actor);
    case 'topic.withdraw': return peer.withdrawTopic(state, command.id, actor);
    case 'rating.submit': return peer.rate(state, command.score, actor);
    case 'wall.show': return wall.showFile(state, command);
    case 'wall.hide': return wall.hideFile(state);
    default: {
      const unknown: never = command; // every command type is handled above
      return illegal(`Unknown command ${JSON.stringify((unknown as { type?: unknown }).type)}.`);
    }
  }
}

function start(state: MeetingState, now: number): Step {
  const first = state.agenda[0];
  if (!first) return illegal('The agenda is empty: add an item before starting the meeting.');
  if (isDayEnd(first)) return illegal('The agenda starts with an end of day: move it after the first day\'s items.');
  // Whoever joined before the start is at day 1 from its first minute.
  const early = Object.fromEntries(Object.values(state.attendance).filter((a) => a.joinedAt !== null).map((a) => [a.userId, a.status]));
  const dayRuns = [{ startedAt: now, endedAt: null, plannedMs: dayPlannedMs(state.agenda, 0), attendance: early }];
  return done(
    peer.enterHotSeat({ ...state, status: 'live', currentIndex: 0, startedAt: now, itemEnteredAt: now, timer: runningTimer(first.id, first.durationMs, now), dayRuns }, now),
    [{ type: 'meeting.started', at: now }, { type: 'item.entered', itemId: first.id }],
  );
}

function end(state: MeetingState, now: number): Step {
  const current = state.agenda[state.currentIndex];
  return done(
    { ...state, status: 'ended', agenda: withVisitSpent(state, now), timer: null, hands: [], speakerId: null, itemEnteredAt: null, endedAt: now, dayRuns: schedule.dayRunsAtEnd(state, now) },
    [...(current ? [{ type: 'item.left', itemId: current.id }] : []), { type: 'meeting.ended', at: now }],
  );
}

/** Leaves the current item (booking the time spent on it) and enters another with a fresh running timer. */
function enter(state: MeetingState, index: number, now: number): Step {
  const leaving = state.agenda[state.currentIndex];
  const target = state.agenda[index];
  if (!target) return illegal('That item is not on the agenda.');
  const day = schedule.dayRunsAfterMove(state, index, now);
  // A new item starts with nobody in focus and nobody holding the floor. A day-end adjourns
  // the room: no timer and no visit clock, so nothing accrues overnight.
  const adjourning = isDayEnd(target);
  const entered: MeetingState = {
    ...state,
    agenda: withVisitSpent(state, now),
    currentIndex: index,
    itemEnteredAt: adjourning ? null : now,
    timer: adjourning ? null : runningTimer(target.id, target.durationMs, now),
    focusUserId: null,
    speakerId: null,
    shownFile: null,
    hands: adjourning ? [] : state.hands,
    dayRuns: day.dayRuns,
  };
  return done(peer.enterHotSeat(entered, now), [
    ...(leaving ? [{ type: 'item.left', itemId: leaving.id }] : []),
    { type: 'item.entered', itemId: target.id },
    ...day.events,
  ]);
}

/** The agenda with the current visit's wall time added to the current item's spentMs. */
function withVisitSpent(state: MeetingState, now: number): AgendaItem[] {
  const visit = timeOnCurrentVisit(state, now);
  return state.agenda.map((item, i) => (i === state.currentIndex ? { ...item, spentMs: item.spentMs + visit } : item));
}

function timerStep(state: MeetingState, command: Cmd<`timer.${string}`>, now: number): Step {
  const timer = state.timer;
  if (isAdjourned(state)) return illegal('The meeting is adjourned until the next day: there is no timer to run.');
  if (!timer) return illegal('There is no timer on this item.');
  const running = isRunning(timer);
  const event = (type: string): MeetingEvent[] => [{ type, itemId: timer.itemId }];
  switch (command.type) {
    case 'timer.start':
      if (running) return illegal('The timer is already running.');
      if (timer.elapsedMs > 0) return illegal('The timer is paused: resume it, or reset it to start over.');
      return done({ ...state, timer: resumeTimer(timer, now) }, event('timer.started'));
    case 'timer.pause':
      if (!running) return illegal('The timer is already paused.');
      return done({ ...state, timer: pauseTimer(timer, now) }, event('timer.paused'));
    case 'timer.resume':
      if (running) return illegal('The timer is already running.');
      if (timer.elapsedMs === 0) return illegal('The timer has not started yet: start it instead.');
      return done({ ...state, timer: resumeTimer(timer, now) }, event('timer.resumed'));
    case 'timer.extend':
      return done({ ...state, timer: { ...timer, durationMs: timer.durationMs + command.ms } }, [
        { type: 'timer.extended', itemId: timer.itemId, ms: command.ms },
      ]);
    case 'timer.reset': {
      const planned = peer.plannedTimerMs(state, timer.itemId) ?? timer.durationMs;
      return done({ ...state, timer: { ...timer, durationMs: planned, elapsedMs: 0, runningSince: null } }, event('timer.reset'));
    }
  }
}

function takeHandDown(state: MeetingState, userId: string, eventType: string, notRaised: string): Step {
  if (!state.hands.some((h) => h.userId === userId)) return illegal(notRaised);
  return done({ ...state, hands: state.hands.filter((h) => h.userId !== userId) }, [{ type: eventType, userId }]);
}

/**
 * The first join sets the status (remote, late or present); a later join from the other
 * place switches present <-> remote but never erases a late arrival. Joining again from the
 * same place (a reload, a second tab) is accepted and changes nothing.
 */
function join(state: MeetingState, { mode }: Cmd<'attendance.join'>, actor: Actor, now: number): Step {
  const before = state.attendance[actor.userId];
  const day = currentDay(state);
  const run = state.status === 'live' ? state.dayRuns[day] : undefined;
  // Late counts from the start of the day the room is on, not of the meeting's first day.
  const dayStart = run?.startedAt ?? state.startedAt;
  const late = state.status === 'live' && dayStart !== null && now - dayStart > LATE_AFTER_MS;
  let entry: AttendanceEntry;
  if (!before || before.joinedAt === null) {
    const status: AttendanceStatus = mode === 'remote' ? 'remote' : late ? 'late' : 'present';
    entry = { userId: actor.userId, mode, status, joinedAt: now };
  } else if (before.mode === mode) {
    entry = before;
  } else {
    const status: AttendanceStatus = before.status === 'late' ? 'late' : mode === 'remote' ? 'remote' : 'present';
    entry = { ...before, mode, status };
  }
  // The day's own record: set by the first join of the day (a later switch of place updates
  // it, a late arrival stays late), never while adjourned.
  const dayBefore = run?.attendance?.[actor.userId];
  const dayStatus: AttendanceStatus | undefined =
    !run || isAdjourned(state) ? undefined
    : dayBefore === undefined ? (mode === 'remote' ? 'remote' : late ? 'late' : 'present')
    : dayBefore === 'late' || dayBefore === 'absent' ? dayBefore
    : mode === 'remote' ? 'remote' : 'present';
  const dayChanged = dayStatus !== undefined && dayStatus !== dayBefore;
  if (entry === before && !dayChanged) return done(state, []);
  const dayRuns = dayChanged ? withDayAttendance(state, day, actor.userId, dayStatus) : state.dayRuns;
  return done({ ...state, attendance: { ...state.attendance, [actor.userId]: entry }, dayRuns }, [
    { type: 'attendance.changed', userId: actor.userId, status: entry.status, mode: entry.mode },
  ]);
}

/** The facilitator's correction wins, for the meeting and for the day the room is on. */
function setAttendance(state: MeetingState, { userId, status }: Cmd<'attendance.set'>): Step {
  const before = state.attendance[userId];
  const mode = status === 'remote' ? 'remote' : status === 'present' ? 'room' : (before?.mode ?? 'room');
  const entry: AttendanceEntry = { userId, status, mode, joinedAt: before?.joinedAt ?? null };
  const day = currentDay(state);
  const dayRuns = state.status === 'live' && state.dayRuns[day] ? withDayAttendance(state, day, userId, status) : state.dayRuns;
  return done({ ...state, attendance: { ...state.attendance, [userId]: entry }, dayRuns }, [
    { type: 'attendance.changed', userId, status, mode },
  ]);
}

function withDayAttendance(state: MeetingState, day: number, userId: string, status: AttendanceStatus): MeetingState['dayRuns'] {
  return state.dayRuns.map((r, d) => (d === day ? { ...r, attendance: { ...r.attendance, [userId]: status } } : r));
}

function done(state: MeetingState, events: MeetingEvent[]): Step {
  return { state, events };
}

function illegal(message: string): Step {
  return { error: { code: 'illegal_command', message } };
}
