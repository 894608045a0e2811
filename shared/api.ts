// HTTP request bodies (zod) and response shapes. docs/API.md documents the same contract.
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { AGENDA_KINDS } from './domain.ts';
import type { GroupAction } from './access/index.ts';
import type { AgendaTemplate, Group, GroupMember, GroupRole, Invite, Meeting, Network, User } from './domain.ts';
import type { MeetingState } from './meeting/state.ts';

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

const groupFields = {
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  leadership: z.enum(['coach-led', 'peer-led']),
  format: z.enum(['in-person', 'online', 'hybrid']),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tagMax)).max(LIMITS.tagsMax),
  /** Let observers see members' figures (off by default: financials stay in the room). */
  observersSeeFinancials: z.boolean(),
};
export const groupBody = z.object({
  ...groupFields,
  tags: groupFields.tags.default([]),
  observersSeeFinancials: groupFields.observersSeeFinancials.optional(),
});
// Built from the plain fields, not groupBody.partial(): zod 4 applies a default inside
// .partial(), so a rename would have reset the tags to [].
export const groupPatchBody = z.object(groupFields).partial();

export const createInviteBody = z.object({
  role: groupRole,
  ttlMs: z.number().int().min(60_000).max(LIMITS.inviteMaxTtlMs).optional(),
});

export const memberPatchBody = z.object({
  role: groupRole.optional(),
  company: company.nullable().optional(),
});

export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'Quarter must look like 2026-Q4');

export const meetingBody = z.object({
  quarter,
  title: z.string().trim().min(1).max(LIMITS.agendaTitleMax).optional(),
  startsAt: z.string().datetime({ offset: true }),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone'),
  location: z.string().trim().max(200).nullable().optional(),
  onlineUrl: z.string().trim().url().max(500).refine((u) => /^https?:/i.test(u), 'Must be an http(s) link').nullable().optional(),
  /** A saved template of the group; the standard template when omitted. */
  templateId: z.string().min(1).max(64).optional(),
  facilitatorId: z.string().min(1).max(64).optional(),
});
export const recapFinalBody = z.object({ final: z.boolean() });
export const meetingPatchBody = meetingBody.omit({ templateId: true, facilitatorId: true }).partial();

export const templateBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  items: z
    .array(
      z.object({
        kind: agendaKind,
        title: z.string().trim().min(1).max(LIMITS.agendaTitleMax),
        durationMs: z.number().int().min(LIMITS.agendaItemMinMs).max(LIMITS.agendaItemMaxMs),
      }),
    )
    .min(1)
    .max(LIMITS.agendaMaxItems),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type SetupBody = z.infer<typeof setupBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type AcceptInviteBody = z.infer<typeof acceptInviteBody>;
export type GroupBody = z.infer<typeof groupBody>;
export type CreateInviteBody = z.infer<typeof createInviteBody>;
export type MeetingBody = z.infer<typeof meetingBody>;
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
  groupName: string;
  networkName: string;
  role: GroupRole;
  expiresAt: string;
}
export interface CreatedInvite {
  invite: Invite;
  /** Path the invitee opens, e.g. /invite/<token>. The token is shown once. */
  url: string;
}
export interface GroupDetail {
  group: Group;
  role: GroupRole | 'organiser';
  /** Every group action the caller may take (shared/access): the client shows controls from this. */
  allowed: GroupAction[];
  members: GroupMember[];
  meetings: Meeting[];
  templates: AgendaTemplate[];
}
export interface MeetingDetail {
  meeting: Meeting;
  group: Group;
  state: MeetingState;
  members: GroupMember[];
  role: GroupRole | 'organiser';
  /** Every action the caller may take on this meeting and its group, given its status and facilitator. */
  allowed: GroupAction[];
}
