// SQLite's write-behind of notes updates (sqliteWriteBehind.ts): an append acknowledged from the
// journal survives kill -9 before any flush, a replay is idempotent and drops a torn tail,
// readers see journaled appends, and a write that bypasses the write-behind is never hidden by
// its cache of heads.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bytes, group, meetingState, newMeeting, user } from './contract-fixtures.ts';
import { openStorage } from './index.ts';
import { openSqliteStorage } from './sqlite.ts';
import type { Storage } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'peerboard-wb-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function meetingIn(s: Storage) {
  const { group: g } = await group(s);
  const facilitator = await user(s);
  const m = newMeeting(g.id);
  const meeting = await s.createMeeting(m, meetingState(m.id, facilitator.id));
  return { meeting, facilitator };
}

/** Runs writeBehindChild.ts until it has written, then kills it with SIGKILL; answers what it printed. */
function writeThenKill(file: string, meetingId: string, facilitatorId: string): Promise<{ seqs: number[]; third: number; saved: boolean[]; journalBytes: number; storedUpdates: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'writeBehindChild.ts'), file, meetingId, facilitatorId], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (${code}): ${err}`));
    });
    child.stdout.on('data', (d) => {
      out += d;
      if (!out.endsWith('\n')) return;
      const said = JSON.parse(out) as { seqs: number[]; third: number; saved: boolean[] };
      // Before the kill: the writes are in the journal, not in the database.
      const journalBytes = statSync(`${file}-wb`).size;
      const peek = new Database(file, { readonly: true });
      const storedUpdates = (peek.prepare('SELECT count(*) AS c FROM doc_updates').get() as { c: number }).c;
      peek.close();
      child.once('exit', () => resolve({ ...said, journalBytes, storedUpdates }));
      child.kill('SIGKILL');
    });
  });
}

describe('sqlite write-behind', () => {
  it('keeps every acknowledged write through kill -9 before any flush, and replays idempotently', async () => {
    const file = join(dir, `crash${++n}`, 'peerboard.sqlite');
    const setup = await openStorage({ sqliteFile: file });
    const { meeting, facilitator } = await meetingIn(setup);
    await setup.close();

    const child = await writeThenKill(file, meeting.id, facilitator.id);
    expect(child).toMatchObject({ seqs: [2, 1], third: 3, saved: [true, true], storedUpdates: 0 });
    expect(child.journalBytes).toBeGreaterThan(0);
    const journal = readFileSync(`${file}-wb`);
    // A record torn by a power cut: a header promising more bytes than follow.
    appendFileSync(`${file}-wb`, Buffer.from([100, 0, 0, 0, 1, 2, 3, 4, 9, 9]));

    const logged: string[] = [];
    const after = openSqliteStorage(file, { log: (msg) => logged.push(msg) });
    await after.migrate();
    expect(logged).toEqual(['storage: write-behind journal ends in a torn record; dropped', 'storage: write-behind journal replayed']);
    expect(await after.loadDoc('doc-a')).toEqual({ snapshot: null, updates: [bytes(1, 1, 1), bytes(2, 2, 2), bytes(3, 3, 3)], lastSeq: 3 });
    expect((await after.loadDoc('doc-b')).updates).toEqual([bytes(9, 9, 9)]);
    expect(await after.getMeetingState(meeting.id)).toMatchObject({ version: 2, currentIndex: 1 });
    expect((await after.getMeeting(meeting.id))?.status).toBe('live');
    expect(await after.appendDocUpdates('doc-a', [bytes(4)])).toBe(4);
    // Compaction takes doc-a's log into a snapshot; a second replay of the same journal (a crash
    // between a flush's commit and the journal's truncation) must not bring those updates back.
    await after.compactDoc('doc-a', (_snap, ups) => new Uint8Array(ups.length));
    await after.close();
    expect(existsSync(`${file}-wb`)).toBe(false);

    appendFileSync(`${file}-wb`, journal);
    const again = openSqliteStorage(file);
    expect(await again.loadDoc('doc-a')).toEqual({ snapshot: new Uint8Array(4), updates: [], lastSeq: 4 });
    expect(await again.getMeetingState(meeting.id)).toMatchObject({ version: 2, currentIndex: 1 });
    expect(await again.appendDocUpdates('doc-a', [bytes(5)])).toBe(5);
    await again.close();
  });

  it('lets a reader see journaled appends, flushing them first', async () => {
    const file = join(dir, `read${++n}`, 'peerboard.sqlite');
    const s = openSqliteStorage(file, { flushMs: 3_600_000 });
    await s.migrate();
    expect(await s.appendDocUpdates('doc', [bytes(1), bytes(2)])).toBe(2);
    expect(statSync(`${file}-wb`).size).toBeGreaterThan(0);
    expect((await s.loadDoc('doc')).updates).toEqual([bytes(1), bytes(2)]);
    // The read flushed: the database holds it all and the journal is empty again.
    expect(statSync(`${file}-wb`).size).toBe(0);
    await s.close();
  });

  it('never answers from a stale head after a write that went around the write-behind', async () => {
    const s = openSqliteStorage(':memory:');
    await s.migrate();
    expect(await s.appendDocUpdates('doc', [bytes(1), bytes(2)])).toBe(2);
    // Inside a transaction the append is plain SQL on the transaction's connection.
    expect(await s.transaction((tx) => tx.appendDocBatch([{ docName: 'doc', updates: [bytes(3)] }]))).toEqual([3]);
    expect(await s.appendDocUpdates('doc', [bytes(4)])).toBe(4);
    expect((await s.loadDoc('doc')).updates).toEqual([bytes(1), bytes(2), bytes(3), bytes(4)]);
    expect(await s.appendDocUpdates('gone', [bytes(1), bytes(2)])).toBe(2);
    await s.deleteDocs(['gone']);
    expect(await s.appendDocUpdates('gone', [bytes(3)])).toBe(1);
    expect((await s.loadDoc('gone')).updates).toEqual([bytes(3)]);
    await s.close();
  });

  it('believes another connection that wrote the file over its cache', async () => {
    const file = join(dir, `other${++n}`, 'peerboard.sqlite');
    const s = openSqliteStorage(file);
    await s.migrate();
    expect(await s.appendDocUpdates('doc', [bytes(1)])).toBe(1);
    await s.countUsers(); // a read: the append above is flushed
    const other = new Database(file);
    other.prepare("INSERT INTO doc_updates (doc_name, seq, data) VALUES ('doc', 2, x'02')").run();
    other.prepare("UPDATE doc_heads SET last_seq = 2 WHERE doc_name = 'doc'").run();
    other.close();
    expect(await s.appendDocUpdates('doc', [bytes(3)])).toBe(3);
    expect((await s.loadDoc('doc')).updates).toEqual([bytes(1), bytes(2), bytes(3)]);
    await s.close();
  });
});
