// Table rows for the file on the wall: the facilitator shows a checked image or PDF at a
// topics item and hides it; moving on takes it off; everyone else is refused.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import type { Actor } from '../access/index.ts';
import { meetingCommandSchema } from './commands.ts';
import { createMeetingState } from './reducer.ts';
import type { MeetingState } from './state.ts';
import { runRow, type Row } from './test-rows.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const FAC: Actor = { userId: 'fac', role: 'member' };
const COACH: Actor = { userId: 'coach', role: 'coach' };
const MEMBER: Actor = { userId: 'm2', role: 'member' };
const OBS: Actor = { userId: 'obs', role: 'observer' };

const agenda: AgendaItem[] = [
  { id: 'open', kind: 'opening', title: 'Opening', durationMs: 20 * MIN, spentMs: 0 },
  { id: 'top', kind: 'topics', title: 'Topics', durationMs: 30 * MIN, spentMs: 0 },
  { id: 'close', kind: 'closing', title: 'Closing', durationMs: 15 * MIN, spentMs: 0 },
];
const live = (at: number, patch: Partial<MeetingState> = {}): MeetingState => ({
  ...createMeetingState('m1', agenda, FAC.userId),
  status: 'live',
  version: 4,
  currentIndex: at,
  startedAt: T0,
  itemEnteredAt: T0,
  timer: { itemId: agenda[at]!.id, durationMs: agenda[at]!.durationMs, runningSince: T0, elapsedMs: 0 },
  ...patch,
});
const shown = { resourceId: 'r1', itemId: 'top', title: 'Price list', media: 'image' as const };
const show = (resourceId = 'r1', media: 'image' | 'pdf' = 'image') => ({ type: 'wall.show' as const, resourceId, title: 'Price list', media });

const rows: Row[] = [
  { name: 'show: the facilitator puts an image on the wall at a topics item', given: live(1), command: show(), ok: (s, ev) => {
    expect(s.shownFile).toEqual(shown);
    expect(ev).toEqual([{ type: 'wall.shown', resourceId: 'r1', itemId: 'top' }]);
  } },
  { name: 'show: a PDF replaces the image', given: live(1, { shownFile: shown }), command: show('r2', 'pdf'), ok: (s) => {
    expect(s.shownFile).toEqual({ resourceId: 'r2', itemId: 'top', title: 'Price list', media: 'pdf' });
  } },
  { name: 'show: a coach who is not the facilitator may', given: live(1), command: show(), actor: COACH, ok: (s) => expect(s.shownFile?.resourceId).toBe('r1') },
  { name: 'show: a member may not', given: live(1), command: show(), actor: MEMBER, error: 'not_facilitator' },
  { name: 'show: an observer may not', given: live(1), command: show(), actor: OBS, error: 'forbidden' },
  { name: 'show: not at another kind of item', given: live(0), command: show(), error: 'illegal_command' },
  { name: 'show: not before the meeting', given: createMeetingState('m1', agenda, FAC.userId), command: show(), error: 'meeting_not_live' },
  { name: 'show: the same file twice', given: live(1, { shownFile: shown }), command: show(), error: 'illegal_command' },
  { name: 'show: without the server\'s description (title, media)', given: live(1), command: { type: 'wall.show', resourceId: 'r1' }, error: 'illegal_command' },
  { name: 'hide: clears the wall', given: live(1, { shownFile: shown }), command: { type: 'wall.hide' }, ok: (s, ev) => {
    expect(s.shownFile).toBeNull();
    expect(ev).toEqual([{ type: 'wall.hidden', resourceId: 'r1' }]);
  } },
  { name: 'hide: with nothing shown', given: live(1), command: { type: 'wall.hide' }, error: 'illegal_command' },
  { name: 'hide: a member may not', given: live(1, { shownFile: shown }), command: { type: 'wall.hide' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'next: moving on takes the file off the wall', given: live(1, { shownFile: shown }), command: { type: 'agenda.next' }, ok: (s) => {
    expect([s.currentIndex, s.shownFile]).toEqual([2, null]);
  } },
  { name: 'a timer command leaves the file on the wall', given: live(1, { shownFile: shown }), command: { type: 'timer.pause' }, ok: (s) => expect(s.shownFile).toEqual(shown) },
];

describe('wall.show / wall.hide', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => runRow(row, { actor: FAC, now: () => T0 + 5 * MIN }));

  it('the schema takes only image or pdf as media and bounds the ids', () => {
    expect(meetingCommandSchema.safeParse(show()).success).toBe(true);
    expect(meetingCommandSchema.safeParse({ type: 'wall.show', resourceId: 'r1' }).success).toBe(true);
    expect(meetingCommandSchema.safeParse({ ...show(), media: 'html' }).success).toBe(false);
    expect(meetingCommandSchema.safeParse({ type: 'wall.show', resourceId: '' }).success).toBe(false);
  });
});
