// Types of /api/me/overview, mirrored from server/services/overview.ts.
import type { Commitment } from '../../../shared/collab/commitments.ts';
import type { AttendanceStatus, Group, GroupRole, Meeting } from '../../../shared/domain.ts';
import type { CompletionRate, Goal } from '../../../shared/goals/types.ts';
import { http } from './http.ts';

export interface OpenCommitment extends Commitment {
  meetingId: string;
  meetingTitle: string;
  overdue: boolean;
}

export interface MyGroupOverview {
  group: Group;
  role: GroupRole | 'organiser';
  userId: string;
  name: string;
  company: string | null;
  goals: Goal[];
  completion: CompletionRate[];
  openCommitments: OpenCommitment[];
  attendance: { meetingId: string; quarter: string; title: string; status: AttendanceStatus | null }[];
  figures: { kpiKey: string; label: string; points: { quarter: string; mine: number | null; median: number | null }[] }[];
  pastMeetings: Meeting[];
}

export const overviewApi = {
  mine: () => http.get<{ groups: MyGroupOverview[] }>('/api/me/overview'),
};
