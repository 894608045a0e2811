// The facilitator corrects attendance for every member: present, remote, late, absent. While the
// meeting runs the editor sets the day the room is on (the reducer records a correction on that
// day's run too); earlier days of a multi-day meeting are shown read-only beside it.
import type { AttendanceStatus } from '../../../../shared/domain.ts';
import { currentDay, dayCount } from '../../../../shared/meeting/days.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { ATTENDANCE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { LabelOptions } from '../LabelOptions.tsx';

/** The day whose statuses the editor sets: the current day's run while live, else none (meeting level). */
export function editedDay(state: MeetingState): number | null {
  if (state.status !== 'live') return null;
  const day = currentDay(state);
  return state.dayRuns[day] ? day : null;
}

export function AttendanceEditor({ state }: { state: MeetingState }) {
  const members = useStore((s) => s.members);
  const sendCommand = useStore((s) => s.sendCommand);
  const set = (userId: string, status: AttendanceStatus) => void sendCommand({ type: 'attendance.set', userId, status });
  const day = editedDay(state);
  const earlier = day === null ? [] : state.dayRuns.slice(0, day);
  const dayLabel = day !== null && dayCount(state.agenda) > 1 ? ` on day ${day + 1}` : '';
  return (
    <ul className="attendance-list" data-testid="attendance-editor">
      {members.map((m) => {
        const status = day !== null ? state.dayRuns[day]?.attendance?.[m.userId] : state.attendance[m.userId]?.status;
        return (
          <li key={m.userId}>
            <span>{m.name}</span>
            <span className="attendance-days">
              {earlier.map((run, d) => {
                const s = run.attendance?.[m.userId];
                return (
                  <span key={d} className="muted" data-testid={`attendance-day-${d + 1}`}>
                    Day {d + 1}: {s ? ATTENDANCE_LABEL[s] : 'Not recorded'}
                  </span>
                );
              })}
              <span className="attendance-today">
                {day !== null && earlier.length > 0 && <span className="muted">Day {day + 1}:</span>}
                <select aria-label={`Attendance of ${m.name}${dayLabel}`} value={status ?? ''} onChange={(e) => set(m.userId, e.target.value as AttendanceStatus)}>
                  {!status && <option value="">Not recorded</option>}
                  <LabelOptions labels={ATTENDANCE_LABEL} />
                </select>
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
