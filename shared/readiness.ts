// Readiness before a meeting: per member company, what they have prepared. The coach's grid
// (peer-led groups: every member's) and each member's own checklist read the same rows.
import { z } from 'zod';

export type FiguresReadiness = 'complete' | 'partial' | 'none';

export interface MemberReadiness {
  userId: string;
  name: string;
  company: string | null;
  /** Figures of the quarter the financial review looks at: every enterable KPI, some, or none. */
  figures: FiguresReadiness;
  figuresEntered: number;
  figuresExpected: number;
  /** Goals under review, and how many of them have a progress note. */
  goalsTotal: number;
  goalsWithProgress: number;
  /** The pre-meeting update for this meeting is written (shared/updates.ts). */
  updateSent: boolean;
  /** The member's RSVP for the meeting (shared/attendance.ts), null before they answered. */
  rsvp: 'room' | 'remote' | 'excused' | null;
  /** Figures complete, every goal under review has progress, and the update is sent (the norms do not count here). */
  ready: boolean;
  /** Their latest acceptance of the group's norms (ISO), null if never. */
  normsAcceptedAt: string | null;
  /** Accepted within the last 12 months (shared/norms.ts). */
  normsCurrent: boolean;
}

/**
 * What a meeting asks its member companies to prepare beyond the update (and the RSVP, shown but
 * never required). A shared session of a network event asks none of these: it has no financial
 * review and no goals (shared/access), and no norms of a group of its own (its opening states the
 * session's confidentiality instead); the grid and checklist leave them out.
 */
export interface ReadinessExpects {
  figures: boolean;
  goals: boolean;
  norms: boolean;
}

export interface MeetingReadiness {
  meetingId: string;
  expects: ReadinessExpects;
  /** The quarter whose figures the financial review reviews (the one before the meeting's). */
  figuresQuarter: string;
  /** The quarter whose goals the goal review reviews. */
  goalsQuarter: string;
  members: MemberReadiness[];
}

/** A member's own checklist for one meeting (the home page): their row of the grid. */
export interface MyReadiness {
  meetingId: string;
  expects: ReadinessExpects;
  figuresQuarter: string;
  goalsQuarter: string;
  me: MemberReadiness;
}

export const remindBody = z.object({ userIds: z.array(z.string().min(1).max(64)).max(50).optional() });
