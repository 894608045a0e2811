// The real server as a child process, real sessions, the stock WebsocketProvider:
// kill -9 right after a second client has received edits, start again on the same data,
// and every edit that client saw is in the stored doc. Then a restart with clients still
// connected: they resync with no duplicated text.
import { afterAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { notesDocName } from '../../shared/collab/docNames.ts';
import { freePort, startChildServer, type ChildServer } from '../testing/childServer.ts';
import { collabClient } from '../testing/collabClient.ts';
import { seedGroup, tempDataDir } from '../testing/harness.ts';

let server: ChildServer | null = null;
const providers: WebsocketProvider[] = [];
afterAll(async () => {
  providers.forEach((p) => p.destroy());
  await server?.stop();
});

function client(url: string, cookie: string, docName: string) {
  const { doc, provider } = collabClient(url, cookie, docName);
  providers.push(provider);
  return { doc, provider, text: doc.getText('t') };
}

async function waitFor(check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('collab durability across crashes', () => {
  it('kill -9 loses nothing another client received; reconnecting clients do not duplicate text', async () => {
    const port = await freePort();
    const dataDir = tempDataDir();
    server = await startChildServer(port, dataDir);
    const seed = await seedGroup(server.url);
    const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
    const docName = notesDocName(created.body.meeting.id, created.body.state.agenda[0].id);
    const [m1, m2] = seed.members;

    const a = client(server.url, m1!.cookie, docName);
    const b = client(server.url, m2!.cookie, docName);
    await waitFor(() => a.provider.synced && b.provider.synced, 'both synced');

    // A types; the moment B has received 25 edits, the server dies with SIGKILL.
    let seenByB = '';
    let killed: Promise<number | null> | null = null;
    b.text.observe(() => {
      if (!killed && b.text.length >= 25) {
        seenByB = b.text.toString();
        killed = server!.stop('SIGKILL');
      }
    });
    for (let i = 0; i < 60 && !killed; i++) {
      a.text.insert(a.text.length, String.fromCharCode(97 + (i % 26)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => killed !== null, 'kill');
    await killed;
    // The writers go away with the server: whatever survives must come from storage alone.
    a.provider.destroy();
    b.provider.destroy();
    expect(seenByB.length).toBeGreaterThanOrEqual(25);

    server = await startChildServer(port, dataDir);
    const c = client(server.url, m1!.cookie, docName);
    await waitFor(() => c.provider.synced, 'reader synced');
    expect(c.text.toString().startsWith(seenByB)).toBe(true);

    // Restart with clients connected: they resync, and no text is doubled.
    const d = client(server.url, m2!.cookie, docName);
    await waitFor(() => d.provider.synced, 'second reader synced');
    const base = c.text.toString();
    c.text.insert(c.text.length, ' hello');
    await waitFor(() => d.text.toString() === base + ' hello', 'd sees hello');
    await server.stop('SIGKILL');
    server = await startChildServer(port, dataDir);
    await waitFor(() => c.provider.wsconnected && d.provider.wsconnected && c.provider.synced && d.provider.synced, 'both reconnected');
    d.text.insert(d.text.length, ' world');
    await waitFor(() => c.text.toString() === base + ' hello world', 'c sees world');
    expect(d.text.toString()).toBe(base + ' hello world');
    const e = client(server.url, m1!.cookie, docName);
    await waitFor(() => e.provider.synced && e.text.toString() === base + ' hello world', 'fresh reader sees exactly one copy');
  });
});
