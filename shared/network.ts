// The network as a whole: its organisers, invitations to organise it, the coach's page across
// groups. Request bodies (zod) and response shapes; docs/API.md documents the same contract.
import { z } from 'zod';
import { acceptInviteBody } from './api.ts';
import { LIMITS } from './limits.ts';

/** One organiser of a network: every organiser holds the same rights (shared/access networkRules). */
export interface NetworkOrganiser {
  userId: string;
  name: string;
  email: string;
  /** When they became an organiser. */
  since: string;
}

export interface OrganiserInvite {
  id: string;
  networkId: string;
  createdBy: string;
  /** Where the link was mailed; null for a link handed over in person. */
  email: string | null;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** GET /api/networks/:id/organisers/invites: invites neither used, revoked nor expired. */
export interface PendingOrganiserInvite {
  id: string;
  email: string | null;
  expiresAt: string;
  createdAt: string;
  createdByName: string;
}

/** POST /api/networks/:id/organisers/invites: an address to mail the link to, or none. */
export const organiserInviteBody = z
  .object({ email: z.string().trim().toLowerCase().email('Must be an email address').max(LIMITS.emailMax).optional() })
  .strict();
export type OrganiserInviteBody = z.infer<typeof organiserInviteBody>;

/** POST /api/networks/:id/organisers/invites: the link is shown once. */
export interface CreatedOrganiserInvite {
  invite: OrganiserInvite;
  url: string;
}

export interface OrganiserInvitePreview {
  networkName: string;
  invitedBy: string;
  expiresAt: string;
}

/** Accepting: signed in, nothing; otherwise the new account's fields (as for a group invite). */
export const acceptOrganiserInviteBody = acceptInviteBody.omit({ company: true });
export type AcceptOrganiserInviteBody = z.infer<typeof acceptOrganiserInviteBody>;

/** One group on the coach's page: what needs the coach's attention, and how the group trends. */
export interface CoachedGroup {
  groupId: string;
  groupName: string;
  /** Scheduled meetings from now on, soonest first (at most 3). */
  upcoming: { meetingId: string; title: string; quarter: string; startsAt: string; timeZone: string }[];
  /** For the next scheduled meeting: how many member companies are ready, of how many; null without one. */
  readiness: { meetingId: string; ready: number; total: number; notReady: string[] } | null;
  /** Open commitments past their date, from the group's held meetings (most overdue first). */
  overdue: { meetingId: string; text: string; who: string; whoName: string; due: string }[];
  /** Goal completion per quarter over every member's reviewed goals (done 1, partly 0.5), oldest first. */
  completion: { quarter: string; rate: number | null; reviewed: number }[];
  /** The meeting rating of each held meeting, oldest first (average null while nobody rated). */
  ratings: { meetingId: string; quarter: string; average: number | null; count: number }[];
}

/** GET /api/me/coaching: every group the caller coaches, by name. */
export interface CoachingOverview {
  groups: CoachedGroup[];
}
