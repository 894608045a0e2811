// Mail between meetings: the kinds Peerboard sends, which of them a user may turn off, and
// what the organiser's outbox page shows. Plain data and types; the request bodies (zod) are in
// mailBodies.ts, so the pages that only need these lists and limits do not load zod.
export type { BulkInviteBody } from './mailBodies.ts';

/** Every kind of mail. Invitations and password resets always go: nobody can opt out of them. */
export const MAIL_KINDS = ['invite', 'password_reset', 'prep_reminder', 'meeting_reminder', 'recap', 'overdue'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The kinds a user chooses to get (and can unsubscribe from); all on by default. */
export const OPTIONAL_MAIL_KINDS = ['prep_reminder', 'meeting_reminder', 'recap', 'overdue'] as const;
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  invite: 'Invitations',
  password_reset: 'Password reset',
  prep_reminder: 'Reminders to enter figures, goal progress and your update before a meeting',
  meeting_reminder: 'The meeting the day before (with the call link and calendar entry)',
  recap: 'The recap once the meeting record is final',
  overdue: 'My overdue commitments, weekly',
};

/** held: no SMTP configured, shown in the outbox only; sending: claimed by a worker. */
export type MailStatus = 'held' | 'pending' | 'sending' | 'sent' | 'failed';

export type MailPreferences = Record<OptionalMailKind, boolean>;

/** One mail as the organiser's outbox lists it. */
export interface OutboxEntry {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** The text as sent, links included; null for a password reset (its link is for the recipient alone). */
  text: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface UnsubscribePreview {
  kind: OptionalMailKind;
  label: string;
}

/** Most addresses in one bulk invitation: a whole group and its coach with room to spare. */
export const BULK_INVITE_MAX = 30;

/** A pending invite as the group page lists it. */
export interface PendingInvite {
  id: string;
  email: string | null;
  role: 'coach' | 'member' | 'observer';
  expiresAt: string;
  createdAt: string;
  createdByName: string;
  /** A companion group's invite: the company of the parent group the person joins for; null otherwise. */
  companyName: string | null;
}

export interface BulkInviteResult {
  /** One per address, in the order given: the invite and its link (shown once, also mailed). */
  invites: { email: string; invite: PendingInvite; url: string }[];
}
