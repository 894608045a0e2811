// Named limits of the mail queue, each with why it has that value.
export const MAIL_LIMITS = {
  /** With several nodes: the longest a node sleeps before looking for work another node scheduled or left (MAIL_POLL_MS). */
  pollMs: 5_000,
  /** Longest single sleep of the worker (setTimeout's limit is about 24.8 days); it then looks again. */
  longestSleepMs: 2 ** 31 - 1,
  /** A round that failed (storage unreachable) is tried again after this. */
  failedRoundRetryMs: 5_000,
  /** First retry after a failed send; doubled each time (5 s, 10 s, 20 s, ... capped below). */
  retryBaseMs: 5_000,
  /** Longest wait between retries: an SMTP outage of a night is retried hourly, not daily. */
  retryMaxMs: 60 * 60_000,
  /** Attempts before a mail is marked failed for good (about a day and a half with the caps above). */
  maxAttempts: 40,
  /** A sender's claim on a mail; longer than the SMTP timeouts below, so a live sender never loses it. */
  sendLeaseMs: 5 * 60_000,
  /** SMTP connection / greeting / socket timeouts: a hung server fails the attempt, and it retries. */
  smtpTimeoutMs: 30_000,
  /** Mails taken per round: one slow batch never holds a node for long. */
  batchSize: 20,
  /** A job's claim while it queues its mails (all in one transaction, so this is generous). */
  jobLeaseMs: 2 * 60_000,
  /** Figures and goal progress are chased this many days before the meeting. */
  prepReminderDays: 7,
  /** The meeting reminder goes this long before the start ("the day before"). */
  meetingReminderMs: 24 * 60 * 60_000,
  /** Overdue commitments are mailed weekly, Monday morning (UTC hour below): the week's plan. */
  overdueEveryMs: 7 * 24 * 60 * 60_000,
  overdueHourUtc: 8,
  /** Password reset links work this long: long enough to find the mail, short enough to be stale soon. */
  passwordResetTtlMs: 60 * 60_000,
  /** The outbox page lists at most this many mails, newest first. */
  outboxPageSize: 200,
  /** A coach's "remind" sends a member at most one reminder per this window. */
  remindEveryMs: 60 * 60_000,
} as const;
