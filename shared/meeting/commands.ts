// Commands the room accepts. The zod schema is the single definition; the TS type is derived.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { AGENDA_KINDS } from '../domain.ts';

const itemId = z.string().min(1).max(64);
const durationMs = z
  .number()
  .int()
  .min(LIMITS.agendaItemMinMs)
  .max(LIMITS.agendaItemMaxMs);
const agendaKind = z.enum(AGENDA_KINDS);
const title = z.string().trim().min(1).max(LIMITS.agendaTitleMax);

export const meetingCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('meeting.start') }),
  z.object({ type: z.literal('meeting.end') }),
  z.object({ type: z.literal('agenda.next') }),
  z.object({ type: z.literal('agenda.back') }),
  z.object({ type: z.literal('agenda.jump'), itemId }),
  z.object({
    type: z.literal('agenda.add'),
    item: z.object({ id: itemId, kind: agendaKind, title, durationMs, fixed: z.boolean().optional() }),
    /** Insert position; appended when omitted. */
    index: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('agenda.remove'), itemId }),
  z.object({ type: z.literal('agenda.move'), itemId, toIndex: z.number().int().min(0) }),
  z.object({
    type: z.literal('agenda.update'),
    itemId,
    title: title.optional(),
    durationMs: durationMs.optional(),
    /** Fixed items keep their box when the day is re-balanced. */
    fixed: z.boolean().optional(),
  }),
  /** Shorter boxes for the rest of the day as timer.ts rebalance() computes them at the server's clock. */
  z.object({ type: z.literal('agenda.rebalance') }),
  /** Puts back the boxes the last re-balance changed. */
  z.object({ type: z.literal('agenda.rebalance.undo') }),
  /** Moves time from the next item's box to the current one (the day's plan keeps its length). */
  z.object({
    type: z.literal('agenda.borrow'),
    ms: z.number().int().min(60_000).max(LIMITS.timerExtendMaxMs).refine((ms) => ms % 60_000 === 0, 'Whole minutes only'),
  }),
  z.object({ type: z.literal('timer.start') }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.resume') }),
  z.object({ type: z.literal('timer.extend'), ms: z.number().int().min(1_000).max(LIMITS.timerExtendMaxMs) }),
  z.object({ type: z.literal('timer.reset') }),
  z.object({ type: z.literal('facilitator.handoff'), userId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('hand.raise') }),
  z.object({ type: z.literal('hand.lower') }),
  /** Facilitator takes a hand off the queue (called on, or cleared). */
  z.object({ type: z.literal('hand.clear'), userId: z.string().min(1).max(64) }),
  /** The caller says where they attend from; recorded in attendance. */
  z.object({ type: z.literal('attendance.join'), mode: z.enum(['room', 'remote']) }),
  /** Facilitator corrects attendance. */
  z.object({
    type: z.literal('attendance.set'),
    userId: z.string().min(1).max(64),
    status: z.enum(['present', 'remote', 'late', 'absent']),
  }),
  /** Facilitator: whose numbers or goals the room looks at (null: the whole group). */
  z.object({ type: z.literal('focus.set'), userId: z.string().min(1).max(64).nullable() }),
  /** Facilitator gives the floor to someone with a raised hand. */
  z.object({ type: z.literal('hand.call'), userId: z.string().min(1).max(64) }),
  /** The speaker (or the facilitator) ends their turn. */
  z.object({ type: z.literal('speaker.clear') }),
  z.object({
    type: z.literal('hotseat.setup'),
    itemId,
    presenterId: z.string().min(1).max(64),
    topic: z.string().trim().min(1).max(LIMITS.topicTitleMax),
    proposalId: z.string().min(1).max(64).optional(),
  }),
  /** The ordered presenters of a hot-seat item, each with their own issue and turn. */
  z.object({
    type: z.literal('hotseat.presenters'),
    itemId,
    presenters: z
      .array(z.object({ userId: z.string().min(1).max(64), topic: z.string().trim().min(1).max(LIMITS.topicTitleMax), proposalId: z.string().min(1).max(64).optional() }))
      .min(1)
      .max(LIMITS.presentersPerSeatMax),
  }),
  /** A stage of the meeting's protocol (by id); `presenter` (index) moves to another presenter's turn. */
  z.object({ type: z.literal('hotseat.stage'), itemId, stage: z.string().min(1).max(32), presenter: z.number().int().min(0).max(LIMITS.presentersPerSeatMax - 1).optional() }),
  /** Starts the advice round of the current stage; speakers and turn length default from the room. */
  z.object({
    type: z.literal('hotseat.round.start'),
    itemId,
    speakerIds: z.array(z.string().min(1).max(64)).min(1).max(LIMITS.adviceRoundMaxSpeakers).optional(),
    turnMs: z.number().int().min(LIMITS.adviceTurnMinMs).max(LIMITS.adviceTurnMaxMs).optional(),
  }),
  /** The next speaker of the advice round (after the last one the round ends). */
  z.object({ type: z.literal('hotseat.round.next'), itemId }),
  z.object({ type: z.literal('topic.propose'), id: z.string().min(1).max(64), title: z.string().trim().min(1).max(LIMITS.topicTitleMax) }),
  z.object({ type: z.literal('topic.vote'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('topic.withdraw'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('rating.submit'), score: z.number().int().min(1).max(10) }),
  /**
   * Facilitator, at a topics item: put a shared image or PDF of the group on the wall. The
   * server sets title and media from the stored file (its sniffed bytes), replacing whatever
   * was sent; the reducer refuses a command without them.
   */
  z.object({
    type: z.literal('wall.show'),
    resourceId: z.string().min(1).max(64),
    title: z.string().min(1).max(LIMITS.resourceTitleMax).optional(),
    media: z.enum(['image', 'pdf']).optional(),
  }),
  /** Facilitator: take the file off the wall. */
  z.object({ type: z.literal('wall.hide') }),
]);

export type MeetingCommand = z.infer<typeof meetingCommandSchema>;
export type MeetingCommandType = MeetingCommand['type'];
