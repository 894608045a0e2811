// The record of each meeting day: planned and actual minutes of its items, and when it ran.
import type { MeetingDay } from '../domain.ts';
import type { RecapDay } from '../records.ts';
import { agendaDays } from './days.ts';
import type { MeetingState } from './state.ts';

const minutes = (ms: number) => Math.round(ms / 60_000);
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function recapDays(state: MeetingState, scheduled: readonly MeetingDay[]): RecapDay[] {
  return agendaDays(state.agenda).map((items, d) => {
    const run = state.dayRuns?.[d];
    return {
      day: d + 1,
      date: scheduled[d]?.date ?? null,
      startedAt: iso(run?.startedAt),
      endedAt: iso(run?.endedAt),
      plannedMin: minutes(items.reduce((sum, i) => sum + i.durationMs, 0)),
      actualMin: minutes(items.reduce((sum, i) => sum + i.spentMs, 0)),
      attendance: run?.attendance ? Object.entries(run.attendance).map(([userId, status]) => ({ userId, status })) : null,
    };
  });
}
