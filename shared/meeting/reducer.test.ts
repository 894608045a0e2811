// Table-driven reducer tests (after excalidraw's reconcileElements tests): a given state,
// one command, an actor and a clock; then either the fields that must change or the error.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import { meetingCommandSchema, type MeetingCommand, type MeetingCommandType } from './commands.ts';
import { COMMAND_RIGHTS, type Actor } from '../access/index.ts';
import { apply, createMeetingState, LATE_AFTER_MS } from './reducer.ts';
import { runRow, type Row } from './test-rows.ts';
import type { MeetingState, TimerState } from './state.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from './templates.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0); // the meeting's start
const FAC: Actor = { userId: 'fac', role: 'member' }; // a peer facilitating a peer-led group
const MEMBER: Actor = { userId: 'm2', role: 'member' };
const COACH: Actor = { userId: 'coach', role: 'coach' };
const ORG: Actor = { userId: 'org', role: 'organiser' };
const OBS: Actor = { userId: 'obs', role: 'observer' };

const item = (id: string, minutes = 20): AgendaItem => ({ id, kind: 'custom', title: `Item ${id}`, durationMs: minutes * MIN, spentMs: 0 });
const ids = (s: MeetingState) => s.agenda.map((i) => i.id);
const entered = (at: number) => T0 + at * 20 * MIN;

function scheduled(patch: Partial<MeetingState> = {}): MeetingState {
  return { ...createMeetingState('m1', ['i0', 'i1', 'i2', 'i3'].map((id) => item(id)), FAC.userId), ...patch };
}
/** Live on item `at` (items before it took their 20 minutes), its timer running since it was entered. */
function live(at = 0, patch: Partial<MeetingState> = {}): MeetingState {
  const base = scheduled();
  const agenda = base.agenda.map((it, i) => (i < at ? { ...it, spentMs: 20 * MIN } : it));
  const timer: TimerState = { itemId: `i${at}`, durationMs: 20 * MIN, runningSince: entered(at), elapsedMs: 0 };
  return { ...base, status: 'live', version: 7, agenda, currentIndex: at, startedAt: T0, itemEnteredAt: entered(at), timer, ...patch };
}
const liveTimer = (timer: Partial<TimerState> | null, at = 1) =>
  live(at, { timer: timer && { itemId: `i${at}`, durationMs: 20 * MIN, runningSince: entered(at), elapsedMs: 0, ...timer } });
const ended = (): MeetingState => ({ ...live(3), status: 'ended', timer: null, itemEnteredAt: null, endedAt: T0 + 90 * MIN });
const withHands = (...userIds: string[]) => live(1, { hands: userIds.map((userId, i) => ({ userId, raisedAt: T0 + i })) });

/** Rows without a clock run 5 minutes into the current item. */
const run = (row: Row) => runRow(row, { actor: FAC, now: (given) => (given.itemEnteredAt ?? T0) + 5 * MIN });

const SAMPLE: { [T in MeetingCommandType]: Extract<MeetingCommand, { type: T }> } = {
  'meeting.start': { type: 'meeting.start' },
  'meeting.end': { type: 'meeting.end' },
  'agenda.next': { type: 'agenda.next' },
  'agenda.back': { type: 'agenda.back' },
  'agenda.jump': { type: 'agenda.jump', itemId: 'i3' },
  'agenda.add': { type: 'agenda.add', item: { id: 'new', kind: 'hotseat', title: 'Hot seat 2', durationMs: 30 * MIN } },
  'agenda.remove': { type: 'agenda.remove', itemId: 'i3' },
  'agenda.move': { type: 'agenda.move', itemId: 'i3', toIndex: 2 },
  'agenda.update': { type: 'agenda.update', itemId: 'i3', title: 'Renamed' },
  'agenda.rebalance': { type: 'agenda.rebalance' },
  'agenda.rebalance.undo': { type: 'agenda.rebalance.undo' },
  'agenda.borrow': { type: 'agenda.borrow', ms: 10 * MIN },
  'timer.start': { type: 'timer.start' },
  'timer.pause': { type: 'timer.pause' },
  'timer.resume': { type: 'timer.resume' },
  'timer.extend': { type: 'timer.extend', ms: 5 * MIN },
  'timer.reset': { type: 'timer.reset' },
  'facilitator.handoff': { type: 'facilitator.handoff', userId: 'm2' },
  'hand.raise': { type: 'hand.raise' },
  'hand.lower': { type: 'hand.lower' },
  'hand.clear': { type: 'hand.clear', userId: 'm2' },
  'attendance.join': { type: 'attendance.join', mode: 'room' },
  'attendance.set': { type: 'attendance.set', userId: 'm2', status: 'absent' },
  'focus.set': { type: 'focus.set', userId: 'm2' },
  'hand.call': { type: 'hand.call', userId: 'm2' },
  'speaker.clear': { type: 'speaker.clear' },
  'hotseat.setup': { type: 'hotseat.setup', itemId: 'i3', presenterId: 'm2', topic: 'Pricing' },
  'hotseat.presenters': { type: 'hotseat.presenters', itemId: 'i3', presenters: [{ userId: 'm2', topic: 'Pricing' }] },
  'hotseat.stage': { type: 'hotseat.stage', itemId: 'i3', stage: 'questions' },
  'hotseat.round.start': { type: 'hotseat.round.start', itemId: 'i3' },
  'hotseat.round.next': { type: 'hotseat.round.next', itemId: 'i3' },
  'topic.propose': { type: 'topic.propose', id: 't1', title: 'Hiring' },
  'topic.vote': { type: 'topic.vote', id: 't1' },
  'topic.withdraw': { type: 'topic.withdraw', id: 't1' },
  'rating.submit': { type: 'rating.submit', score: 8 },
  'wall.show': { type: 'wall.show', resourceId: 'r1', title: 'Price list', media: 'image' },
  'wall.hide': { type: 'wall.hide' },
};
const ALL_TYPES = Object.keys(SAMPLE) as MeetingCommandType[];
const LIVE_ONLY: MeetingCommandType[] = ['meeting.end', 'agenda.next', 'agenda.back', 'agenda.jump', 'agenda.rebalance',
  'agenda.rebalance.undo', 'agenda.borrow', 'timer.start',
  'timer.pause', 'timer.resume', 'timer.extend', 'timer.reset', 'hand.raise', 'hand.lower', 'hand.clear',
  'focus.set', 'hand.call', 'speaker.clear', 'hotseat.stage', 'hotseat.round.start', 'hotseat.round.next', 'rating.submit', 'wall.show', 'wall.hide'];

const generated: Row[] = [
  ...ALL_TYPES.filter((t) => COMMAND_RIGHTS[t] === 'facilitator').map((t): Row =>
    ({ name: `${t} from a member who is not the facilitator`, given: live(1), command: SAMPLE[t], actor: MEMBER, error: 'not_facilitator' })),
  ...ALL_TYPES.filter((t) => t !== 'attendance.join').map((t): Row =>
    ({ name: `${t} from an observer`, given: live(1), command: SAMPLE[t], actor: OBS, error: 'forbidden' })),
  ...ALL_TYPES.map((t): Row => ({ name: `${t} after the end`, given: ended(), command: SAMPLE[t], error: 'meeting_ended' })),
  ...LIVE_ONLY.map((t): Row => ({ name: `${t} before the start`, given: scheduled(), command: SAMPLE[t], error: 'meeting_not_live' })),
];

const rows: Row[] = [
  // meeting.start / meeting.end
  { name: 'start: item 0 is current with a running timer', given: scheduled(), command: SAMPLE['meeting.start'], now: T0, ok: (s, ev) => {
    expect(s).toMatchObject({ status: 'live', currentIndex: 0, startedAt: T0, itemEnteredAt: T0 });
    expect(s.timer).toEqual({ itemId: 'i0', durationMs: 20 * MIN, runningSince: T0, elapsedMs: 0 });
    expect(ev).toContainEqual({ type: 'item.entered', itemId: 'i0' });
  } },
  { name: 'start: a coach who is not the facilitator may start', given: scheduled(), command: SAMPLE['meeting.start'], actor: COACH, ok: (s) => expect(s.status).toBe('live') },
  { name: 'start: an organiser may start', given: scheduled(), command: SAMPLE['meeting.start'], actor: ORG, ok: (s) => expect(s.status).toBe('live') },
  { name: 'start: an empty agenda cannot start', given: scheduled({ agenda: [] }), command: SAMPLE['meeting.start'], error: 'illegal_command' },
  { name: 'start: twice', given: live(1), command: SAMPLE['meeting.start'], error: 'illegal_command' },
  { name: 'end: books time on the current item, stops the timer, clears hands', given: withHands('m2'), command: SAMPLE['meeting.end'], now: entered(1) + 15 * MIN, ok: (s) => {
    expect(s).toMatchObject({ status: 'ended', timer: null, hands: [], endedAt: entered(1) + 15 * MIN, itemEnteredAt: null });
    expect(s.agenda.map((i) => i.spentMs / MIN)).toEqual([20, 15, 0, 0]);
  } },
  // navigation
  { name: 'next: books the time, enters the next item with a fresh timer', given: live(1, { timer: { itemId: 'i1', durationMs: 25 * MIN, runningSince: null, elapsedMs: 3 * MIN } }), command: SAMPLE['agenda.next'], now: entered(1) + 22 * MIN, ok: (s, ev) => {
    expect(s).toMatchObject({ currentIndex: 2, itemEnteredAt: entered(1) + 22 * MIN });
    expect(s.agenda.map((i) => i.spentMs / MIN)).toEqual([20, 22, 0, 0]);
    expect(s.timer).toEqual({ itemId: 'i2', durationMs: 20 * MIN, runningSince: entered(1) + 22 * MIN, elapsedMs: 0 });
    expect(ev).toEqual([{ type: 'item.left', itemId: 'i1' }, { type: 'item.entered', itemId: 'i2' }]);
  } },
  { name: 'next: past the last item', given: live(3), command: SAMPLE['agenda.next'], error: 'illegal_command' },
  { name: 'next: a coach overrides the peer facilitator', given: live(0), command: SAMPLE['agenda.next'], actor: COACH, ok: (s) => expect(s.currentIndex).toBe(1) },
  { name: 'back: adds to the time already spent', given: live(2), command: SAMPLE['agenda.back'], ok: (s) => {
    expect(s.currentIndex).toBe(1);
    expect(s.agenda.map((i) => i.spentMs / MIN)).toEqual([20, 20, 5, 0]);
    expect(s.timer).toMatchObject({ itemId: 'i1', elapsedMs: 0, durationMs: 20 * MIN });
  } },
  { name: 'back: before the first item', given: live(0), command: SAMPLE['agenda.back'], error: 'illegal_command' },
  { name: 'jump: forward to any item', given: live(0), command: SAMPLE['agenda.jump'], ok: (s) => {
    expect(s).toMatchObject({ currentIndex: 3, timer: { itemId: 'i3', runningSince: entered(0) + 5 * MIN } });
    expect(s.agenda[0]?.spentMs).toBe(5 * MIN);
  } },
  { name: 'jump: to the current item', given: live(3), command: SAMPLE['agenda.jump'], error: 'illegal_command' },
  { name: 'jump: to an unknown item', given: live(0), command: { type: 'agenda.jump', itemId: 'nope' }, error: 'illegal_command' },
  // agenda edits
  { name: 'add: appended before the start', given: scheduled(), command: SAMPLE['agenda.add'], ok: (s) => {
    expect(ids(s)).toEqual(['i0', 'i1', 'i2', 'i3', 'new']);
    expect(s.agenda[4]).toEqual({ id: 'new', kind: 'hotseat', title: 'Hot seat 2', durationMs: 30 * MIN, spentMs: 0 });
  } },
  { name: 'add: inserted before the current item keeps the current item', given: live(2), command: { ...SAMPLE['agenda.add'], index: 0 }, ok: (s) => {
    expect(ids(s)).toEqual(['new', 'i0', 'i1', 'i2', 'i3']);
    expect(s.agenda[s.currentIndex]?.id).toBe('i2');
  } },
  { name: 'add: an id already on the agenda', given: live(0), command: { ...SAMPLE['agenda.add'], item: { ...SAMPLE['agenda.add'].item, id: 'i2' } }, error: 'illegal_command' },
  { name: 'add: a position past the end', given: live(0), command: { ...SAMPLE['agenda.add'], index: 5 }, error: 'illegal_command' },
  { name: 'add: over the agenda limit', given: scheduled({ agenda: Array.from({ length: LIMITS.agendaMaxItems }, (_, i) => item(`x${i}`)) }), command: SAMPLE['agenda.add'], error: 'illegal_command' },
  { name: 'remove: before the start', given: scheduled(), command: { type: 'agenda.remove', itemId: 'i1' }, ok: (s) => expect(ids(s)).toEqual(['i0', 'i2', 'i3']) },
  { name: 'remove: an earlier item keeps the current item', given: live(2), command: { type: 'agenda.remove', itemId: 'i0' }, ok: (s) => {
    expect(s.currentIndex).toBe(1);
    expect(s.agenda[s.currentIndex]?.id).toBe('i2');
  } },
  { name: 'remove: a later item', given: live(2), command: SAMPLE['agenda.remove'], ok: (s) => expect([ids(s), s.currentIndex]).toEqual([['i0', 'i1', 'i2'], 2]) },
  { name: 'remove: the current item', given: live(3), command: SAMPLE['agenda.remove'], error: 'illegal_command' },
  { name: 'remove: an unknown item', given: live(0), command: { type: 'agenda.remove', itemId: 'nope' }, error: 'illegal_command' },
  { name: 'move: an earlier item after the current one', given: live(1), command: { type: 'agenda.move', itemId: 'i0', toIndex: 3 }, ok: (s) => {
    expect([ids(s), s.currentIndex]).toEqual([['i1', 'i2', 'i3', 'i0'], 0]);
  } },
  { name: 'move: a later item before the current one', given: live(1), command: { type: 'agenda.move', itemId: 'i3', toIndex: 0 }, ok: (s) => {
    expect([ids(s), s.currentIndex]).toEqual([['i3', 'i0', 'i1', 'i2'], 2]);
  } },
  { name: 'move: the current item itself', given: live(1), command: { type: 'agenda.move', itemId: 'i1', toIndex: 3 }, ok: (s) => {
    expect([ids(s), s.currentIndex, s.timer?.itemId]).toEqual([['i0', 'i2', 'i3', 'i1'], 3, 'i1']);
  } },
  { name: 'move: out of range', given: live(1), command: { type: 'agenda.move', itemId: 'i0', toIndex: 4 }, error: 'illegal_command' },
  { name: 'move: to where it already is', given: live(1), command: { type: 'agenda.move', itemId: 'i2', toIndex: 2 }, error: 'illegal_command' },
  { name: 'move: an unknown item', given: live(1), command: { type: 'agenda.move', itemId: 'nope', toIndex: 0 }, error: 'illegal_command' },
  { name: 'update: a title before the start', given: scheduled(), command: SAMPLE['agenda.update'], ok: (s) => expect(s.agenda[3]).toMatchObject({ title: 'Renamed', durationMs: 20 * MIN }) },
  { name: 'update: re-timing the current item keeps its elapsed time', given: liveTimer({ runningSince: null, elapsedMs: 5 * MIN }), command: { type: 'agenda.update', itemId: 'i1', durationMs: 30 * MIN }, ok: (s) => {
    expect(s.agenda[1]?.durationMs).toBe(30 * MIN);
    expect(s.timer).toMatchObject({ durationMs: 30 * MIN, elapsedMs: 5 * MIN, runningSince: null });
  } },
  { name: 'update: re-timing another item leaves the timer alone', given: live(1), command: { type: 'agenda.update', itemId: 'i2', durationMs: 30 * MIN }, ok: (s, _e, g) => expect(s.timer).toEqual(g.timer) },
  { name: 'update: nothing to change', given: live(1), command: { type: 'agenda.update', itemId: 'i2' }, error: 'illegal_command' },
  { name: 'update: an unknown item', given: live(1), command: { type: 'agenda.update', itemId: 'nope', title: 'X' }, error: 'illegal_command' },
  // timers
  { name: 'timer.start: after a reset', given: liveTimer({ runningSince: null }), command: SAMPLE['timer.start'], ok: (s) => expect(s.timer).toMatchObject({ runningSince: entered(1) + 5 * MIN, elapsedMs: 0 }) },
  { name: 'timer.start: already running', given: liveTimer({}), command: SAMPLE['timer.start'], error: 'illegal_command' },
  { name: 'timer.start: paused part-way', given: liveTimer({ runningSince: null, elapsedMs: MIN }), command: SAMPLE['timer.start'], error: 'illegal_command' },
  { name: 'timer.pause: banks the running time', given: liveTimer({ elapsedMs: MIN }), command: SAMPLE['timer.pause'], ok: (s) => expect(s.timer).toMatchObject({ runningSince: null, elapsedMs: 6 * MIN }) },
  { name: 'timer.pause: already paused', given: liveTimer({ runningSince: null, elapsedMs: MIN }), command: SAMPLE['timer.pause'], error: 'illegal_command' },
  { name: 'timer.resume: from paused', given: liveTimer({ runningSince: null, elapsedMs: 2 * MIN }), command: SAMPLE['timer.resume'], ok: (s) => expect(s.timer).toMatchObject({ runningSince: entered(1) + 5 * MIN, elapsedMs: 2 * MIN }) },
  { name: 'timer.resume: already running', given: liveTimer({}), command: SAMPLE['timer.resume'], error: 'illegal_command' },
  { name: 'timer.resume: never started', given: liveTimer({ runningSince: null }), command: SAMPLE['timer.resume'], error: 'illegal_command' },
  { name: 'timer.extend: running', given: liveTimer({}), command: SAMPLE['timer.extend'], ok: (s) => expect(s.timer).toMatchObject({ durationMs: 25 * MIN, runningSince: entered(1) }) },
  { name: 'timer.extend: paused stays paused', given: liveTimer({ runningSince: null, elapsedMs: MIN }), command: SAMPLE['timer.extend'], ok: (s) => expect(s.timer).toMatchObject({ durationMs: 25 * MIN, runningSince: null, elapsedMs: MIN }) },
  { name: 'timer.reset: back to the planned box, stopped', given: liveTimer({ durationMs: 35 * MIN, elapsedMs: 4 * MIN }), command: SAMPLE['timer.reset'], ok: (s) => expect(s.timer).toEqual({ itemId: 'i1', durationMs: 20 * MIN, runningSince: null, elapsedMs: 0 }) },
  ...(['timer.start', 'timer.pause', 'timer.resume', 'timer.extend', 'timer.reset'] as const).map((t): Row =>
    ({ name: `${t}: no timer`, given: liveTimer(null), command: SAMPLE[t], error: 'illegal_command' })),
  // facilitator hand-off
  { name: 'handoff: to a member', given: live(1), command: SAMPLE['facilitator.handoff'], ok: (s, ev) => {
    expect(s.facilitatorId).toBe('m2');
    expect(ev).toEqual([{ type: 'facilitator.changed', userId: 'm2', previousId: 'fac' }]);
  } },
  { name: 'handoff: before the start', given: scheduled(), command: SAMPLE['facilitator.handoff'], ok: (s) => expect(s.facilitatorId).toBe('m2') },
  { name: 'handoff: a coach takes the room back', given: live(1), command: { type: 'facilitator.handoff', userId: 'coach' }, actor: COACH, ok: (s) => expect(s.facilitatorId).toBe('coach') },
  { name: 'handoff: to the current facilitator', given: live(1), command: { type: 'facilitator.handoff', userId: 'fac' }, error: 'illegal_command' },
  // hands
  { name: 'hand.raise: joins the back of the queue', given: withHands('m3'), command: SAMPLE['hand.raise'], actor: MEMBER, ok: (s) => {
    expect(s.hands).toEqual([{ userId: 'm3', raisedAt: T0 }, { userId: 'm2', raisedAt: entered(1) + 5 * MIN }]);
  } },
  { name: 'hand.raise: a coach may raise a hand', given: live(1), command: SAMPLE['hand.raise'], actor: COACH, ok: (s) => expect(s.hands.map((h) => h.userId)).toEqual(['coach']) },
  { name: 'hand.raise: already raised', given: withHands('m2'), command: SAMPLE['hand.raise'], actor: MEMBER, error: 'illegal_command' },
  { name: 'hand.lower: only the caller\'s hand', given: withHands('m3', 'm2', 'm4'), command: SAMPLE['hand.lower'], actor: MEMBER, ok: (s) => expect(s.hands.map((h) => h.userId)).toEqual(['m3', 'm4']) },
  { name: 'hand.lower: not raised', given: withHands('m3'), command: SAMPLE['hand.lower'], actor: MEMBER, error: 'illegal_command' },
  { name: 'hand.clear: the facilitator calls on someone', given: withHands('m2', 'm3'), command: SAMPLE['hand.clear'], ok: (s, ev) => {
    expect(s.hands.map((h) => h.userId)).toEqual(['m3']);
    expect(ev).toEqual([{ type: 'hand.cleared', userId: 'm2' }]);
  } },
  { name: 'hand.clear: not raised', given: withHands('m3'), command: SAMPLE['hand.clear'], error: 'illegal_command' },
  // attendance
  { name: 'join: in the room before the start is present', given: scheduled(), command: SAMPLE['attendance.join'], actor: MEMBER, ok: (s) => {
    expect(s.attendance.m2).toEqual({ userId: 'm2', mode: 'room', status: 'present', joinedAt: T0 + 5 * MIN });
  } },
  { name: 'join: exactly at the grace limit is present', given: live(0), command: SAMPLE['attendance.join'], actor: MEMBER, now: T0 + LATE_AFTER_MS, ok: (s) => expect(s.attendance.m2?.status).toBe('present') },
  { name: 'join: after the grace limit is late', given: live(0), command: SAMPLE['attendance.join'], actor: MEMBER, now: T0 + LATE_AFTER_MS + 1, ok: (s) => expect(s.attendance.m2?.status).toBe('late') },
  { name: 'join: remote is remote, even late', given: live(1), command: { type: 'attendance.join', mode: 'remote' }, actor: MEMBER, ok: (s) => expect(s.attendance.m2).toMatchObject({ status: 'remote', mode: 'remote' }) },
  { name: 'join: an observer appears in attendance', given: live(0), command: SAMPLE['attendance.join'], actor: OBS, ok: (s) => expect(s.attendance.obs?.status).toBe('present') },
  { name: 'join: switching to remote keeps the first join time', given: live(1, { attendance: { m2: { userId: 'm2', mode: 'room', status: 'present', joinedAt: T0 } } }), command: { type: 'attendance.join', mode: 'remote' }, actor: MEMBER, ok: (s) => {
    expect(s.attendance.m2).toEqual({ userId: 'm2', mode: 'remote', status: 'remote', joinedAt: T0 });
  } },
  { name: 'join: switching place never erases late', given: live(1, { attendance: { m2: { userId: 'm2', mode: 'remote', status: 'late', joinedAt: T0 } } }), command: SAMPLE['attendance.join'], actor: MEMBER, ok: (s) => {
    expect(s.attendance.m2).toMatchObject({ mode: 'room', status: 'late' });
  } },
  { name: 'join: again from the same place (a reload) changes nothing', given: live(1, { attendance: { m2: { userId: 'm2', mode: 'room', status: 'present', joinedAt: T0 } } }), command: SAMPLE['attendance.join'], actor: MEMBER, ok: (s, ev, g) => {
    expect(s.attendance).toEqual(g.attendance);
    expect(ev).toEqual([]);
  } },
  { name: 'join: after being marked absent counts as a first join', given: scheduled({ attendance: { m2: { userId: 'm2', mode: 'room', status: 'absent', joinedAt: null } } }), command: SAMPLE['attendance.join'], actor: MEMBER, ok: (s) => {
    expect(s.attendance.m2).toEqual({ userId: 'm2', mode: 'room', status: 'present', joinedAt: T0 + 5 * MIN });
  } },
  { name: 'set: creates a missing entry', given: scheduled(), command: SAMPLE['attendance.set'], ok: (s) => expect(s.attendance.m2).toEqual({ userId: 'm2', mode: 'room', status: 'absent', joinedAt: null }) },
  { name: 'set: overwrites the status, keeps the join time', given: live(1, { attendance: { m2: { userId: 'm2', mode: 'remote', status: 'remote', joinedAt: T0 } } }), command: { type: 'attendance.set', userId: 'm2', status: 'late' }, ok: (s) => {
    expect(s.attendance.m2).toEqual({ userId: 'm2', mode: 'remote', status: 'late', joinedAt: T0 });
  } },
  { name: 'set: remote also records the remote mode', given: live(1), command: { type: 'attendance.set', userId: 'm3', status: 'remote' }, ok: (s) => expect(s.attendance.m3).toMatchObject({ mode: 'remote', status: 'remote' }) },
  // deny by default
  { name: 'an unknown command type', given: live(1), command: { type: 'meeting.delete' } as unknown as MeetingCommand, actor: COACH, error: 'forbidden' },
];

describe('apply: one command at a time', () => {
  it.each([...rows, ...generated].map((row) => [row.name, row] as const))('%s', (_name, row) => run(row));
});

describe('apply: sequences', () => {
  it('a refused command leaves the state and the version alone; each accepted one adds 1', () => {
    let state = scheduled();
    const steps: [MeetingCommand, Actor, boolean][] = [
      [SAMPLE['agenda.next'], FAC, false], [SAMPLE['meeting.start'], FAC, true], [SAMPLE['agenda.back'], FAC, false],
      [SAMPLE['agenda.next'], MEMBER, false], [SAMPLE['agenda.next'], FAC, true], [SAMPLE['hand.raise'], OBS, false],
      [SAMPLE['hand.raise'], MEMBER, true], [SAMPLE['meeting.end'], FAC, true], [SAMPLE['agenda.next'], FAC, false],
    ];
    for (const [i, [command, actor, accepted]] of steps.entries()) {
      const result = apply(state, command, actor, T0 + i * MIN);
      expect(result.ok, `${command.type} by ${actor.userId}`).toBe(accepted);
      if (result.ok) state = result.state;
    }
    expect(state).toMatchObject({ version: 4, status: 'ended', currentIndex: 1, hands: [] });
    expect(state.agenda.map((i) => i.spentMs / MIN)).toEqual([3, 3, 0, 0]);
  });

  it('after a hand-off the old peer facilitator is refused and the new one runs the room', () => {
    const handed = apply(live(1), SAMPLE['facilitator.handoff'], FAC, entered(1));
    if (!handed.ok) throw new Error(handed.error.message);
    expect(apply(handed.state, SAMPLE['agenda.next'], FAC, entered(1) + MIN)).toMatchObject({ ok: false, error: { code: 'not_facilitator' } });
    expect(apply(handed.state, SAMPLE['agenda.next'], MEMBER, entered(1) + MIN)).toMatchObject({ ok: true, state: { currentIndex: 2 } });
  });
});

describe('permissions table', () => {
  it('names a right for every command in the schema, and nothing else', () => {
    const schemaTypes = meetingCommandSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(COMMAND_RIGHTS).sort()).toEqual(schemaTypes);
    expect(ALL_TYPES.sort()).toEqual(schemaTypes);
  });
});

describe('standard template', () => {
  it('builds the seven-item quarterly agenda with fresh ids and nothing spent', () => {
    let n = 0;
    const agenda = agendaFromTemplate(STANDARD_TEMPLATE, () => `a${n++}`);
    expect(agenda.map((i) => [i.id, i.kind, i.durationMs / MIN])).toEqual([
      ['a0', 'opening', 20], ['a1', 'financials', 60], ['a2', 'goals', 45], ['a3', 'hotseat', 45],
      ['a4', 'topics', 30], ['a5', 'new-goals', 30], ['a6', 'closing', 15],
    ]);
    expect(agenda.every((i) => i.spentMs === 0)).toBe(true);
    expect(agenda[4]?.title).toBe('Topics & best practices');
    expect(() => STANDARD_TEMPLATE.push(STANDARD_TEMPLATE[0]!)).toThrow(TypeError);
  });
});
