// The access module: every rule about who may see or do what, pure and table-tested
// (access.test.ts). Server services, the socket channel, the collab upgrade and the client
// all ask it; nothing else compares role strings.
export { takesPart, hasCompany, isGuest, ROLE_RANK, roleOf, subjectOf, type Subject } from './subject.ts';
export {
  allowedActions,
  can,
  check,
  GROUP_ACTIONS,
  SHARED_SESSION_FIGURES,
  SHARED_SESSION_GOALS,
  SHARED_SESSION_NEXT_MEETING,
  inPhase,
  type AccessGroup,
  type GroupAction,
  type MeetingContext,
} from './groupRules.ts';
export { agendaItemsFor, agendaKindsFor, checkAgendaKind } from './agendaKinds.ts';
export {
  authorizeCommand,
  COMMAND_RIGHTS,
  hasFacilitatorRight,
  ownerOrFacilitator,
  mayRecordCommitment,
  rightFor,
  type Actor,
  type ActorRole,
  type Right,
} from './meetingCommands.ts';
export {
  canInviteRole,
  docRight,
  mustAcceptNorms,
  searchVisibilities,
  seesBallot,
  sendsRoomOnly,
  showsRatingDistribution,
  type DocRight,
  type DocTarget,
  type SearchVisibility,
} from './content.ts';

import type { Actor } from './meetingCommands.ts';
import { roleOf, type Subject } from './subject.ts';

/** The meeting actor for a subject: the same single role everywhere (roleOf). */
export const actorOf = (s: Subject): Actor => ({ userId: s.userId, role: roleOf(s) });
export { canNetwork, checkNetwork, NETWORK_ACTIONS, networkSubjectOf, type NetworkAction, type NetworkSubject } from './networkRules.ts';
export { attendingGroups, canEvent, checkEvent, eventAudienceRole, seesEmailInSession, EVENT_ACTIONS, type EventAction, type EventSubject } from './eventRules.ts';
export { checkCompanionInvite, checkCoreInvite, checkInterestJoin, invitedForCompany, seesCompanionListing } from './groupKinds.ts';
