// Goals: set at one meeting, reviewed at the next; unfinished ones carry over.

export type GoalStatus = 'open' | 'done' | 'partly' | 'not_done';

export interface Goal {
  id: string;
  groupId: string;
  userId: string;
  /** The quarter of the meeting where the goal was set, e.g. "2026-Q3". Reviewed at the next meeting. */
  quarter: string;
  /** Meeting where it was set (null for goals entered between meetings). */
  meetingId: string | null;
  text: string;
  /** What "done" means, measurably ("10 new managed-services contracts"). */
  target: string;
  dueDate: string | null;
  status: GoalStatus;
  /** The review comment ("closed 7 of 10"). */
  comment: string;
  /** Progress notes the member keeps between meetings. */
  progress: string;
  /** When the progress note was last written (null: never). */
  progressAt: string | null;
  /** The goal this one continues, and how many quarters it has been carried so far. */
  carriedFromId: string | null;
  carriedCount: number;
  /** Flagged by the coach or a peer as lacking a measurable target. */
  vague: boolean;
  createdAt: string;
  updatedAt: string;
  /** Set when a carried goal was given up (absent otherwise): it is neither reviewed nor carried again. */
  dropped?: GoalDrop;
  /** Set when a carried goal's wording was changed (absent otherwise): the first wording stays on the record. */
  reworded?: GoalReword;
}

/** Who gave a carried goal up, when, and why ("no longer a priority since the merger"). */
export interface GoalDrop {
  reason: string;
  byUserId: string;
  at: string;
}

/** The wording a carried goal had before its first rewording, and why it was changed (the latest reason). */
export interface GoalReword {
  from: string;
  reason: string;
  byUserId: string;
  at: string;
}

/** Completion for one member in one quarter: done counts 1, partly counts 0.5. */
export interface CompletionRate {
  userId: string;
  quarter: string;
  total: number;
  done: number;
  partly: number;
  notDone: number;
  /** 0..1; null when there were no reviewed goals. */
  rate: number | null;
}
