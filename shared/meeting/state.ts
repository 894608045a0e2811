// The live state of one meeting: the reducer's input and output, stored on every change.
import type { AgendaItem, AttendanceMode, AttendanceStatus, MeetingStatus } from '../domain.ts';
import type { ShownFile } from '../wallFile.ts';
import type { HotSeatProtocol } from './hotseatProtocol.ts';

/**
 * A countdown as data. The server never runs intervals: every client computes the
 * remaining time from these fields and its own clock (see timer.ts).
 */
export interface TimerState {
  itemId: string;
  /** Time box, including extensions. */
  durationMs: number;
  /** Epoch ms when the timer last started or resumed; null while paused or not started. */
  runningSince: number | null;
  /** Time counted before the last (re)start. */
  elapsedMs: number;
}

export interface AttendanceEntry {
  userId: string;
  status: AttendanceStatus;
  mode: AttendanceMode;
  /** First time the person joined the live room (epoch ms), null if never. */
  joinedAt: number | null;
}

export interface RaisedHand {
  userId: string;
  raisedAt: number;
}

/** The id of a stage of the meeting's hot-seat protocol (state.hotSeatProtocol). */
export type HotSeatStage = string;

/** One presenter of a hot-seat item and the issue they bring. */
export interface HotSeatPresenter {
  userId: string;
  topic: string;
  /** The member proposal it came from, if any. */
  proposalId: string | null;
}

/**
 * An advice round-robin: everyone but the presenter speaks in turn, each for turnMs.
 * Clients count a turn down from turnStartedAt with their own clock (like the timer).
 */
export interface AdviceRound {
  speakers: string[];
  /** Index into speakers of who has the floor. */
  index: number;
  turnMs: number;
  turnStartedAt: number;
}

/**
 * One hot-seat item: its presenters in order, each with their own hot seat (the whole protocol,
 * in an equal share of the item's time), whose turn it is, and the stage the room is in.
 * presenterId, topic and proposalId mirror the current presenter (presenters[turn]) so readers
 * that know one presenter per seat (recap, exports) keep reading the one on the seat.
 */
export interface HotSeatState {
  presenterId: string | null;
  topic: string;
  proposalId: string | null;
  presenters: HotSeatPresenter[];
  /** Index into presenters of the one in the seat. */
  turn: number;
  /** null until the room enters the item. */
  stage: HotSeatStage | null;
  stageStartedAt: number | null;
  /** The advice round of the current stage, while it goes round. */
  round: AdviceRound | null;
}

/**
 * A problem a member proposes for a hot seat; the group votes to rank them. Votes are
 * anonymous: the stored state lists every voter (a second vote takes one's vote back), a
 * viewer's copy (viewFor.ts) only the viewer, if they voted. Everyone sees voteCount.
 */
export interface TopicProposal {
  id: string;
  userId: string;
  title: string;
  votes: string[];
  /** How many voted for it (votes.length in the stored state). */
  voteCount: number;
}

/**
 * The meeting's rating as anyone may read it. distribution[i] is how many gave i + 1; it is
 * null below LIMITS.ratingDistributionMinRaters raters (shared/access showsRatingDistribution).
 */
export interface RatingSummary {
  count: number;
  /** To one decimal; null while nobody has rated. */
  average: number | null;
  distribution: number[] | null;
}

/** When one meeting day actually ran (epoch ms): recap's actual times and the day's projection. */
export interface DayRun {
  startedAt: number;
  /** Set when the room reaches the day's end (adjourned) or the meeting ends on that day. */
  endedAt: number | null;
  /**
   * The day's planned length when it started: the mark "on time" is measured against, so a
   * re-balance that shortens the rest of the day brings the projected end back to it.
   */
  plannedMs: number;
  /**
   * Who attended that day and how (present / remote / late; absent: not listed). A first join
   * on the day records it, late counted from that day's start; the facilitator corrects it.
   * Missing on days run before per-day attendance existed.
   */
  attendance?: Record<string, AttendanceStatus>;
}

/** The boxes a re-balance replaced, so one command can put them back. */
export interface RebalanceUndo {
  before: { itemId: string; durationMs: number }[];
}

export interface MeetingState {
  meetingId: string;
  status: MeetingStatus;
  /** Increments on every accepted command; lets clients drop stale snapshots. */
  version: number;
  agenda: AgendaItem[];
  /** Index into agenda of the current item; -1 before the meeting starts. */
  currentIndex: number;
  /** When the room entered the current item (epoch ms); used to accumulate spentMs. */
  itemEnteredAt: number | null;
  timer: TimerState | null;
  facilitatorId: string;
  attendance: Record<string, AttendanceEntry>;
  hands: RaisedHand[];
  startedAt: number | null;
  endedAt: number | null;
  /** The member whose numbers or goals the room is looking at (financial and goal review). */
  focusUserId: string | null;
  /** Who has the floor, called from the hand queue. */
  speakerId: string | null;
  /** Keyed by agenda item id (items of kind 'hotseat'). */
  hotSeats: Record<string, HotSeatState>;
  /** The hot-seat protocol, copied from the template when the meeting was created. */
  hotSeatProtocol: HotSeatProtocol;
  topics: TopicProposal[];
  /**
   * Closing: each participant's 1..10 rating of the meeting, by user id, in the stored state
   * (so a rater can change theirs). A viewer's copy (viewFor.ts) holds only the viewer's own.
   */
  ratings: Record<string, number>;
  /** Indexed by meeting day (0-based, see days.ts); a day not yet reached has no entry. */
  dayRuns: DayRun[];
  /** The last re-balance, until it is undone or another replaces it. */
  rebalanceUndo: RebalanceUndo | null;
  /** The aggregate of `ratings`, kept by the reducer; what everyone reads. */
  ratingSummary: RatingSummary;
  /** The shared file on the wall (wall.show at a topics item), until hidden or the room moves on. */
  shownFile: ShownFile | null;
}
