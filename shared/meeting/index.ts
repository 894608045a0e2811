// The meeting's public API: state, commands, the reducer, rights, timers and templates.
export type { DayRun, RebalanceUndo, AttendanceEntry, AdviceRound, HotSeatPresenter, HotSeatStage, HotSeatState, MeetingState, RaisedHand, RatingSummary, TimerState, TopicProposal } from './state.ts';
export { meetingCommandSchema, type MeetingCommand, type MeetingCommandType } from './commands.ts';
export { apply, createMeetingState, LATE_AFTER_MS, type ApplyResult, type MeetingEvent } from './reducer.ts';
export type { Actor } from '../access/index.ts';
export {
  elapsedMs,
  formatClock,
  isOvertime,
  projectedDayEnd,
  rebalance,
  remainingMs,
  runningLate,
  type ProposedDuration,
  type RunningLate,
} from './timer.ts';
export { agendaFromTemplate, BUILT_IN_TEMPLATES, STANDARD_TEMPLATE, TWO_DAY_TEMPLATE } from './templates.ts';
export { agendaDays, currentDay, dayCount, dayOf, dayRange, isAdjourned, isDayEnd, isWorkItem } from './days.ts';
export { rankedTopics, stageDurationMs, summarizeRatings } from './hotseat.ts';
export { nextStep, protocolStage, roundView } from './hotseatTurns.ts';
export { CLASSIC_PROTOCOL, PRESET_PROTOCOLS, resolveProtocol, type HotSeatProtocol, type ProtocolChoice, type ProtocolStage, type StageKind } from './hotseatProtocol.ts';
export { protocolChoiceSchema } from './protocolChoice.ts';
export { viewFor } from './viewFor.ts';
export { normalizeState } from './normalize.ts';
