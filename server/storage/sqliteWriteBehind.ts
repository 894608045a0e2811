// Write-behind for SQLite's hottest write: a notes doc's updates (appendDocBatch), one per
// keystroke. A SQLite commit per keystroke costs about 0.1 ms of the main thread when writes are
// spaced out (a transaction's locks, WAL frames and their system calls). Here an update is
// durable once one framed record is appended to a journal file beside the database: one write()
// to the OS, the guarantee SQLite gives with WAL and synchronous=NORMAL (a killed process loses
// nothing; a power cut may lose the last writes). The records reach the database in one
// transaction per flush, a few ms later, or before any other statement runs on the connection,
// so every reader (this node's queries, loading and compacting a doc, exports) sees them as if
// committed. After a crash, opening the database replays the journal first.
//
// The seqs are decided here without a read, from a cache of each doc's head (what the database
// holds plus what is pending). Only this process writes the file (SQLite mode is one node), and
// any other statement that writes first flushes and then clears the cache (SqliteDriver).
// Meeting states stay plain SQL: the same journal for them measured no gain on the command path
// (bench:load, 100 rooms), and their compare-and-set would rest on a cache of versions.
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { DocAppend } from './types.ts';

/** A pending record reaches the database at most this long after it was journaled. */
export const WRITE_BEHIND_FLUSH_MS = 20;
/** Pending bytes past which the flush runs on the next turn instead of waiting for the timer. */
export const WRITE_BEHIND_MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** Docs whose head the cache holds; a full cache starts over from the database. */
export const WRITE_BEHIND_CACHE_MAX = 20_000;

type Statements = Record<'dataVersion' | 'head' | 'bumpHead' | 'insertUpdate' | 'begin' | 'commit' | 'rollback', Statement>;

function prepareStatements(db: Database.Database): Statements {
  return {
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    head: db.prepare('SELECT last_seq FROM doc_heads WHERE doc_name = ?').pluck(),
    bumpHead: db.prepare(
      `INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, ?)
       ON CONFLICT (doc_name) DO UPDATE SET last_seq = MAX(doc_heads.last_seq, excluded.last_seq)`,
    ),
    insertUpdate: db.prepare('INSERT INTO doc_updates (doc_name, seq, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
}

const DOC = 1;
const HEADER_BYTES = 8; // payload length, crc32 of the payload

interface Pending {
  kind: typeof DOC;
  docName: string;
  firstSeq: number;
  updates: Uint8Array[];
}

/** What the write-behind needs from its driver: the connection's mutex and a word after each flush. */
export interface WriteBehindHost {
  /** Runs fn when the connection is free (no transaction open), without flushing first. */
  exclusive<T>(fn: () => T): Promise<T>;
  /** The flush wrote to the database (the checkpointer wants to know). */
  wrote(): void;
  log(message: string, fields: Record<string, unknown>): void;
}

export class SqliteWriteBehind {
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly heads = new Map<string, number>();
  private readonly fd: number | null;
  private statements: Statements | null = null;
  /** SQLite's data_version when the cache was last known good: it moves when another connection commits. */
  private seenDataVersion: unknown = null;

  constructor(
    private readonly db: Database.Database,
    /** The journal file; null for an in-memory database (nothing to survive a crash). */
    private readonly journalFile: string | null,
    private readonly host: WriteBehindHost,
    private readonly flushMs = WRITE_BEHIND_FLUSH_MS,
  ) {
    this.fd = journalFile === null ? null : openSync(journalFile, 'a+');
    if (journalFile !== null) this.replay(journalFile);
  }

  /** Prepared on first use: a new database has no tables until its migrations ran. */
  private get sql(): Statements {
    return (this.statements ??= prepareStatements(this.db));
  }

  /** appendDocBatch: journals the updates and answers each doc's last seq. */
  appendDocBatch(appends: readonly DocAppend[]): Promise<number[]> {
    return this.host.exclusive(() => {
      this.forgetIfOthersWrote();
      const lasts: number[] = [];
      const records: Pending[] = [];
      const heads = new Map<string, number>();
      for (const { docName, updates } of appends) {
        const head = heads.get(docName) ?? this.headOf(docName);
        if (updates.length > 0) records.push({ kind: DOC, docName, firstSeq: head + 1, updates });
        heads.set(docName, head + updates.length);
        lasts.push(head + updates.length);
      }
      this.journal(records);
      for (const [docName, head] of heads) this.remember(docName, head);
      return lasts;
    });
  }

  /** Writes every pending record to the database in one transaction, then empties the journal. Caller holds the connection. */
  flushNow(): void {
    if (this.pending.length === 0) return;
    this.clearTimer();
    this.applyAll(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.fd !== null) ftruncateSync(this.fd, 0);
    this.host.wrote();
  }

  /** Another statement wrote (after a flush): forget the heads we knew. */
  forget(): void {
    this.heads.clear();
  }

  /** Flushes and removes the journal; the database holds everything. Caller holds the connection. */
  close(): void {
    this.flushNow();
    this.clearTimer();
    if (this.fd !== null) {
      closeSync(this.fd);
      // force: the folder may be gone already (a test's temporary data).
      rmSync(this.journalFile!, { force: true });
    }
  }

  /**
   * Another process should not write a Peerboard SQLite file while its server runs (a restore
   * waits for the stop), but if one does, what it wrote wins over the cache from then on. Asked
   * once per flush cycle (when nothing is pending), not per write: the pragma costs about as much
   * as the journal's write, and a write journaled over the cache already rests on it until the flush.
   */
  private forgetIfOthersWrote(): void {
    if (this.pending.length > 0) return;
    const now = this.sql.dataVersion.get();
    if (now !== this.seenDataVersion) this.forget();
    this.seenDataVersion = now;
  }

  private headOf(docName: string): number {
    return this.heads.get(docName) ?? Number(this.sql.head.get(docName) ?? 0);
  }

  private remember(docName: string, head: number): void {
    if (this.heads.size >= WRITE_BEHIND_CACHE_MAX && !this.heads.has(docName)) {
      // A pending head may not be forgotten: it is not in the database yet.
      this.flushNow();
      this.heads.clear();
    }
    this.heads.set(docName, head);
  }

  /** Makes the records durable (one write to the journal), then pending. Throws before anything is pending if the write fails. */
  private journal(records: Pending[]): void {
    if (records.length === 0) return;
    const frames = records.map(encode);
    if (this.fd !== null) writeSync(this.fd, frames.length === 1 ? frames[0]! : Buffer.concat(frames));
    for (const r of records) this.pending.push(r);
    for (const f of frames) this.pendingBytes += f.length;
    this.schedule();
  }

  private schedule(): void {
    if (this.pendingBytes >= WRITE_BEHIND_MAX_PENDING_BYTES) {
      this.clearTimer();
      setImmediate(() => this.flushSoon());
      return;
    }
    if (this.timer) return;
    // Unref'd: a process that exits without closing storage leaves the records in the journal,
    // and the next start replays them.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushSoon();
    }, this.flushMs).unref();
  }

  private flushSoon(): void {
    this.host.exclusive(() => this.flushNow()).catch((err: unknown) => {
      // The records stay pending and journaled; the next statement or timer tries again.
      this.host.log('storage: write-behind flush failed; will retry', { pending: this.pending.length, error: String(err) });
      if (!this.timer) this.timer = setTimeout(() => ((this.timer = null), this.flushSoon()), Math.max(this.flushMs, 1_000)).unref();
    });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * One transaction over the records, in order. Updates at or below a doc's stored head were
   * stored before (a replay after a crash that came between a flush's commit and the journal's
   * truncation, or a doc compacted since): skipped.
   */
  private applyAll(records: readonly Pending[]): void {
    this.sql.begin.run();
    try {
      for (const r of records) {
        const head = Number(this.sql.head.get(r.docName) ?? 0);
        r.updates.forEach((u, i) => {
          const seq = r.firstSeq + i;
          if (seq > head) this.sql.insertUpdate.run(r.docName, seq, u);
        });
        this.sql.bumpHead.run(r.docName, r.firstSeq + r.updates.length - 1);
      }
      this.sql.commit.run();
    } catch (err) {
      if (this.db.inTransaction) this.sql.rollback.run();
      throw err;
    }
  }

  /** Applies what a crashed process journaled and did not flush; a torn last record is dropped. */
  private replay(file: string): void {
    const bytes = readFileSync(file);
    if (bytes.length === 0) return;
    const records: Pending[] = [];
    let at = 0;
    while (at + HEADER_BYTES <= bytes.length) {
      const length = bytes.readUInt32LE(at);
      const end = at + HEADER_BYTES + length;
      if (end > bytes.length) break;
      const payload = bytes.subarray(at + HEADER_BYTES, end);
      if (crc32(payload) !== bytes.readUInt32LE(at + 4)) break;
      records.push(decode(payload));
      at = end;
    }
    if (at < bytes.length) this.host.log('storage: write-behind journal ends in a torn record; dropped', { bytes: bytes.length - at });
    this.applyAll(records);
    ftruncateSync(this.fd!, 0);
    this.host.log('storage: write-behind journal replayed', { records: records.length });
  }
}

// Record payloads: a kind byte, then length-prefixed fields, little-endian.
class Writer {
  private parts: Buffer[] = [];
  u8(n: number): this {
    this.parts.push(Buffer.of(n));
    return this;
  }
  num(n: number): this {
    const b = Buffer.allocUnsafe(8);
    b.writeDoubleLE(n);
    this.parts.push(b);
    return this;
  }
  bytes(data: Uint8Array): this {
    const len = Buffer.allocUnsafe(4);
    len.writeUInt32LE(data.length);
    this.parts.push(len, Buffer.from(data.buffer, data.byteOffset, data.length));
    return this;
  }
  text(s: string): this {
    return this.bytes(Buffer.from(s, 'utf8'));
  }
  frame(): Buffer {
    const payload = Buffer.concat(this.parts);
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(crc32(payload), 4);
    return Buffer.concat([header, payload]);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly b: Buffer) {}
  u8(): number {
    return this.b.readUInt8(this.at++);
  }
  num(): number {
    const n = this.b.readDoubleLE(this.at);
    this.at += 8;
    return n;
  }
  bytes(): Uint8Array {
    const len = this.b.readUInt32LE(this.at);
    const out = Uint8Array.prototype.slice.call(this.b, this.at + 4, this.at + 4 + len);
    this.at += 4 + len;
    return out;
  }
  text(): string {
    return Buffer.from(this.bytes()).toString('utf8');
  }
}

function encode(r: Pending): Buffer {
  const w = new Writer().u8(r.kind).text(r.docName).num(r.firstSeq).num(r.updates.length);
  for (const u of r.updates) w.bytes(u);
  return w.frame();
}

function decode(payload: Buffer): Pending {
  const r = new Reader(payload);
  const kind = r.u8();
  if (kind !== DOC) throw new Error(`storage: write-behind journal has a record of unknown kind ${kind}`);
  const docName = r.text();
  const firstSeq = r.num();
  const count = r.num();
  return { kind, docName, firstSeq, updates: Array.from({ length: count }, () => r.bytes()) };
}
