// HTTP request bodies (zod) and response shapes. docs/API.md documents the same contract.
import { z } from 'zod';
import { companionInviteFields } from './inviteCompany.ts';
import { LIMITS } from './limits.ts';
import { AGENDA_KINDS } from './domain.ts';
import { isCurrencyCode } from './financials/format.ts';
import type { GroupAction } from './access/index.ts';
import type { AgendaTemplate, Group, GroupRole, Invite, ListedMember, Meeting, Network, User } from './domain.ts';
import type { MeetingState } from './meeting/state.ts';
import type { EventRef, SharedSessionView } from './events.ts';
import type { NormsStanding } from './norms.ts';
import { protocolChoiceSchema } from './meeting/protocolChoice.ts';

const email = z.string().trim().toLowerCase().email().max(LIMITS.emailMax);
const password = z.string().min(LIMITS.passwordMinLength, `Password must be at least ${LIMITS.passwordMinLength} characters`).max(200);
const personName = z.string().trim().min(1).max(LIMITS.nameMax);
const company = z.string().trim().min(1).max(LIMITS.nameMax);
const groupRole = z.enum(['coach', 'member', 'observer']);
const agendaKind = z.enum(AGENDA_KINDS);

export const setupBody = z.object({
  networkName: z.string().trim().min(1).max(LIMITS.groupNameMax),
  name: personName,
  email,
  password,
});

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });

/** Accepting an invite: a signed-in user just joins; a new visitor also creates an account. */
export const acceptInviteBody = z.object({
  name: personName.optional(),
  email: email.optional(),
  password: password.optional(),
  company: company.optional(),
});

/** An ISO 4217 code Intl can format, e.g. "EUR", "CHF", "USD". */
export const currencyCode = z.string().trim().toUpperCase().refine(isCurrencyCode, 'Currency must be an ISO 4217 code such as EUR, CHF or USD');

/** PATCH /api/networks/:id: fields left out keep their value. */
export const networkPatchBody = z
  .object({ name: z.string().trim().min(1).max(LIMITS.groupNameMax), currency: currencyCode })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Send name or currency');
export type NetworkPatchBody = z.infer<typeof networkPatchBody>;

const groupFields = {
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  leadership: z.enum(['coach-led', 'peer-led']),
  format: z.enum(['in-person', 'online', 'hybrid']),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tagMax)).max(LIMITS.tagsMax),
  /** Let observers see members' figures (off by default: financials stay in the room). */
  observersSeeFinancials: z.boolean(),
  /** The group's own currency, overriding the network's; null: the network's. */
  currency: currencyCode.nullable(),
  /** The meeting's financial review shows the network and the industry reference beside the group. */
  reviewShowsBenchmarks: z.boolean(),
  /** Count observers in the room: they read "stays in the room" content (off by default). */
  observersInRoom: z.boolean(),
  /** Let observers follow hot-seat notes (off by default). */
  observersSeeHotSeat: z.boolean(),
};
export const groupBody = z.object({
  ...groupFields,
  tags: groupFields.tags.default([]),
  observersSeeFinancials: groupFields.observersSeeFinancials.optional(),
  currency: groupFields.currency.optional(),
  reviewShowsBenchmarks: groupFields.reviewShowsBenchmarks.optional(),
  observersInRoom: groupFields.observersInRoom.optional(),
  observersSeeHotSeat: groupFields.observersSeeHotSeat.optional(),
});
// Built from the plain fields, not groupBody.partial(): zod 4 applies a default inside
// .partial(), so a rename would have reset the tags to [].
export const groupPatchBody = z.object(groupFields).partial();

export const createInviteBody = z.object({
  role: groupRole,
  /** A companion group's member: the parent group's company they work for (GET /api/groups/:id/companion-companies). */
  ...companionInviteFields,
  ttlMs: z.number().int().min(60_000).max(LIMITS.inviteMaxTtlMs).optional(),
});

export const memberPatchBody = z.object({
  role: groupRole.optional(),
  company: company.nullable().optional(),
});

export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'Quarter must look like 2026-Q4');

/** One meeting day in the meeting's zone; checkDays (shared/calendar/meetingDays.ts) checks the set. */
export const meetingDayBody = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must look like 2026-10-15'),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start must look like 09:00'),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'End must look like 17:00'),
});

/**
 * The call link: https only (a call page is never plain http), no credentials in it. It is only
 * ever rendered as a link's href and text, never as HTML.
 */
export const callUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'Must be an https link, e.g. https://meet.example.com/abc');

const meetingFields = {
  quarter,
  title: z.string().trim().min(1).max(LIMITS.agendaTitleMax),
  startsAt: z.string().datetime({ offset: true }),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone'),
  location: z.string().trim().max(200).nullable(),
  onlineUrl: callUrl.nullable(),
  /** Days in timeZone; startsAt is then the first day's start. */
  days: z.array(meetingDayBody).min(1).max(LIMITS.meetingDaysMax),
};
export const meetingBody = z
  .object({
    ...meetingFields,
    title: meetingFields.title.optional(),
    startsAt: meetingFields.startsAt.optional(),
    location: meetingFields.location.optional(),
    onlineUrl: meetingFields.onlineUrl.optional(),
    days: meetingFields.days.optional(),
    /** 'standard', 'two-day' (BUILT_IN_TEMPLATES) or a saved template of the group; 'standard' when omitted. */
    templateId: z.string().min(1).max(64).optional(),
    facilitatorId: z.string().min(1).max(64).optional(),
  })
  .refine((b) => b.startsAt !== undefined || b.days !== undefined, { message: 'Give startsAt or days', path: ['startsAt'] });
export const recapFinalBody = z.object({ final: z.boolean() });
export const meetingPatchBody = z.object(meetingFields).partial();

export const templateBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  /** Days are separated by 'day-end' entries; breaks are entries of kind 'break'. */
  items: z
    .array(
      z.object({
        kind: agendaKind,
        title: z.string().trim().min(1).max(LIMITS.agendaTitleMax),
        durationMs: z.number().int().min(LIMITS.agendaItemMinMs).max(LIMITS.agendaItemMaxMs),
        fixed: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(LIMITS.agendaMaxItems)
    .refine((items) => items[0]?.kind !== 'day-end', 'A template cannot start with an end of day'),
  /** The hot-seat protocol; omitted: classic for a new template, unchanged on an update. */
  protocol: protocolChoiceSchema.optional(),
});

/** Saving a meeting's agenda as a template: just its name. */
export const templateNameBody = z.object({ name: z.string().trim().min(1).max(LIMITS.groupNameMax) });

/** Zones already found valid: building an Intl.DateTimeFormat costs about a millisecond. */
const knownZones = new Set<string>();
/** IANA has about 600 zone names; spellings past this many are checked each time, not kept. */
const KNOWN_ZONES_MAX = 1_000;

export function isTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (knownZones.size < KNOWN_ZONES_MAX) knownZones.add(tz);
  return true;
}

export type SetupBody = z.infer<typeof setupBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type AcceptInviteBody = z.infer<typeof acceptInviteBody>;
export type GroupBody = z.infer<typeof groupBody>;
export type CreateInviteBody = z.infer<typeof createInviteBody>;
export type MeetingBody = z.infer<typeof meetingBody>;
export type MeetingPatchBody = z.infer<typeof meetingPatchBody>;
export type TemplateBody = z.infer<typeof templateBody>;

// ---- responses ----
export interface MyGroup {
  group: Group;
  role: GroupRole | 'organiser';
}
export interface MeResponse {
  user: User;
  /** Networks this user organises. */
  networks: Network[];
  groups: MyGroup[];
}
export interface SetupStatus {
  needed: boolean;
}
export interface InvitePreview {
  /** Where the new member lands after joining (the group page asks for the norms first). */
  groupId: string;
  groupName: string;
  networkName: string;
  role: GroupRole;
  expiresAt: string;
  /** The company a companion group's invite names (the member joins for it); null otherwise. */
  companyName: string | null;
}
export interface CreatedInvite {
  invite: Invite;
  /** Path the invitee opens, e.g. /invite/<token>. The token is shown once. */
  url: string;
}
/** A meeting in the group page's list, with the network event it is part of (see MeetingDetail `event`). */
export type GroupMeeting = Meeting & { event: EventRef | null };
export interface GroupDetail {
  group: Group;
  role: GroupRole | 'organiser';
  /** Every group action the caller may take (shared/access): the client shows controls from this. */
  allowed: GroupAction[];
  /** As this caller may see them (ListedMember: no address of another group's people in a host group). */
  members: ListedMember[];
  meetings: GroupMeeting[];
  templates: AgendaTemplate[];
  /** The currency the group's money is in: its own, else its network's. */
  currency: string;
  /** The network's currency (network benchmarks are in it). */
  networkCurrency: string;
  /** The caller and the group's norms: `mustAccept` means the group page waits for POST .../norms/accept. */
  norms: NormsStanding;
}
export interface MeetingDetail {
  meeting: Meeting;
  group: Group;
  state: MeetingState;
  /** As in GroupDetail: a shared session's people, with addresses only where the caller may reach them. */
  members: ListedMember[];
  role: GroupRole | 'organiser';
  /** Every action the caller may take on this meeting and its group, given its status and facilitator. */
  allowed: GroupAction[];
  /** A network event's shared session as the caller attends it; null for any other meeting. */
  sharedSession: SharedSessionView | null;
  /** The network event the meeting is part of (a group's own meeting or a shared session), when the caller may open its page; else null. */
  event: EventRef | null;
}
