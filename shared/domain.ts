// Domain types shared by server and client. Plain data only: no classes, no I/O.
import type { ProtocolChoice } from './meeting/hotseatProtocol.ts';
import type { GroupKind, InterestSegment } from './groupKinds.ts';

/** Role a person holds in one group. The organiser role is network-wide (see NetworkRole). */
export type GroupRole = 'coach' | 'member' | 'observer';
export type NetworkRole = 'organiser';
/** Every role a user can hold, as shown in invites and the UI. */
export type Role = NetworkRole | GroupRole;

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export interface Network {
  id: string;
  name: string;
  /** ISO 4217 code money is shown in across the network (groups may override); EUR by default. */
  currency: string;
  createdAt: string;
}

export type Leadership = 'coach-led' | 'peer-led';
export type MeetingFormat = 'in-person' | 'online' | 'hybrid';

export interface Group {
  id: string;
  networkId: string;
  name: string;
  leadership: Leadership;
  format: MeetingFormat;
  tags: string[];
  /** Observers see members' figures only when the group allows it ("stays in the room" by default). */
  observersSeeFinancials: boolean;
  /** The group's own currency (ISO 4217), overriding the network's; null: the network's. */
  currency: string | null;
  /** The meeting's financial review shows the network median and the industry reference too (the coach turns it on). */
  reviewShowsBenchmarks: boolean;
  /** Observers count as in the room: they read "stays in the room" notes and commitments (off by default). */
  observersInRoom: boolean;
  /** Observers may follow hot-seat notes (off by default: a hot seat stays in the room). */
  observersSeeHotSeat: boolean;
  /** core (the default), companion (of the group companionOf), or interest (open to a segment). */
  kind: GroupKind;
  /** A companion group's core group: its members work for that group's companies. */
  companionOf: string | null;
  /** A special-interest group's segment: companies whose profile matches may ask to join. */
  segment: InterestSegment | null;
  createdAt: string;
}

export interface Membership {
  groupId: string;
  userId: string;
  role: GroupRole;
  /** The member's company; null for coaches and observers. */
  company: string | null;
  joinedAt: string;
}

/** A member as listed on a group page. */
export interface GroupMember {
  userId: string;
  name: string;
  email: string;
  role: GroupRole;
  company: string | null;
}

/**
 * A member as an answer lists them (group, meeting and room:join answers). In an event's host group
 * (its shared sessions) `email` is null for people the viewer may not reach that way (shared/access
 * seesEmailInSession), and `groups` names the participating groups each person belongs to; both
 * are as in GroupMember (no `groups`) for any other group.
 */
export interface ListedMember extends Omit<GroupMember, 'email'> {
  email: string | null;
  groups?: { id: string; name: string }[];
}

export interface Invite {
  id: string;
  groupId: string;
  role: GroupRole;
  createdBy: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  createdAt: string;
  /** The address it was mailed to; null for a link handed over by hand. */
  email: string | null;
  revokedAt: string | null;
}

/**
 * Every kind of agenda entry. 'break' (coffee, lunch) is an entry of its own whose box the clock
 * keeps like any other; 'day-end' closes a meeting day: the room is adjourned on it and nothing
 * accrues until the next day's first item (see shared/meeting/days.ts).
 */
export const AGENDA_KINDS = ['opening', 'financials', 'goals', 'hotseat', 'topics', 'new-goals', 'closing', 'custom', 'break', 'day-end'] as const;
export type AgendaItemKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  id: string;
  kind: AgendaItemKind;
  title: string;
  /** Planned time box. */
  durationMs: number;
  /** Time actually spent on the item so far (accumulated when the room leaves it). */
  spentMs: number;
  /** Fixed items (closing, new goals, a guest speaker) keep their box when the day is re-balanced. */
  fixed?: boolean;
}

export interface AgendaTemplateItem {
  kind: AgendaItemKind;
  title: string;
  durationMs: number;
  fixed?: boolean;
}

export interface AgendaTemplate {
  id: string;
  groupId: string | null; // null: the built-in standard template
  name: string;
  items: AgendaTemplateItem[];
  /** The hot-seat protocol its meetings run: a preset or custom stages (classic when never set). */
  protocol: ProtocolChoice;
  createdAt: string;
}

export type MeetingStatus = 'scheduled' | 'live' | 'ended';

/** One meeting day as the group plans it, in the meeting's time zone. */
export interface MeetingDay {
  /** "2026-10-15" */
  date: string;
  /** "09:00" */
  start: string;
  /** "17:00" (same date) */
  end: string;
}

export interface Meeting {
  id: string;
  groupId: string;
  /** e.g. "2026-Q4" */
  quarter: string;
  title: string;
  /** ISO instant of the start. */
  startsAt: string;
  /** IANA zone the meeting is held in, e.g. "Europe/Berlin". */
  timeZone: string;
  location: string | null;
  /** The call (Zoom, Teams, Meet, Jitsi...): an https URL, shown as a link and never as HTML. */
  onlineUrl: string | null;
  /**
   * The days, in order, in timeZone; startsAt is the first day's start. Empty for a meeting
   * scheduled before days existed (then startsAt is all there is).
   */
  days: MeetingDay[];
  status: MeetingStatus;
  createdAt: string;
  /** When the facilitator marked the recap final (members had their chance to correct notes). */
  recapFinalAt?: string | null;
}

export type AttendanceStatus = 'present' | 'remote' | 'late' | 'absent';
export type AttendanceMode = 'room' | 'remote';
