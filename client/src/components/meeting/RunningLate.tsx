// Is the meeting on schedule? From the shared projection (wall time, not item timers).
import { projectedDayEnd, runningLate } from '../../../../shared/meeting/timer.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { formatMinutes } from '../../lib/time.ts';
import { dualTime, localTimeZone } from '../../lib/meetingTime.ts';
import { useStore } from '../../store/index.ts';

/** Under a minute either way reads as on time: nobody re-plans a day for seconds. */
const ON_TIME_MARGIN_MS = 60_000;

export function RunningLate({ state }: { state: MeetingState }) {
  const now = useServerNow();
  const meeting = useStore((s) => s.meeting);
  const { plannedMs, projectedEndOffsetMs, lateByMs } = runningLate(state, now);
  if (state.status === 'ended') {
    return (
      <p className="running-late muted">
        Took {formatMinutes(projectedEndOffsetMs)} of {formatMinutes(plannedMs)} planned
      </p>
    );
  }
  if (state.status !== 'live') {
    return <p className="running-late muted">Planned length: {formatMinutes(plannedMs)}</p>;
  }
  // Per day: the projection counts from the current day's start (shared/meeting/timer.ts).
  const projectedEnd = projectedDayEnd(state, now);
  const zone = meeting?.timeZone ?? localTimeZone();
  const late = lateByMs >= ON_TIME_MARGIN_MS;
  const early = lateByMs <= -ON_TIME_MARGIN_MS;
  const text = late ? `Running ${formatMinutes(lateByMs)} late` : early ? `${formatMinutes(lateByMs)} ahead of plan` : 'On time';
  return (
    <p className={`running-late ${late ? 'is-late' : 'on-time'}`}>
      <strong>{text}</strong>
      {projectedEnd !== null && (
        <span className="muted">
          {' '}· projected end <span data-testid="projected-end">{dualTime(projectedEnd, zone, localTimeZone())}</span>
        </span>
      )}
    </p>
  );
}
