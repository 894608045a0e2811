// The mail worker: takes due jobs (reminders) and due mails from storage and sends them, with
// retries and backoff. Everything it needs to remember is in storage, so a restart or a second
// node picks up where it left off; a mail is marked sent only after the SMTP server took it.
// Timers are data: after each round the worker asks storage when the next job or mail is due
// (a run time, a retry time, a lease's end) and sleeps until then; queueing a mail or scheduling
// a job on this node wakes it (kick, kickOnSchedule). Nothing polls on a single node. With
// several nodes another node may schedule work, or die holding a lease, without this node
// hearing of it, so each node also looks at least every fallbackMs (MAIL_POLL_MS): a bounded
// timer, not a Redis notify, because a notify would not cover the dead node's lease.
import { AsyncResource } from 'node:async_hooks';
import type { Logger } from '../log.ts';
import type { MailJob, MailRecord, NewMailJob, Storage } from '../storage/types.ts';
import { MAIL_LIMITS } from './limits.ts';
import { PermanentMailError, type MailTransport } from './transport.ts';

export interface MailQueueOptions {
  storage: Storage;
  /** null: no SMTP configured; jobs still run (their mails are held for the outbox). */
  transport: MailTransport | null;
  log: Logger;
  /** Queues the mails of one due job through the given (transaction) storage. */
  runJob: (tx: Storage, job: MailJob, now: Date) => Promise<void>;
  /** Longest sleep between looks (several nodes); null: sleep until the next due time only. */
  fallbackMs?: number | null;
  retryBaseMs?: number;
  now?: () => Date;
}

export interface MailQueue {
  start(): void;
  /** Looks for due work soon (after something was queued). */
  kick(): void;
  /** Runs rounds until nothing due is left (or the deadline passes): for shutdown and tests. */
  drain(deadlineMs?: number): Promise<void>;
  /** Stops the wake-up timer and waits for the round in flight; nothing claimed is left half-done. */
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
  const fallbackMs = o.fallbackMs ?? null;
  const retryBaseMs = o.retryBaseMs ?? MAIL_LIMITS.retryBaseMs;
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let round: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  /** Sleeps until the next due job or mail (or fallbackMs), then runs a round. */
  async function arm(): Promise<void> {
    const due = await storage.nextMailDue();
    const times = [due.job, transport ? due.mail : null].filter((t): t is string => t !== null).map(Date.parse);
    const waits = [...times.map((t) => Math.max(0, t - now().getTime())), ...(fallbackMs === null ? [] : [fallbackMs])];
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || waits.length === 0) return;
    // setTimeout holds at most about 24.8 days; a later due time is looked at again then.
    timer = setTimeout(() => void tick(), Math.min(MAIL_LIMITS.longestSleepMs, ...waits));
    timer.unref();
  }

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
        if (started) await arm();
      } catch (e) {
        log.error('mail round failed', { err: String(e) });
        // Storage is down, say: look again later rather than sleep until a kick.
        if (started && !stopped) {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => void tick(), MAIL_LIMITS.failedRoundRetryMs);
          timer.unref();
        }
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
      if (started || stopped) return;
      started = true;
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
      if (timer) clearTimeout(timer);
      timer = null;
      await round;
      transport?.close();
    },
    counts: () => storage.countMailByStatus(),
  };
}

/**
 * Storage whose mail jobs wake the worker: scheduling one (reminders of a new or moved meeting,
 * the overdue digest) kicks it once the write is visible, i.e. after the transaction it was
 * written in committed, so the worker re-reads the next due time. Queued mails kick through the
 * mailer already.
 */
export function kickOnSchedule(storage: Storage, kick: () => void): Storage {
  /** `scheduled` is told of every job written through the handle (and its nested transactions). */
  const watch = (target: Storage, scheduled: () => void, root: boolean): Storage =>
    new Proxy(target, {
      get(t, prop, receiver) {
        if (prop === 'scheduleMailJob') return (job: NewMailJob) => t.scheduleMailJob(job).then(() => scheduled());
        if (prop !== 'transaction') return Reflect.get(t, prop, receiver);
        if (!root) return <T>(fn: (tx: Storage) => Promise<T>) => t.transaction((tx) => fn(watch(tx, scheduled, false)));
        return async <T>(fn: (tx: Storage) => Promise<T>) => {
          let any = false;
          const result = await t.transaction((tx) => fn(watch(tx, () => (any = true), false)));
          if (any) kick();
          return result;
        };
      },
    });
  return watch(storage, kick, true);
}
