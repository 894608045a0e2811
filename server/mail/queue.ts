// The mail worker: takes due jobs (reminders) and due mails from storage and sends them, with
// retries and backoff. Everything it needs to remember is in storage, so a restart or a second
// node picks up where it left off; a mail is marked sent only after the SMTP server took it.
import { AsyncResource } from 'node:async_hooks';
import type { Logger } from '../log.ts';
import type { MailJob, MailRecord, Storage } from '../storage/types.ts';
import { MAIL_LIMITS } from './limits.ts';
import { PermanentMailError, type MailTransport } from './transport.ts';

export interface MailQueueOptions {
  storage: Storage;
  /** null: no SMTP configured; jobs still run (their mails are held for the outbox). */
  transport: MailTransport | null;
  log: Logger;
  /** Queues the mails of one due job through the given (transaction) storage. */
  runJob: (tx: Storage, job: MailJob, now: Date) => Promise<void>;
  pollMs?: number;
  retryBaseMs?: number;
  now?: () => Date;
}

export interface MailQueue {
  start(): void;
  /** Looks for due work soon (after something was queued). */
  kick(): void;
  /** Runs rounds until nothing due is left (or the deadline passes): for shutdown and tests. */
  drain(deadlineMs?: number): Promise<void>;
  /** Stops polling and waits for the round in flight; nothing claimed is left half-done. */
  stop(): Promise<void>;
  /** Mails per status, for metrics. */
  counts(): ReturnType<Storage['countMailByStatus']>;
}

export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(MAIL_LIMITS.retryMaxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export function createMailQueue(o: MailQueueOptions): MailQueue {
  const { storage, transport, log } = o;
  const now = o.now ?? (() => new Date());
  const pollMs = o.pollMs ?? MAIL_LIMITS.pollMs;
  const retryBaseMs = o.retryBaseMs ?? MAIL_LIMITS.retryBaseMs;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  async function runJobs(): Promise<number> {
    const at = now();
    const jobs = await storage.claimMailJobs(at.toISOString(), new Date(at.getTime() + MAIL_LIMITS.jobLeaseMs).toISOString(), MAIL_LIMITS.batchSize);
    for (const job of jobs) {
      try {
        // The job's mails and its "done" mark commit together: run twice, it queues nothing twice.
        await storage.transaction(async (tx) => {
          await o.runJob(tx, job, at);
          await tx.completeMailJob(job.id, at.toISOString());
        });
      } catch (e) {
        log.error('mail job failed; retried after its lease', { job: job.id, err: String(e) });
      }
    }
    return jobs.length;
  }

  async function sendOne(mail: MailRecord): Promise<void> {
    try {
      await transport!.send(mail);
      await storage.markMailSent(mail.id, now().toISOString());
      log.info('mail sent', { mail: mail.id, kind: mail.kind });
    } catch (e) {
      const permanent = e instanceof PermanentMailError || mail.attempts >= MAIL_LIMITS.maxAttempts;
      const retryAt = permanent ? null : new Date(now().getTime() + retryDelayMs(mail.attempts, retryBaseMs)).toISOString();
      // The error text, never the mail (its links are secrets for the recipient).
      await storage.markMailFailed(mail.id, String((e as Error).message ?? e).slice(0, 500), retryAt);
      log.warn('mail not sent', { mail: mail.id, kind: mail.kind, attempts: mail.attempts, retryAt });
    }
  }

  async function sendMail(): Promise<number> {
    if (!transport) return 0;
    const at = now();
    const mails = await storage.claimMail(at.toISOString(), new Date(at.getTime() + MAIL_LIMITS.sendLeaseMs).toISOString(), MAIL_LIMITS.batchSize);
    for (const m of mails) await sendOne(m);
    return mails.length;
  }

  /** One round; a kick during a round asks for another right after it. */
  function tick(): Promise<number> {
    if (round) {
      again = true;
      return round;
    }
    round = (async () => {
      let done = 0;
      try {
        do {
          again = false;
          done += (await runJobs()) + (await sendMail());
        } while (again && !stopped);
      } catch (e) {
        log.error('mail round failed', { err: String(e) });
      } finally {
        round = null;
      }
      return done;
    })();
    return round;
  }

  // Bound to the context the queue was made in: a kick from inside a storage transaction must
  // not run the round inside that transaction's async context (the root handle refuses that).
  const tickLater = AsyncResource.bind(() => {
    if (!stopped) setImmediate(() => void tick());
  });

  return {
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => void tick(), pollMs);
      timer.unref();
      void tick();
    },
    kick: tickLater,
    async drain(deadlineMs = 10_000) {
      const end = Date.now() + deadlineMs;
      while (Date.now() < end && (await tick()) > 0) {
        /* keep going while rounds find work */
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await round;
      transport?.close();
    },
    counts: () => storage.countMailByStatus(),
  };
}
