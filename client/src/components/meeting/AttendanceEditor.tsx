// The facilitator corrects attendance for every member: present, remote, late, absent.
import type { AttendanceStatus } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { ATTENDANCE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { LabelOptions } from '../LabelOptions.tsx';

export function AttendanceEditor({ state }: { state: MeetingState }) {
  const members = useStore((s) => s.members);
  const sendCommand = useStore((s) => s.sendCommand);
  const set = (userId: string, status: AttendanceStatus) => void sendCommand({ type: 'attendance.set', userId, status });
  return (
    <ul className="attendance-list">
      {members.map((m) => {
        const status = state.attendance[m.userId]?.status;
        return (
          <li key={m.userId}>
            <span>{m.name}</span>
            <select aria-label={`Attendance of ${m.name}`} value={status ?? ''} onChange={(e) => set(m.userId, e.target.value as AttendanceStatus)}>
              {!status && <option value="">Not recorded</option>}
              <LabelOptions labels={ATTENDANCE_LABEL} />
            </select>
          </li>
        );
      })}
    </ul>
  );
}
