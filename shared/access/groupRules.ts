// What a subject may do in a group (and in one of its meetings): one table, deny by default.
// Every HTTP service, the socket channel, the collab upgrade and the client ask `can` or
// `check`; nothing else compares role strings.
import type { Group, MeetingStatus } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import type { Subject } from './subject.ts';

/** The group settings rights depend on. */
export type AccessGroup = Pick<Group, 'leadership' | 'observersSeeFinancials'> & Partial<Pick<Group, 'observersInRoom' | 'observersSeeHotSeat' | 'kind'>>;

/** The meeting an action is about, when it is about one. */
export interface MeetingContext {
  status: MeetingStatus;
}

export const GROUP_ACTIONS = [
  'group.read',
  'group.edit',
  'group.invite',
  // Appointing a coach is a lead's decision, even in peer-led groups.
  'group.invite.coach',
  'group.members.manage',
  'group.templates.write',
  'group.norms.edit',
  // Who has (not) accepted the norms: the group's leads.
  'group.norms.review',
  // Leaving: whoever holds a membership (an organiser without one has nothing to leave).
  'group.leave',
  'meeting.create',
  'meeting.read',
  'meeting.edit',
  'meeting.join',
  'recap.finalize',
  // Scheduling the next meeting at the closing (it then runs as any scheduled meeting). No phase
  // here: the room learns its rights once, at join, before the start; the service checks the status.
  'meeting.scheduleNext',
  'notes.read',
  'notes.write',
  // "Stays in the room" blocks and commitments, in every channel (collab, recap, search, wall).
  'notes.roomOnly',
  // Hot-seat notes: room-only for observers unless the group opens them.
  'notes.hotSeat',
  // the meeting's records: financial review and goals
  'financials.read',
  'financials.figures',
  'financials.coachOnly',
  'financials.write',
  'kpis.manage',
  'benchmarks.read',
  'goals.read',
  'goals.write',
  'goals.assign',
  'goals.review',
  'goals.flag',
  // Dropping or rewording someone else's carried goal (an owner changes their own, through goals.write).
  'goals.carry',
  // the resource library (topics and best practices)
  'resources.read',
  'resources.share',
  'resources.manage',
  // preparation between meetings: the readiness grid and reminders (a member sees their own
  // row through 'goals.write' in the service)
  'readiness.read',
  'readiness.remind',
  // pre-meeting updates: read at the check-in, written by each member company beforehand
  'updates.read',
  'updates.write',
  'updates.prompts',
  // The group on the coach's page across groups (readiness, overdue commitments, trends).
  'group.coaching',
  // company profiles: peers read each other's; proposing a company runs the non-competing
  // check; where profiles overlap the coach decides
  'companies.read',
  'companies.propose',
  'companies.decide',
  // the parking lot: read by the room, added to by participants, tidied by whoever runs the group
  // (an item's author may resolve, drop or schedule their own, checked in the service)
  'parking.read',
  'parking.add',
  'parking.manage',
  // attendance as a rule: member companies RSVP; whoever runs the group sets the rule and sees
  // everyone's record against it (a member company sees its own, through goals.write)
  'rsvp.write',
  'attendance.rule',
  'attendance.review',
  // the network library: the group's coach and members propose the group's resources; the
  // coach approves before anything leaves the group (the group's own list: resources.read)
  'library.propose',
  'library.decide',
  // A group's kind (core, companion of a core group, special-interest by segment): the network's
  // decision, so its organisers'.
  'group.kind',
  // Admitting a company that asked to join a special-interest group: its coach or an organiser.
  'interest.admit',
] as const;

export type GroupAction = (typeof GROUP_ACTIONS)[number];

type Rule = (s: Subject, g: AccessGroup) => boolean;

const isMember: Rule = (s) => s.groupRole !== null || s.organiser;
const hasMembership: Rule = (s) => s.groupRole !== null;
const isLead: Rule = (s) => s.organiser || s.groupRole === 'coach';
/** In peer-led groups the members run the group themselves. */
const isLeadOrPeer: Rule = (s, g) => isLead(s, g) || (g.leadership === 'peer-led' && s.groupRole === 'member');
const isParticipant: Rule = (s) => s.organiser || s.groupRole === 'coach' || s.groupRole === 'member';
const isCompany: Rule = (s) => s.groupRole === 'member';
const isOrganiser: Rule = (s) => s.organiser;
/**
 * Rights come from a membership of this very group (or organising its network), whatever its
 * kind: a companion group's members hold none in the core group their company sits in, and the
 * company's owner none in the companion group (shared/access/groupKinds.ts lists what the owner
 * sees of it: who, and when it meets).
 */
const kindOf = (g: AccessGroup) => g.kind ?? 'core';
/** The coach, an organiser, or whoever facilitates the meeting (a peer in peer-led groups). */
const isLeadOrFacilitator: Rule = (s, g) => isLead(s, g) || (s.facilitating === true && s.groupRole !== 'observer');
/**
 * In the room: the group's coach and members (and organisers, who may coach any group of
 * their network). Observers are guests outside it unless the group lets them in.
 */
const inRoom: Rule = (s, g) => isParticipant(s, g) || (s.groupRole === 'observer' && g.observersInRoom === true);
/** Financials stay in the room: observers see figures only where the group has opened them. */
const seesFigures: Rule = (s, g) => isParticipant(s, g) || (s.groupRole === 'observer' && g.observersSeeFinancials);

const RULES: Record<GroupAction, Rule> = {
  'group.read': isMember,
  'group.edit': isLead,
  'group.invite': isLeadOrPeer,
  'group.invite.coach': isLead,
  'group.members.manage': isLead,
  'group.templates.write': isLeadOrPeer,
  'group.norms.edit': isLeadOrPeer,
  'group.norms.review': isLeadOrPeer,
  'group.leave': hasMembership,
  'meeting.create': isLeadOrPeer,
  'meeting.read': isMember,
  'meeting.edit': isLeadOrPeer,
  'meeting.join': isMember,
  'recap.finalize': isLeadOrFacilitator,
  'meeting.scheduleNext': isLeadOrFacilitator,
  'notes.read': isMember,
  'notes.write': isParticipant,
  'notes.roomOnly': inRoom,
  'notes.hotSeat': (s, g) => isParticipant(s, g) || (s.groupRole === 'observer' && g.observersSeeHotSeat === true),
  'financials.read': isMember,
  'financials.figures': seesFigures,
  // Others' coach-only figures; an owner always sees their own (checked in the service).
  'financials.coachOnly': isLead,
  // Members enter their own figures only; nobody writes a company's numbers for it.
  'financials.write': isCompany,
  'kpis.manage': isLeadOrPeer,
  // Network benchmarks are k-anonymous but still the network's numbers: not for observers.
  // Nor for a companion group: its members are companies' employees, the figures the owners'.
  'benchmarks.read': (s, g) => kindOf(g) !== 'companion' && isParticipant(s, g),
  'goals.read': isMember,
  'goals.write': isCompany,
  // Setting a goal for someone else, reviewing, flagging vague targets: whoever runs the room.
  'goals.assign': isLeadOrFacilitator,
  'goals.review': isLeadOrFacilitator,
  'goals.flag': isLeadOrFacilitator,
  'goals.carry': isLeadOrFacilitator,
  'resources.read': isMember,
  // Observers are read-only guests; whoever is in the room shares.
  'resources.share': isParticipant,
  // Removing someone else's resource: the coach (or an organiser) tidies the library.
  'resources.manage': isLead,
  'readiness.read': isLeadOrPeer,
  'readiness.remind': isLeadOrPeer,
  // Personal news and what a member needs stay in the room: observers only where let in.
  'updates.read': inRoom,
  'updates.write': isCompany,
  // The group changes its prompts as it changes its agenda.
  'updates.prompts': isLeadOrPeer,
  // Whoever leads the group: its coach, or an organiser (the coach's page lists coached groups).
  'group.coaching': isLead,
  // Who competes with whom is the room's business, not a guest's.
  'companies.read': isParticipant,
  // Proposing a company is how a core group grows; companion invites name a company of the
  // parent group instead, and special-interest groups admit by segment.
  'companies.propose': (s, g) => kindOf(g) === 'core' && isLeadOrPeer(s, g),
  // "The coach decides": an organiser may stand in; peers propose but do not decide.
  'companies.decide': isLead,
  // What the room parked (hot-seat matters included) stays in the room.
  'parking.read': inRoom,
  'parking.add': isParticipant,
  'parking.manage': (s, g) => isLeadOrPeer(s, g) || isLeadOrFacilitator(s, g),
  'rsvp.write': isCompany,
  'attendance.rule': isLeadOrPeer,
  'attendance.review': isLeadOrPeer,
  // Those who hold the group's coach or member seat, not an organiser from outside it.
  'library.propose': (s) => s.groupRole === 'coach' || s.groupRole === 'member',
  // The group's consent: its coach (an organiser may stand in); a member never approves.
  'library.decide': isLead,
  'group.kind': isOrganiser,
  'interest.admit': (s, g) => kindOf(g) === 'interest' && isLead(s, g),
};

/**
 * A group's figures are "visible to the group's members and its coach, nobody else" (PRODUCT.md).
 * An event's host group gathers people of several groups, so its shared sessions have no
 * financial review: whoever asks, even an organiser (who reads each group's own review).
 */
const GROUP_FIGURES: ReadonlySet<GroupAction> = new Set(['financials.read', 'financials.figures', 'financials.coachOnly', 'financials.write', 'kpis.manage', 'benchmarks.read']);
export const SHARED_SESSION_FIGURES: ApiError = {
  code: 'forbidden',
  message: "A shared session of a network event has no financial review: each group reviews its figures in its own meeting",
};

/**
 * Goals are each company's own commitments, reviewed by its own group ("hold each other
 * accountable", PRODUCT.md). An event's host group gathers people of several groups, so its
 * shared sessions neither set nor review goals, and nobody reads any there: whoever asks, even an
 * organiser (who reads each group's own goals there).
 */
const GROUP_GOALS: ReadonlySet<GroupAction> = new Set(['goals.read', 'goals.write', 'goals.assign', 'goals.review', 'goals.flag', 'goals.carry']);
export const SHARED_SESSION_GOALS: ApiError = {
  code: 'forbidden',
  message: 'A shared session of a network event has no goals: each group sets and reviews its goals in its own meeting',
};

/**
 * The next meeting set at a closing is the group's next quarterly meeting. An event's host group
 * has none: each participating group schedules its own, and the event's organisers add the
 * event's sessions on its page. So nobody schedules one from a shared session, organisers included.
 */
export const SHARED_SESSION_NEXT_MEETING: ApiError = {
  code: 'forbidden',
  message: "A shared session of a network event has no next meeting: each group schedules its own, and the event's organisers schedule its sessions on the event page",
};

/** The refusal of an action in an event's host group, whoever asks; null for every other action. */
export function sharedSessionRefusal(action: GroupAction): ApiError | null {
  if (GROUP_FIGURES.has(action)) return SHARED_SESSION_FIGURES;
  if (GROUP_GOALS.has(action)) return SHARED_SESSION_GOALS;
  if (action === 'meeting.scheduleNext') return SHARED_SESSION_NEXT_MEETING;
  return null;
}

/** Actions tied to a phase of the meeting: the statuses they need and the error otherwise. */
const PHASE: Partial<Record<GroupAction, { statuses: readonly MeetingStatus[]; error: ApiError }>> = {
  // Members correct the notes after the meeting; then the recap is marked final.
  'recap.finalize': {
    statuses: ['ended'],
    error: { code: 'meeting_not_live', message: 'The recap can be marked final once the meeting has ended' },
  },
  'meeting.edit': {
    statuses: ['scheduled', 'live'],
    error: { code: 'meeting_ended', message: 'This meeting has ended; its details are the record' },
  },
  // An update is written before the meeting (or at the latest during it); then it is the record.
  'rsvp.write': {
    statuses: ['scheduled', 'live'],
    error: { code: 'meeting_ended', message: 'This meeting has ended; attendance is now the record' },
  },
  'updates.write': {
    statuses: ['scheduled', 'live'],
    error: { code: 'meeting_ended', message: 'This meeting has ended; its updates are the record' },
  },
};

/**
 * Whether a meeting in this status takes the action at all, whoever asks: with a group's
 * `allowed` (the role's part), a client tells which of its meetings an action applies to.
 */
export function inPhase(action: GroupAction, status: MeetingStatus): boolean {
  const phase = PHASE[action];
  return !phase || phase.statuses.includes(status);
}

/** null when allowed; otherwise the error: `forbidden` for the role, a phase code for the meeting's status. */
export function check(action: GroupAction, s: Subject, g: AccessGroup, meeting?: MeetingContext): ApiError | null {
  const rule = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  const shared = rule && s.eventAudience === true ? sharedSessionRefusal(action) : null;
  if (shared) return shared;
  if (!rule || !rule(s, g)) return { code: 'forbidden', message: `Your role may not do this (${action})` };
  if (meeting && !inPhase(action, meeting.status)) return PHASE[action]!.error;
  return null;
}

export function can(action: GroupAction, s: Subject, g: AccessGroup, meeting?: MeetingContext): boolean {
  return check(action, s, g, meeting) === null;
}

/** Every action the subject may take: sent to the client as `allowed`, so it never derives rights itself. */
export function allowedActions(s: Subject, g: AccessGroup, meeting?: MeetingContext): GroupAction[] {
  return GROUP_ACTIONS.filter((a) => can(a, s, g, meeting));
}
