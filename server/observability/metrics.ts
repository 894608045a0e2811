// Prometheus metrics (prom-client), one registry per server so tests can run several in one
// process. Live figures (rooms, sockets, docs) are read at scrape time from their owners;
// events (commands, stored updates, refused messages) are counted as they happen.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RefusedReason } from '../collab/connection.ts';
import type { Storage } from '../storage/types.ts';

export const COMMAND_OUTCOMES = ['ok', 'refused', 'rate_limited'] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

/** What the scrape reads from the running server. */
export interface LiveFigures {
  meetingRooms(): number;
  meetingSockets(): number;
  collabSockets(): number;
  docsLoaded(): number;
}

export interface Metrics {
  registry: Registry;
  /** One meeting command handled: its outcome and its time in this server, received -> acknowledged. */
  command(outcome: CommandOutcome, seconds: number): void;
  refused(reason: RefusedReason): void;
  /** Wraps storage so every call's latency is observed (and stored doc updates counted). */
  instrument(storage: Storage): Storage;
  /** Connects the gauges to the running server once it exists. */
  setLive(live: LiveFigures): void;
  /** Mail waiting, sending, sent, failed (read from storage at scrape time: the queue is shared by every node). */
  setMailCounts(read: () => Promise<Record<string, number>>): void;
}

/** How often the event loop delay is sampled (peerboard_nodejs_eventloop_lag_*). */
export const EVENT_LOOP_SAMPLE_MS = 100;

export function createMetrics(): Metrics {
  const registry = new Registry();
  // prom-client samples the event loop delay with a timer; at its default 10 ms that timer alone
  // kept an idle node at 5 millicores (100 wake-ups a second). 100 ms still catches the stalls
  // that matter to a live room (tens of ms and more) at a tenth of the wake-ups.
  collectDefaultMetrics({ register: registry, prefix: 'peerboard_', eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  let live: LiveFigures | null = null;
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });
  gauge('peerboard_meeting_rooms', 'Meetings with at least one socket on this node', () => live?.meetingRooms() ?? 0);
  gauge('peerboard_meeting_sockets', 'socket.io connections on this node', () => live?.meetingSockets() ?? 0);
  gauge('peerboard_collab_sockets', 'Collab (Yjs) WebSocket connections on this node', () => live?.collabSockets() ?? 0);
  gauge('peerboard_docs_loaded', 'Collaborative documents held in memory on this node', () => live?.docsLoaded() ?? 0);
  let mailCounts: (() => Promise<Record<string, number>>) | null = null;
  new Gauge({
    name: 'peerboard_mail_queue',
    help: 'Mails in the queue (all nodes), by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!mailCounts) return;
      let counts: Record<string, number>;
      try {
        counts = await mailCounts();
      } catch {
        return; // storage down: keep the last figures; the scrape itself must still answer
      }
      for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });
  const commands = new Counter({ name: 'peerboard_meeting_commands_total', help: 'Meeting commands handled, by outcome', labelNames: ['outcome'], registers: [registry] });
  const commandSeconds = new Histogram({
    name: 'peerboard_meeting_command_seconds',
    help: 'Meeting command time in this server, from its arrival to its acknowledgement (validation, rights, reducer, the stored write, the broadcast), by outcome',
    labelNames: ['outcome'],
    // 0.1 ms (a refusal) to 1 s: a command's write commits before its broadcast, so this is the
    // server's share of what a member waits for.
    buckets: [0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  // Every outcome is exported from the start (at 0), so a rate over it is defined before the
  // first refusal; children resolved once, so the hot path hashes no labels.
  const commandOutcomes = Object.fromEntries(
    COMMAND_OUTCOMES.map((outcome) => {
      commands.inc({ outcome }, 0);
      commandSeconds.zero({ outcome });
      return [outcome, { count: commands.labels({ outcome }), seconds: commandSeconds.labels({ outcome }) }];
    }),
  ) as Record<CommandOutcome, { count: ReturnType<typeof commands.labels>; seconds: ReturnType<typeof commandSeconds.labels> }>;
  const updates = new Counter({ name: 'peerboard_doc_updates_stored_total', help: 'Yjs document updates stored', registers: [registry] });
  const refused = new Counter({ name: 'peerboard_refused_messages_total', help: 'Collab messages refused, by reason', labelNames: ['reason'], registers: [registry] });
  const storeSeconds = new Histogram({
    name: 'peerboard_storage_seconds',
    help: 'Storage call latency, by method',
    labelNames: ['method', 'outcome'],
    // 0.5 ms (SQLite read) to 2.5 s (a struggling database).
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  // One timed wrapper per storage method, made on first use: storage is called on every command
  // and keystroke, so the hot path does no label hashing and makes no closure per call.
  const instrument = (storage: Storage): Storage => {
    // Keyed by the function itself: a method replaced on the target (a test's fault) is wrapped anew.
    const wrappers = new WeakMap<object, (...args: unknown[]) => unknown>();
    const wrap = (target: Storage, prop: string, fn: (...args: unknown[]) => unknown) => {
      const ok = storeSeconds.labels({ method: prop, outcome: 'ok' });
      const failed = storeSeconds.labels({ method: prop, outcome: 'error' });
      const counted =
        prop === 'appendDocUpdates' ? (args: unknown[]) => updates.inc((args[1] as unknown[]).length)
        : prop === 'appendDocBatch' ? (args: unknown[]) => updates.inc((args[0] as { updates: unknown[] }[]).reduce((n, a) => n + a.updates.length, 0))
        : null;
      return (...args: unknown[]) => {
        const t0 = performance.now();
        let result: unknown;
        try {
          result = fn.apply(target, args);
        } catch (e) {
          failed.observe((performance.now() - t0) / 1000);
          throw e;
        }
        if (!(result instanceof Promise)) {
          // A write at once (saveMeetingStatesNow) is timed; its null did nothing and is not.
          if (result !== null && result !== undefined) ok.observe((performance.now() - t0) / 1000);
          return result;
        }
        return result.then(
          (v: unknown) => {
            ok.observe((performance.now() - t0) / 1000);
            counted?.(args);
            return v;
          },
          (e: unknown) => {
            failed.observe((performance.now() - t0) / 1000);
            throw e;
          },
        );
      };
    };
    return new Proxy(storage, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        let wrapper = wrappers.get(value);
        if (!wrapper) wrappers.set(value, (wrapper = wrap(target, prop, value as (...args: unknown[]) => unknown)));
        return wrapper;
      },
    });
  };

  return {
    registry,
    command: (outcome, seconds) => {
      commandOutcomes[outcome].count.inc();
      commandOutcomes[outcome].seconds.observe(seconds);
    },
    refused: (reason) => refused.inc({ reason }),
    instrument,
    setLive: (l) => {
      live = l;
    },
    setMailCounts: (read) => {
      mailCounts = read;
    },
  };
}
