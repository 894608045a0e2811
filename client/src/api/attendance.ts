// RSVPs, the group's attendance rule and each member's record against it.
import type { AttendanceRule, GroupAttendance, Rsvp, RsvpResponse } from '../../../shared/attendance.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const attendanceApi = {
  rsvps: (meetingId: string) => http.get<(Rsvp & { name: string })[]>(`/api/meetings/${enc(meetingId)}/rsvps`),
  rsvp: (meetingId: string, response: RsvpResponse, reason = '') => http.put<Rsvp>(`/api/meetings/${enc(meetingId)}/rsvp/mine`, { response, reason }),
  record: (groupId: string) => http.get<GroupAttendance>(`/api/groups/${enc(groupId)}/attendance`),
  setRule: (groupId: string, rule: AttendanceRule | null) => http.put<{ rule: AttendanceRule; defaultRule: boolean }>(`/api/groups/${enc(groupId)}/attendance-rule`, { rule }),
};
