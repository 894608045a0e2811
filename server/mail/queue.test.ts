// The mail worker sleeps until the next due job or mail (timers are data): it does not look in
// between, wakes when a job is scheduled on this node (after its transaction committed), retries
// a failed send at its retry time, and with several nodes also looks every fallbackMs.
// Fake setTimeout and Date; setImmediate (a kick's round) stays real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { MailJob, MailRecord, NewMail, Storage } from '../storage/types.ts';
import { createMailQueue, kickOnSchedule, type MailQueue } from './queue.ts';
import type { MailTransport } from './transport.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-11-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
/** Lets kicked rounds (setImmediate, then storage promises) run to the end. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

let storage: Storage;
let looks: number;
let ran: string[];
let queue: MailQueue | null;

/** Storage that counts the worker's looks for due jobs. */
function counting(s: Storage): Storage {
  return new Proxy(s, {
    get(t, prop, receiver) {
      if (prop === 'claimMailJobs') return (...a: Parameters<Storage['claimMailJobs']>) => (looks++, t.claimMailJobs(...a));
      return Reflect.get(t, prop, receiver);
    },
  });
}

function start(o: { fallbackMs?: number | null; transport?: MailTransport | null; storage?: Storage } = {}): MailQueue {
  queue = createMailQueue({
    storage: o.storage ?? counting(storage),
    transport: o.transport ?? null,
    log: createLogger('silent'),
    runJob: async (_tx, job: MailJob) => void ran.push(job.id),
    fallbackMs: o.fallbackMs ?? null,
    retryBaseMs: 1_000,
  });
  queue.start();
  return queue;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: T0 });
  storage = openSqliteStorage(':memory:');
  await storage.migrate();
  looks = 0;
  ran = [];
  queue = null;
});
afterEach(async () => {
  await queue?.stop();
  await storage.close();
  vi.useRealTimers();
});

describe('mail worker wake-ups', () => {
  it('sleeps until a job is due, runs it then, and does not look in between or after', async () => {
    await storage.scheduleMailJob({ id: 'job-a', kind: 'prep_reminder', runAt: at(60 * MIN), payload: {} });
    start();
    await settle();
    expect(looks).toBe(1);
    await vi.advanceTimersByTimeAsync(59 * MIN);
    await settle();
    expect([looks, ran]).toEqual([1, []]);
    await vi.advanceTimersByTimeAsync(MIN);
    await settle();
    expect(ran).toEqual(['job-a']);
    const after = looks;
    // Nothing is due any more: a whole week passes without a look.
    await vi.advanceTimersByTimeAsync(7 * 24 * 60 * MIN);
    await settle();
    expect(looks).toBe(after);
  });

  it('wakes for a job scheduled on this node, in a transaction or not, and sleeps until it is due', async () => {
    let q: MailQueue | null = null;
    const watched = kickOnSchedule(counting(storage), () => q?.kick());
    q = start({ storage: watched });
    await settle();
    const before = looks;
    await watched.transaction(async (tx) => {
      await tx.scheduleMailJob({ id: 'job-tx', kind: 'meeting_reminder', runAt: at(10 * MIN), payload: {} });
    });
    await settle();
    expect(looks).toBe(before + 1); // the kick, after the commit
    await watched.scheduleMailJob({ id: 'job-root', kind: 'meeting_reminder', runAt: at(5 * MIN), payload: {} });
    await settle();
    await vi.advanceTimersByTimeAsync(5 * MIN);
    await settle();
    expect(ran).toEqual(['job-root']);
    await vi.advanceTimersByTimeAsync(5 * MIN);
    await settle();
    expect(ran).toEqual(['job-root', 'job-tx']);
  });

  it('with several nodes, also finds work another node scheduled within fallbackMs', async () => {
    start({ fallbackMs: 5_000 });
    await settle();
    // Written by another node: this one hears nothing of it.
    await storage.scheduleMailJob({ id: 'job-elsewhere', kind: 'overdue', runAt: at(0), payload: {} });
    await vi.advanceTimersByTimeAsync(4_999);
    await settle();
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(ran).toEqual(['job-elsewhere']);
  });

  it('retries a failed send at its retry time, without looking before it', async () => {
    const sent: string[] = [];
    let fail = true;
    const transport: MailTransport = {
      send: async (m: MailRecord) => {
        if (fail) throw new Error('connection refused');
        sent.push(m.id);
      },
      close: () => undefined,
    };
    const mail: NewMail = { id: 'mail-1', dedupeKey: null, kind: 'meeting_reminder', networkId: null, groupId: null, userId: null, to: 'a@example.com', subject: 's', text: 't', status: 'pending' };
    await storage.enqueueMail(mail);
    start({ transport });
    await settle();
    expect((await storage.getMail('mail-1'))?.status).toBe('pending');
    const looksAfterFailure = looks;
    fail = false;
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect([looks, sent]).toEqual([looksAfterFailure, []]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(sent).toEqual(['mail-1']);
  });
});
