// The process as an operator runs it: `npm start` (npm itself is the spawned process), stopped with
// SIGTERM (drains: collab clients get 1001, every edit another client saw is stored, exit 0) and
// with a kill -9 of the server underneath (npm must exit non-zero, so a supervisor restarts it).
import fs from 'node:fs';
import { constants } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { notesDocName } from '../shared/collab/docNames.ts';
import { COLLAB_CLOSE } from '../shared/collab/closeCodes.ts';
import { storedDoc } from './collab/testkit.ts';
import { openStorage } from './storage/index.ts';
import { freePort, startChildServer, type ChildServer } from './testing/childServer.ts';
import { collabClient, waitUntil } from './testing/collabClient.ts';
import { seedGroup, tempDataDir } from './testing/harness.ts';

let server: ChildServer | null = null;
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  providers.splice(0).forEach((p) => p.destroy());
  await server?.stop('SIGKILL');
  server = null;
});

function client(url: string, cookie: string, docName: string) {
  const { doc, provider } = collabClient(url, cookie, docName);
  providers.push(provider);
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return { provider, text: doc.getText('t'), closeCodes };
}

const serverPid = (log: string): number => {
  const line = log.split('\n').find((l) => l.includes('peerboard listening'));
  return JSON.parse(line!).pid;
};

describe('npm start as a supervised process', () => {
  it('SIGTERM drains: clients get 1001, every edit seen is stored, npm exits 0', async () => {
    const port = await freePort();
    const dataDir = tempDataDir();
    server = await startChildServer(port, dataDir, { LOG_LEVEL: 'info' }, { viaNpm: true });
    const seed = await seedGroup(server.url);
    const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
    const docName = notesDocName(created.body.meeting.id, created.body.state.agenda[0].id);
    const writer = client(server.url, seed.members[0]!.cookie, docName);
    const reader = client(server.url, seed.members[1]!.cookie, docName);
    await waitUntil(() => writer.provider.synced && reader.provider.synced, 'both synced');

    // The writer keeps typing; once the reader has seen 20 characters, npm gets SIGTERM mid-stream.
    const running = server;
    let exited: Promise<number | null> | null = null;
    reader.text.observe(() => {
      if (!exited && reader.text.length >= 20) exited = running.stop('SIGTERM');
    });
    for (let i = 0; !exited || i < 40; i++) {
      if (writer.closeCodes.length > 0 || i > 400) break;
      writer.text.insert(writer.text.length, String.fromCharCode(97 + (i % 26)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitUntil(() => exited !== null, 'SIGTERM sent');
    expect(await exited).toBe(0);
    await waitUntil(() => reader.closeCodes.length > 0 && writer.closeCodes.length > 0, 'both sockets closed');
    const seen = reader.text.toString();
    providers.splice(0).forEach((p) => p.destroy());

    expect(reader.closeCodes[0]).toBe(COLLAB_CLOSE.goingAway);
    expect(writer.closeCodes[0]).toBe(COLLAB_CLOSE.goingAway);
    expect(running.output()).toContain('"shutting down"');
    expect(seen.length).toBeGreaterThanOrEqual(20);
    const storage = await openStorage({ databaseUrl: undefined, sqliteFile: `${dataDir}/peerboard.sqlite` });
    try {
      expect((await storedDoc(storage, docName)).text.startsWith(seen)).toBe(true);
    } finally {
      await storage.close();
    }
  });

  it('a kill -9 of the server makes npm start end as killed (a shell sees 128 + 9), never 0', async () => {
    server = await startChildServer(await freePort(), tempDataDir(), { LOG_LEVEL: 'info' }, { viaNpm: true });
    const npm = server.proc;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const pid = serverPid(server.output());
    // The server is npm's own child: no shell in between that could swallow a signal.
    const parentPid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    expect(parentPid).toBe(npm.pid);
    process.kill(pid, 'SIGKILL');
    // npm re-raises its child's signal on itself (or exits 137): either way a supervisor sees 137.
    const { code, signal } = await exited;
    expect(code ?? 128 + constants.signals[signal!]).toBe(137);
  });
});
