// The Yjs document log: append-only updates with per-doc sequence numbers, plus a snapshot
// that compaction replaces. SqlStorage delegates to it (like records-sql.ts).
import type { SqlAccess } from './access.ts';
import type { Dialect } from './driver.ts';
import * as row from './rows.ts';
import type { DocAppend, DocMerge, StoredDoc } from './types.ts';

/** First key of the PostgreSQL advisory lock a compaction takes (the second is the doc name's hash). */
const DOC_COMPACTION_LOCK = 0x50424443; // "PBDC"

export class DocsSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly dialect: () => Dialect,
  ) {}

  /** Several docs' appends in one transaction; each entry's last seq, in order. */
  async appendDocBatch(appends: readonly DocAppend[]): Promise<number[]> {
    if (appends.length === 0) return [];
    // Head rows are locked in name order, so two nodes' batches never wait on each other in a cycle.
    const order = appends.map((_, i) => i).sort((a, b) => (appends[a]!.docName < appends[b]!.docName ? -1 : appends[a]!.docName > appends[b]!.docName ? 1 : a - b));
    return this.q.atomic(async (db) => {
      const lasts: number[] = new Array<number>(appends.length);
      for (const i of order) {
        const { docName, updates } = appends[i]!;
        // Bumping the head row locks it until commit: appends to one doc commit in seq order.
        const [head] = await db.all<{ last_seq: row.DbInt }>(
          `INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, ?)
           ON CONFLICT (doc_name) DO UPDATE SET last_seq = doc_heads.last_seq + excluded.last_seq
           RETURNING last_seq`,
          [docName, updates.length],
        );
        const last = row.toInt(head?.last_seq);
        let seq = last - updates.length;
        for (const u of updates) {
          await db.run('INSERT INTO doc_updates (doc_name, seq, data) VALUES (?, ?, ?)', [docName, ++seq, u]);
        }
        lasts[i] = last;
      }
      return lasts;
    });
  }
  async loadDoc(docName: string, afterSeq = 0): Promise<StoredDoc> {
    // Updates first, then the snapshot, without a transaction (PostgreSQL's READ COMMITTED gives
    // each statement its own view). A compaction in between only makes the snapshot newer, and
    // it covers every update it deleted; updates it already covers are dropped below. Appends
    // commit in seq order, so what one statement sees is a gapless run of seqs.
    const ups = await this.q.all<{ seq: row.DbInt; data: Uint8Array }>(
      'SELECT seq, data FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
      [docName, afterSeq],
    );
    const [snap] = await this.q.all<{ snapshot: Uint8Array; upto_seq: row.DbInt }>(
      'SELECT snapshot, upto_seq FROM doc_snapshots WHERE doc_name = ?',
      [docName],
    );
    const upto = row.toInt(snap?.upto_seq);
    const after = ups.filter((u) => row.toInt(u.seq) > upto);
    const lastSeq = Math.max(upto, afterSeq, row.toInt(after.at(-1)?.seq));
    // A reader that already holds everything up to afterSeq needs the snapshot only if it covers more.
    const snapshot = snap && (afterSeq === 0 || upto > afterSeq) ? row.toBytes(snap.snapshot) : null;
    return { snapshot, updates: after.map((u) => row.toBytes(u.data)), lastSeq };
  }
  async compactDoc(docName: string, merge: DocMerge): Promise<{ uptoSeq: number; merged: number }> {
    return this.q.atomic(async (db) => {
      // One compactor per doc at a time: a PostgreSQL advisory lock (appends are not blocked);
      // SQLite's write transaction (BEGIN IMMEDIATE) already serializes every writer.
      if (this.dialect() === 'postgres') {
        await db.all('SELECT pg_advisory_xact_lock(CAST(? AS integer), hashtext(CAST(? AS text)))', [DOC_COMPACTION_LOCK, docName]);
      }
      // The committed head: every update up to it is committed too (appends commit in seq order).
      const [head] = await db.all<{ last_seq: row.DbInt }>('SELECT last_seq FROM doc_heads WHERE doc_name = ?', [docName]);
      const [snap] = await db.all<{ snapshot: Uint8Array; upto_seq: row.DbInt }>(
        'SELECT snapshot, upto_seq FROM doc_snapshots WHERE doc_name = ?',
        [docName],
      );
      const from = row.toInt(snap?.upto_seq);
      const upto = row.toInt(head?.last_seq);
      if (upto <= from) return { uptoSeq: from, merged: 0 };
      const ups = await db.all<{ data: Uint8Array }>('SELECT data FROM doc_updates WHERE doc_name = ? AND seq > ? AND seq <= ? ORDER BY seq', [
        docName,
        from,
        upto,
      ]);
      const snapshot = merge(snap ? row.toBytes(snap.snapshot) : null, ups.map((u) => row.toBytes(u.data)));
      await db.run(
        `INSERT INTO doc_snapshots (doc_name, snapshot, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (doc_name) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq`,
        [docName, snapshot, upto],
      );
      // Exactly what was merged: later appends (seq > upto) stay in the log.
      await db.run('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?', [docName, upto]);
      return { uptoSeq: upto, merged: ups.length };
    });
  }
  async listDocNames(prefix: string): Promise<string[]> {
    // substr() instead of LIKE: no wildcards to escape (`%`, `_` match literally) and no
    // case folding (SQLite's LIKE ignores ASCII case, PostgreSQL's does not). Both count
    // characters as code points, hence the spread.
    const rows = await this.q.all<{ doc_name: string }>('SELECT doc_name FROM doc_heads WHERE substr(doc_name, 1, ?) = ?', [
      [...prefix].length,
      prefix,
    ]);
    return rows.map((r) => r.doc_name).sort(row.byCode);
  }
}
