// The Yjs document log: append-only updates with per-doc sequence numbers, plus a snapshot
// that compaction replaces. SqlStorage delegates to it (like records-sql.ts).
import type { SqlAccess } from './access.ts';
import * as row from './rows.ts';

export class DocsSql {
  constructor(private readonly q: SqlAccess) {}

  /** Returns the seq of the last update appended (the current last seq if updates is empty). */
  async appendDocUpdates(docName: string, updates: Uint8Array[]): Promise<number> {
    return this.q.atomic(async (db) => {
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
      return last;
    });
  }
  async loadDoc(docName: string): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[]; lastSeq: number }> {
    // Updates first, then the snapshot, without a transaction (PostgreSQL's READ COMMITTED gives
    // each statement its own view). A compaction in between only makes the snapshot newer, and
    // it covers every update it deleted; updates it already covers are dropped below.
    const ups = await this.q.all<{ seq: row.DbInt; data: Uint8Array }>(
      'SELECT seq, data FROM doc_updates WHERE doc_name = ? ORDER BY seq',
      [docName],
    );
    const [snap] = await this.q.all<{ snapshot: Uint8Array; upto_seq: row.DbInt }>(
      'SELECT snapshot, upto_seq FROM doc_snapshots WHERE doc_name = ?',
      [docName],
    );
    const upto = row.toInt(snap?.upto_seq);
    const after = ups.filter((u) => row.toInt(u.seq) > upto);
    const lastSeq = Math.max(upto, row.toInt(after.at(-1)?.seq));
    return { snapshot: snap ? row.toBytes(snap.snapshot) : null, updates: after.map((u) => row.toBytes(u.data)), lastSeq };
  }
  async compactDoc(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.q.atomic(async (db) => {
      const [head] = await db.all<{ last_seq: row.DbInt }>('SELECT last_seq FROM doc_heads WHERE doc_name = ?', [docName]);
      // Compacting past the head would make later appends (seq <= uptoSeq) invisible to loadDoc.
      if (uptoSeq > row.toInt(head?.last_seq)) throw new Error(`storage: ${docName} has no update ${uptoSeq} to compact up to`);
      if (!head) await db.run('INSERT INTO doc_heads (doc_name, last_seq) VALUES (?, ?)', [docName, uptoSeq]);
      // A compactor holding an older snapshot must not replace a newer one.
      await db.run(
        `INSERT INTO doc_snapshots (doc_name, snapshot, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (doc_name) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq
         WHERE doc_snapshots.upto_seq <= excluded.upto_seq`,
        [docName, snapshot, uptoSeq],
      );
      await db.run('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?', [docName, uptoSeq]);
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
