// Response shapes of "my page" (/api/me/overview) and the coach's overview, shared by server and client.
import type { Commitment } from './collab/commitments.ts';
import type { AttendanceStatus, Group, GroupRole, Meeting } from './domain.ts';
import type { CompletionRate, Goal } from './goals/types.ts';
import type { MyReadiness } from './readiness.ts';

export interface OpenCommitment extends Commitment {
  meetingId: string;
  meetingTitle: string;
  overdue: boolean;
}

export interface PersonRecord {
  userId: string;
  name: string;
  company: string | null;
  goals: Goal[];
  completion: CompletionRate[];
  openCommitments: OpenCommitment[];
  attendance: { meetingId: string; quarter: string; title: string; status: AttendanceStatus | null }[];
}

export interface MyGroupOverview extends PersonRecord {
  group: Group;
  role: GroupRole | 'organiser';
  /** Per KPI: my figure and the group median, quarter by quarter (what I may see). */
  figures: { kpiKey: string; label: string; points: { quarter: string; mine: number | null; median: number | null }[] }[];
  /** The currency the group's money is in (its own, else its network's). */
  currency: string;
  /** Ended meetings, newest first, for recaps. */
  pastMeetings: Meeting[];
  /** The earliest meeting not yet ended (live or scheduled), for the home page; null if none. */
  nextMeeting: Meeting | null;
  /** My checklist for `nextMeeting` (member companies only; null otherwise): my row of its readiness grid. */
  myReadiness: MyReadiness | null;
}
