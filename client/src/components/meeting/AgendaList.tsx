// The agenda for everyone: current item highlighted, planned and actual minutes. The
// facilitator clicks an item to jump there.
import type { AgendaItem } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { timeOnCurrentVisit } from '../../../../shared/meeting/timer.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { KIND_LABEL } from '../../lib/labels.ts';
import { formatMinutes } from '../../lib/time.ts';
import { useStore } from '../../store/index.ts';
import { dayCount, dayOf } from '../../../../shared/meeting/days.ts';
import { formatTime, localTimeZone, plannedStarts } from '../../lib/meetingTime.ts';
import { sameWallTime } from '../../../../shared/calendar/zoned.ts';

function actualMs(state: MeetingState, item: AgendaItem, index: number, now: number): number {
  return item.spentMs + (index === state.currentIndex ? timeOnCurrentVisit(state, now) : 0);
}

export function AgendaList({ state, canJump }: { state: MeetingState; canJump: boolean }) {
  const now = useServerNow();
  const sendCommand = useStore((s) => s.sendCommand);
  const live = state.status === 'live';
  const meeting = useStore((s) => s.meeting);
  // Planned clock times in the meeting's zone, from each day's scheduled start; the viewer's own
  // time beside each when their clock reads differently (a remote member abroad).
  const starts = plannedStarts(state.agenda, meeting);
  const viewer = localTimeZone();
  const multiDay = dayCount(state.agenda) > 1;
  return (
    <ol className="agenda" data-testid="agenda">
      {state.agenda.map((item, i) => {
        const isCurrent = live && i === state.currentIndex;
        const spent = actualMs(state, item, i, now);
        const over = spent > item.durationMs;
        const start = starts[i] ?? null;
        const firstOfDay = multiDay && (i === 0 || state.agenda[i - 1]?.kind === 'day-end');
        if (item.kind === 'day-end') {
          return (
            <li key={item.id} className={`agenda-day-end ${isCurrent ? 'is-current' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
              {item.title} · day {dayOf(state.agenda, i) + 2} follows
            </li>
          );
        }
        return (
          <li key={item.id} className={`agenda-item ${isCurrent ? 'is-current' : ''} ${live && i < state.currentIndex ? 'is-done' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
            <span className="agenda-index" aria-hidden="true">
              {i + 1}
            </span>
            <span className="agenda-title">
              {canJump && live && !isCurrent ? (
                <button type="button" className="link-button" title="Jump to this item" onClick={() => void sendCommand({ type: 'agenda.jump', itemId: item.id })}>
                  {item.title}
                </button>
              ) : (
                item.title
              )}
              <span className="agenda-kind">{KIND_LABEL[item.kind]}</span>
              {item.fixed && <span className="agenda-kind agenda-fixed" title="Keeps its time when the day is re-balanced">Fixed</span>}
            </span>
            <span className="agenda-times">
              {start !== null && meeting && (
                <span className="agenda-clock">
                  {firstOfDay ? `Day ${dayOf(state.agenda, i) + 1} · ` : ''}
                  {formatTime(start, meeting.timeZone)}
                </span>
              )}
              {start !== null && meeting && !sameWallTime(start, meeting.timeZone, viewer) && (
                <span className="agenda-clock-viewer">{formatTime(start, viewer)} your time</span>
              )}
              <span data-testid="planned">{formatMinutes(item.durationMs)} planned</span>
              {spent > 0 && <span className={over ? 'text-over' : ''}>{formatMinutes(spent)} actual</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
