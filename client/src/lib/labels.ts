// Words the UI shows for domain values, in one place.
import type { AgendaItemKind, AttendanceMode, AttendanceStatus, Leadership, MeetingFormat, Role } from '../../../shared/domain.ts';

export const ROLE_LABEL: Record<Role, string> = {
  organiser: 'Organiser',
  coach: 'Coach',
  member: 'Member',
  observer: 'Observer',
};

export const LEADERSHIP_LABEL: Record<Leadership, string> = { 'coach-led': 'Coach-led', 'peer-led': 'Peer-led' };
export const FORMAT_LABEL: Record<MeetingFormat, string> = { 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid' };
export const MODE_LABEL: Record<AttendanceMode, string> = { room: 'In the room', remote: 'Remote' };
export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = {
  present: 'Present',
  remote: 'Remote',
  late: 'Late',
  absent: 'Absent',
};

export const KIND_LABEL: Record<AgendaItemKind, string> = {
  opening: 'Opening',
  financials: 'Financials',
  goals: 'Goal review',
  hotseat: 'Hot seat',
  topics: 'Topics',
  'new-goals': 'New goals',
  closing: 'Closing',
  custom: 'Custom',
  break: 'Break',
  'day-end': 'End of day',
};

/** Only same-app paths may be used as a post-login destination (no open redirects). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
