// Meeting days on the agenda. The agenda stays one list; an entry of kind 'day-end' closes a
// day, so an item's day is the number of day-ends before it, and moving an item across a
// day-end moves it to another day. While the room stands on a day-end the meeting is
// adjourned: no timer, no item accrues time (itemEnteredAt is null), until the next item.
import type { AgendaItem } from '../domain.ts';
import type { MeetingState } from './state.ts';

export function isDayEnd(item: Pick<AgendaItem, 'kind'> | undefined): boolean {
  return item?.kind === 'day-end';
}

/** Breaks and day-ends are not discussion: re-balancing and "take from the next" leave them alone. */
export function isWorkItem(item: Pick<AgendaItem, 'kind'>): boolean {
  return item.kind !== 'break' && item.kind !== 'day-end';
}

/** Day (0-based) of the entry at `index`; a day-end belongs to the day it closes. */
export function dayOf(agenda: readonly Pick<AgendaItem, 'kind'>[], index: number): number {
  let day = 0;
  for (let i = 0; i < index && i < agenda.length; i++) if (isDayEnd(agenda[i])) day++;
  return day;
}

/** Number of meeting days: one more than the day-ends, a trailing day-end closing nothing aside. */
export function dayCount(agenda: readonly Pick<AgendaItem, 'kind'>[]): number {
  let n = 1;
  agenda.forEach((item, i) => {
    if (isDayEnd(item) && i < agenda.length - 1) n++;
  });
  return n;
}

/** Indexes [from, to) of one day's entries, its closing day-end excluded. */
export function dayRange(agenda: readonly Pick<AgendaItem, 'kind'>[], day: number): { from: number; to: number } {
  let from = 0;
  let d = 0;
  for (let i = 0; i < agenda.length; i++) {
    if (!isDayEnd(agenda[i])) continue;
    if (d === day) return { from, to: i };
    d++;
    from = i + 1;
  }
  return d === day ? { from, to: agenda.length } : { from: agenda.length, to: agenda.length };
}

/** The agenda's days as lists of entries (day-ends left out). */
export function agendaDays<T extends Pick<AgendaItem, 'kind'>>(agenda: readonly T[]): T[][] {
  return Array.from({ length: dayCount(agenda) }, (_, day) => {
    const { from, to } = dayRange(agenda, day);
    return agenda.slice(from, to);
  });
}

/** The room stands on a day-end: between two days. */
export function isAdjourned(state: Pick<MeetingState, 'status' | 'agenda' | 'currentIndex'>): boolean {
  return state.status === 'live' && isDayEnd(state.agenda[state.currentIndex]);
}

/** The day the room is on (while adjourned: the day just closed). */
export function currentDay(state: Pick<MeetingState, 'agenda' | 'currentIndex'>): number {
  return state.currentIndex < 0 ? 0 : dayOf(state.agenda, state.currentIndex);
}

/** Sum of one day's planned boxes (breaks included, its day-end not). */
export function dayPlannedMs(agenda: readonly Pick<AgendaItem, 'kind' | 'durationMs'>[], day: number): number {
  const { from, to } = dayRange(agenda, day);
  return agenda.slice(from, to).reduce((sum, item) => sum + item.durationMs, 0);
}
