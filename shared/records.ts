// Request bodies (zod) and response shapes of the meeting's records: financial review, goals
// and the meeting summary. docs/API.md documents the same contract.
import type { MeetingUpdates } from './updates.ts';
import { z } from 'zod';
import type { Commitment } from './collab/commitments.ts';
import type { AttendanceOutcome } from './attendance.ts';
import type { AgendaItemKind, AttendanceMode, AttendanceStatus, Group, Meeting } from './domain.ts';
import { customKpiSchema } from './financials/kpiBodies.ts';
import { quarterSchema } from './financials/quarterSchema.ts';
import type { KpiDefinition, KpiGroupStats, KpiMemberView } from './financials/types.ts';
import { GOAL_PROGRESS_MAX } from './goals/carryOver.ts';
import { goalCreateSchema, goalReviewSchema } from './goals/goalBodies.ts';
import type { CompletionRate, Goal } from './goals/types.ts';
import type { NoteBlock } from './notes/blocks.ts';
import type { RatingSummary } from './meeting/state.ts';
import type { LibraryResource } from './resources.ts';

/** One entry form holds every KPI at most once; custom KPIs included this is far below. */
const FIGURES_PER_WRITE_MAX = 100;
const id = z.string().min(1).max(64);

export const customKpiBody = customKpiSchema;

/** The caller's own figures for one quarter; value null removes that figure. */
export const figuresBody = z.object({
  figures: z
    .array(z.object({ kpiKey: z.string().trim().min(1).max(64), value: z.number().nullable(), coachOnly: z.boolean().optional() }))
    .max(FIGURES_PER_WRITE_MAX),
});

export const goalBody = goalCreateSchema.extend({
  quarter: quarterSchema,
  /** Someone else's goal: the coach, an organiser or the facilitator, during a live meeting. */
  userId: id.optional(),
});

export const goalPatchBody = z
  .object({
    text: goalCreateSchema.shape.text,
    target: goalCreateSchema.shape.target.unwrap(),
    dueDate: goalCreateSchema.shape.dueDate.unwrap(),
    progress: z.string().trim().max(GOAL_PROGRESS_MAX, `Progress notes are at most ${GOAL_PROGRESS_MAX} characters`),
    vague: z.boolean(),
  })
  .partial()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to update');

export const goalReviewBody = goalReviewSchema;

export const goalQuery = z.object({ quarter: quarterSchema.optional(), userId: id.optional() });
export const benchmarkQuery = z.object({ quarter: quarterSchema });
/** `audience=room`: the figures as the whole room may see them (the wall), no one's coach-only figure. */
export const financialsQuery = z.object({ audience: z.enum(['room']).optional() });

/** Recap downloads: `roomOnly=include` asks for what stays in the room (people in the room only). */
export const recapExportQuery = z.object({ roomOnly: z.enum(['include']).optional() });

export type FiguresBody = z.infer<typeof figuresBody>;
export type GoalBody = z.infer<typeof goalBody>;
export type GoalPatchBody = z.infer<typeof goalPatchBody>;

// ---- responses ----

export interface FinancialsMember {
  userId: string;
  name: string;
  company: string | null;
  /** One view per KPI of `kpis` (derived ones included); value null where the viewer sees no figure. */
  views: Record<string, KpiMemberView>;
  /** Keys of this quarter's figures marked coach-only; only shown to their owner, the coach and organisers. */
  coachOnlyKeys: string[];
}

export interface GroupFinancials {
  quarter: string;
  kpis: KpiDefinition[];
  members: FinancialsMember[];
  /** Over the figures this viewer may see: others' coach-only figures are not in them. */
  stats: Record<string, KpiGroupStats>;
  /** userId -> kpiKey -> the last 8 quarters up to `quarter`, oldest first, for charts. */
  history: Record<string, Record<string, { quarter: string; value: number }[]>>;
  /** kpiKey -> the group median per quarter of the same window (over what this viewer sees), oldest first. */
  medians: Record<string, { quarter: string; median: number | null }[]>;
  /** false for observers of a group that keeps its figures from them: views, stats and history are empty. */
  canSeeFigures: boolean;
  /** ISO 4217 code the money KPIs are in: the group's own currency, else its network's. */
  currency: string;
  /** The coach has turned on the network median and the industry reference beside the group (Group.reviewShowsBenchmarks). */
  showsBenchmarks: boolean;
}

export interface ReviewResult {
  goal: Goal;
  /** The goal's continuation next quarter (partly / not done), or null (done). */
  carried: Goal | null;
}

export interface GoalCompletion {
  members: { userId: string; name: string; history: CompletionRate[] }[];
}

/** The coach's at-a-glance: every member company's goals of one quarter (the current one by default). */
export interface GoalsOverview {
  quarter: string;
  members: {
    userId: string;
    name: string;
    company: string | null;
    /** Goals of `quarter`, with status, progress and carriedCount. */
    goals: Goal[];
    /** How many of them were carried in from an earlier quarter. */
    carried: number;
    completion: CompletionRate;
    /** Over every reviewed goal of every quarter (done 1, partly 0.5); null before any review. */
    overallRate: number | null;
  }[];
}

export interface GoalReviewSet {
  reviewQuarter: string;
  newQuarter: string;
  previousMeetingId: string | null;
  review: Goal[];
  new: Goal[];
}

/** The financial review at a glance, as this viewer may see it (same rules as GroupFinancials). */
export interface SummaryFinancials {
  quarter: string;
  /** false for observers of a group that keeps its figures from them: both lists are empty. */
  canSeeFigures: boolean;
  /** ISO 4217 code the money KPIs are in (as in GroupFinancials). */
  currency: string;
  /** Group median per KPI that has figures this viewer may see, over those figures. */
  medians: { kpiKey: string; label: string; median: number | null; n: number }[];
  /** Per member company and KPI: rank now and the quarter before (1 = best); change > 0 moved up. */
  ranks: { userId: string; name: string; kpiKey: string; rank: number | null; previousRank: number | null; change: number | null }[];
}

/** One agenda item's notes in a summary. */
export interface SummaryNotes {
  itemId: string;
  title: string;
  blocks: NoteBlock[];
}

/** One meeting day in the record: when it was planned and when it actually ran. */
export interface RecapDay {
  /** 1-based. */
  day: number;
  /** The scheduled date ("2026-10-24") if the meeting has one for this day. */
  date: string | null;
  /** ISO instants the day actually started and ended (adjourned or ended); null if it never ran. */
  startedAt: string | null;
  endedAt: string | null;
  plannedMin: number;
  /** Time spent on the day's items (breaks included), by the room's clock. */
  actualMin: number;
  /** That day's attendance (present / remote / late; absent: not listed); null before it was recorded per day. */
  attendance: { userId: string; status: AttendanceStatus }[] | null;
}

export interface MeetingSummary {
  meeting: Meeting;
  group: Group;
  agenda: { itemId: string; title: string; kind: AgendaItemKind; plannedMin: number; actualMin: number }[];
  /** Each meeting day as it ran (recapDays, shared/meeting/recapDays.ts). */
  days: RecapDay[];
  /** `outcome`/`label`: how they took part, RSVP apologies included (attendanceOutcome, shared/attendance.ts). */
  attendance: { userId: string; name: string; status: AttendanceStatus; mode: AttendanceMode; outcome: AttendanceOutcome; label: string }[];
  /**
   * Count, average and (from 3 raters) the spread, plus the viewer's own score: who gave
   * which rating is not part of the record (shared/meeting/viewFor.ts).
   */
  rating: RatingSummary & { mine: number | null };
  /**
   * Figures of the meeting's quarter; null for a shared session of a network event, which has no
   * financial review (each group reviews its figures in its own meeting).
   */
  financials: SummaryFinancials | null;
  /**
   * The goals reviewed and set; null for a shared session of a network event, which has no goals
   * (each group reviews and sets its goals in its own meeting).
   */
  review: Goal[] | null;
  newGoals: Goal[] | null;
  /** Of the review quarter, one entry per member company; null where `review` is. */
  completion: CompletionRate[] | null;
  hotSeats: { itemId: string; title: string; presenter: { userId: string; name: string } | null; topic: string }[];
  /** Shared at this meeting, newest first. */
  resources: LibraryResource[];
  /**
   * From the SummaryDocsReader (server/services/summaryDocs.ts) as block trees (shared/notes/);
   * items without notes are left out. Blocks that stay in the room come flagged `roomOnly`, and
   * only to people in the room.
   */
  notes: SummaryNotes[];
  commitments: Commitment[];
  /** Pre-meeting updates read at the check-in; empty for readers outside the room (updates.read). */
  updates: MeetingUpdates['updates'];
  /** The meeting scheduled at this one's closing (PUT /api/meetings/:id/next); null if none. */
  next: Meeting | null;
}
