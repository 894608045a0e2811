// Graceful stop on SIGTERM/SIGINT: stop accepting, close sockets (collab with 1001), flush docs,
// close storage, exit 0. Bounded: a drain that hangs (storage gone) ends with exit 1, so a
// supervisor never waits forever and knows the stop was not clean. A second signal exits at once.
import { constants } from 'node:os';
import type { Logger } from './log.ts';

/** Longest whole drain: above the collab flush timeout (10 s) plus closing storage and Redis. */
export const DRAIN_TIMEOUT_MS = 15_000;

export function drainOnSignals(target: { close(): Promise<void>; log: Logger }, timeoutMs = DRAIN_TIMEOUT_MS): void {
  let draining = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      target.log.warn('second signal: exiting without finishing the drain', { signal });
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    draining = true;
    target.log.info('shutting down', { signal });
    const timer = setTimeout(() => {
      target.log.error('shutdown did not finish in time; exiting', { timeoutMs });
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    target.close().then(
      () => {
        target.log.info('shut down cleanly');
        process.exit(0);
      },
      (e: unknown) => {
        target.log.error('shutdown failed', { err: String(e) });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
