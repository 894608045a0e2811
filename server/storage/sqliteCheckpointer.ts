// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
// pushes the WAL past 1000 pages: that commit copies the pages into the database file and
// fsyncs both files on the main thread, stalling every socket for 10-80 ms about once a second
// under load (bench:load's p99). Here the main connection turns the automatic checkpoint off and
// a worker thread with its own connection to the same file runs PASSIVE checkpoints, which never
// block the main connection's readers or writers. Nothing polls: a write arms one timer, the
// checkpoint runs when it fires, and an idle server runs none.
// The worker (a V8 isolate, about 6 MB of RSS) starts with the first checkpoint after start-up:
// the migrations' own pages are checkpointed on the main thread before the server serves anyone
// (checkpointBeforeServing), so a node that has not been written to yet carries no worker.
// Durability is unchanged: a commit is in the WAL file when it returns, as before; only the
// copy into the database file (and its fsync, synchronous=NORMAL) moved to the worker.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** After a write, the checkpoint waits this long, so one checkpoint covers many commits. */
export const CHECKPOINT_DELAY_MS = 1_000;
/** SQLite's own default, used again if the worker is gone (the WAL must not grow without bound). */
const AUTO_CHECKPOINT_PAGES = 1_000;

// Plain CommonJS run by the worker (eval): the compiled server is one bundle with no file to point at.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); process.exit(0); }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: the next write asks again */ }
  parentPort.postMessage('done');
});
`;

export class SqliteCheckpointer {
  /** Started by the first checkpoint (see the header); null until then. */
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The checkpoint the worker is running: resolves when it answers. */
  private running: Promise<void> | null = null;
  private answered: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Whether the worker thread was started (a node nobody wrote to has none). */
  get workerStarted(): boolean {
    return this.worker !== null;
  }

  private startWorker(): Worker {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, modulePath } });
    worker.unref();
    worker.on('message', () => this.settle());
    worker.on('error', () => this.fallBack());
    worker.on('exit', () => this.fallBack());
    return worker;
  }

  /**
   * A PASSIVE checkpoint on the main connection, for start-up only (after the migrations, before
   * the server listens): blocking the event loop costs nobody then, and the checkpoint their
   * writes armed needs no worker. Later writes arm the worker's checkpoint as usual.
   */
  checkpointBeforeServing(): void {
    if (this.closed || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      this.wrote(); // the worker tries again, as after any write
    }
  }

  /** Called after each write: arms the next checkpoint unless one is armed or running. */
  wrote(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) return void this.wrote();
      void this.checkpoint();
    }, CHECKPOINT_DELAY_MS);
    this.timer.unref();
  }

  /** Runs a PASSIVE checkpoint on the worker now (or joins the one running); resolves when it is done. */
  checkpoint(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.running ??= new Promise<void>((resolve) => {
      this.answered = resolve;
      // Queued until the worker is up: the first checkpoint waits for its start (tens of ms).
      (this.worker ??= this.startWorker()).postMessage('checkpoint');
    });
    return this.running;
  }

  private settle(): void {
    this.running = null;
    this.answered?.();
    this.answered = null;
  }

  /** Before the main connection closes (its close does the final checkpoint). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held until it exits: an unreferenced worker would let the process end before storage closed.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private fallBack(): void {
    this.settle();
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  }
}
