// The mail queue, scheduled mail jobs and each user's mail settings: the part of Storage that
// mail-sql.ts implements, kept apart so types.ts stays the index of the storage interface.
import type { MailKind, MailStatus, OptionalMailKind } from '../../shared/mail.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text content (an .ics calendar entry). */
  content: string;
}

export interface NewMail {
  id: string;
  /** Unique when set: queueing the same key again is a no-op. */
  dedupeKey: string | null;
  kind: MailKind;
  /** Whose outbox lists it (the organisers of this network); null for password resets. */
  networkId: string | null;
  groupId: string | null;
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** 'held' when no SMTP is configured: listed in the outbox, never sent. */
  status: 'pending' | 'held';
  createdAt?: string;
}

export interface MailRecord extends Omit<Required<NewMail>, 'status'> {
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

export interface NewMailJob {
  /** Stable per purpose (e.g. "meeting_reminder:<meetingId>"), so rescheduling updates it. */
  id: string;
  kind: string;
  runAt: string;
  payload: Record<string, unknown>;
}

export interface MailJob extends NewMailJob {
  doneAt: string | null;
}

export interface MailStore {
  /** Queues a mail; false (nothing written) when its dedupeKey is already queued. */
  enqueueMail(m: NewMail): Promise<boolean>;
  /**
   * Takes up to `limit` due mails for sending: pending ones whose next attempt is due, and ones
   * whose sender's lease expired. Each is taken by one caller only; attempts is counted up.
   */
  claimMail(now: string, leaseUntil: string, limit: number): Promise<MailRecord[]>;
  markMailSent(id: string, at: string): Promise<void>;
  /** Back to pending for a retry at retryAt, or failed for good when retryAt is null. */
  markMailFailed(id: string, error: string, retryAt: string | null): Promise<void>;
  getMail(id: string): Promise<MailRecord | null>;
  /** Newest first; only those of the given networks when networkIds is set. */
  listMail(filter: { networkIds?: readonly string[]; limit: number }): Promise<MailRecord[]>;
  countMailByStatus(): Promise<Record<MailStatus, number>>;
  /** Inserts the job or moves its time and payload; a done job stays done. */
  scheduleMailJob(j: NewMailJob): Promise<void>;
  getMailJob(id: string): Promise<MailJob | null>;
  /** Due jobs not done and not held by another worker's lease; each taken by one caller. */
  claimMailJobs(now: string, leaseUntil: string, limit: number): Promise<MailJob[]>;
  completeMailJob(id: string, at: string): Promise<void>;
  /**
   * When the worker next has something to do: the earliest time a job (not done) or a mail
   * (pending, or sending under a lease) becomes claimable; null when nothing is waiting. The
   * worker sleeps until then instead of polling (mail/queue.ts).
   */
  nextMailDue(): Promise<{ job: string | null; mail: string | null }>;
  /** The kinds the user set; a kind not listed is on. */
  getMailPreferences(userId: string): Promise<Partial<Record<OptionalMailKind, boolean>>>;
  setMailPreference(userId: string, kind: OptionalMailKind, enabled: boolean): Promise<void>;
  createUnsubscribeToken(tokenHash: string, userId: string, kind: OptionalMailKind): Promise<void>;
  unsubscribeToken(tokenHash: string): Promise<{ userId: string; kind: OptionalMailKind } | null>;
}
