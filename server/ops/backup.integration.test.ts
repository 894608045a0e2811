// Backup while the server runs and writes, restore into a fresh data folder, start a server on
// it: every meeting, note and figure is there. Restoring over a database keeps the old one aside.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { notesDocName } from '../../shared/collab/docNames.ts';
import { storedDoc } from '../collab/testkit.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { seedGroup, startTestServer, tempDataDir } from '../testing/harness.ts';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** `npm run backup|restore -- <file>` with DATA_DIR; resolves with the exit code and output. */
function npmRun(script: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  const proc = spawn('npm', ['run', '--silent', script, '--', file], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, out })));
}

describe('backup and restore', () => {
  it('a backup taken while the server runs restores every meeting, note and figure', async () => {
    const srv = await startTestServer();
    cleanups.push(() => srv.close());
    const seed = await seedGroup(srv.url);
    const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
    await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC' });
    const put = await seed.members[0]!.request('PUT', `/api/groups/${seed.group.id}/figures/2026-Q3`, { figures: [{ kpiKey: 'total_revenue', value: 1234567 }] });
    expect(put.status).toBe(200);
    const docName = notesDocName(created.body.meeting.id, created.body.state.agenda[0].id);
    const { doc, provider } = collabClient(srv.url, seed.members[0]!.cookie, docName);
    cleanups.push(() => (provider as WebsocketProvider).destroy());
    await waitUntil(() => provider.synced, 'synced');
    doc.getText('t').insert(0, 'Notes that must survive a restore');
    await waitUntil(async () => (await storedDoc(srv.storage, docName)).text.length > 0, 'note stored');

    const before = {
      meetings: await srv.storage.listMeetings(seed.group.id),
      figures: await srv.storage.listFigures(seed.group.id, {}),
      note: (await storedDoc(srv.storage, docName)).text,
    };
    expect(before.meetings).toHaveLength(2);
    expect(before.figures.length).toBeGreaterThan(0);
    expect(before.note).toBe('Notes that must survive a restore');

    const file = path.join(tempDataDir(), 'nested', 'peerboard-backup.sqlite');
    const backup = await npmRun('backup', file, srv.dataDir);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(file);
    // Never over an existing file.
    expect((await npmRun('backup', file, srv.dataDir)).code).not.toBe(0);

    const fresh = tempDataDir();
    const restore = await npmRun('restore', file, fresh);
    expect(restore.code).toBe(0);
    const restored = await startTestServer(fresh);
    cleanups.push(() => restored.close());
    expect(await restored.storage.listMeetings(seed.group.id)).toEqual(before.meetings);
    expect(await restored.storage.listFigures(seed.group.id, {})).toEqual(before.figures);
    expect((await storedDoc(restored.storage, docName)).text).toBe(before.note);
    // The restored server is usable: the same accounts sign in.
    const me = await fetch(`${restored.url}/api/me`, { headers: { cookie: seed.coach.cookie } });
    expect(me.status).toBe(200);
  }, 120_000); // four npm runs on a loaded machine

  it('restore refuses a file that is not a Peerboard backup, and keeps a replaced database aside', async () => {
    const dir = tempDataDir();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just some text that is long enough');
    const target = tempDataDir();
    const refused = await npmRun('restore', junk, target);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('not an SQLite database');
    expect(fs.existsSync(path.join(target, 'peerboard.sqlite'))).toBe(false);

    // A real backup restored over an existing database: the old one is renamed, not lost.
    const srv = await startTestServer(target);
    await srv.close();
    const file = path.join(dir, 'b.sqlite');
    expect((await npmRun('backup', file, target)).code).toBe(0);
    const again = await npmRun('restore', file, target);
    expect(again.code).toBe(0);
    expect(fs.readdirSync(target).some((f) => /^peerboard\.sqlite\.before-restore-.*[^lm]$/.test(f))).toBe(true);
  }, 120_000);
});
