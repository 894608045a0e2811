// Who may open a doc: checked on the upgrade request, before anything is loaded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { commitmentsDocName, notesDocName, privateDocName } from '../../shared/collab/docNames.ts';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { ORIGIN, connectClient, startCollabServer, storedDoc, synced, upgradeStatus, waitFor, type CollabServer } from './testkit.ts';

const rights = { m1: { alice: 'write', bob: 'write', olga: 'read' }, m2: { mallory: 'write' } } as const;
const at = (name: string) => '/' + encodeURIComponent(name);

let srv: CollabServer;
beforeAll(async () => {
  srv = await startCollabServer({ rights: { ...rights } });
});
afterAll(async () => {
  await srv.close();
});

describe('collab access', () => {
  it('members and observers are let in', async () => {
    expect(await upgradeStatus(srv, at(notesDocName('m1', 'i1')), 'alice')).toBe(101);
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), 'olga')).toBe(101);
    // The name may also arrive unencoded (colons are legal in a path).
    expect(await upgradeStatus(srv, '/' + commitmentsDocName('m1'), 'bob')).toBe(101);
  });

  it('a non-member is refused with 403', async () => {
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), 'mallory')).toBe(403);
  });

  it('a meeting that does not exist answers like one you may not see (403)', async () => {
    expect(await upgradeStatus(srv, at(commitmentsDocName('nosuchmeeting')), 'alice')).toBe(403);
  });

  it('a missing or unknown session cookie is refused with 401', async () => {
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), null)).toBe(401);
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), 'stranger')).toBe(401);
  });

  it('a cross-site or missing Origin is refused with 403, before the cookie is looked at', async () => {
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), 'alice', 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), 'alice', null)).toBe(403);
    expect(await upgradeStatus(srv, at(commitmentsDocName('m1')), null, 'https://evil.example')).toBe(403);
  });

  it("another user's private doc is refused while the owner's works", async () => {
    expect(await upgradeStatus(srv, at(privateDocName('m1', 'alice')), 'bob')).toBe(403);
    expect(await upgradeStatus(srv, at(privateDocName('m1', 'alice')), 'olga')).toBe(403);
    expect(await upgradeStatus(srv, at(privateDocName('m1', 'alice')), 'alice')).toBe(101);
  });

  it('bad doc names and paths are refused with 400', async () => {
    for (const p of ['', '/', '/meeting:m1', '/meeting:m1:secrets', '/meeting%3Am1%3Acommitments/x', '/%E0%A4%A', '/meeting:m 1:commitments']) {
      expect(await upgradeStatus(srv, p, 'alice'), p).toBe(400);
    }
  });

  it('the refusal body is a typed error like the JSON API', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve) => {
      const req = http.request({
        port: srv.port,
        host: '127.0.0.1',
        path: '/collab/' + encodeURIComponent(commitmentsDocName('m1')),
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', Origin: ORIGIN, 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('response', (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.end();
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('upgrades on other paths are left to their owners (e.g. socket.io)', async () => {
    const other = new WebSocketServer({ noServer: true });
    srv.server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/socket.io/')) other.handleUpgrade(req, socket, head, (ws) => ws.send('hi from the other endpoint'));
    });
    const port = (srv.server.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    const first = await new Promise<string>((resolve, reject) => {
      ws.on('message', (d: Buffer) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(first).toBe('hi from the other endpoint');
    ws.close();
    other.close();
  });

  it('kick() closes a user\'s connections to a meeting with 4403 and the stock provider stays away', async () => {
    const bob = connectClient(srv, commitmentsDocName('m1'), 'bob');
    const alice = connectClient(srv, commitmentsDocName('m1'), 'alice');
    await Promise.all([synced(bob), synced(alice)]);
    const closed = new Promise<{ code: number }>((resolve) => bob.provider.on('closed', (e) => resolve(e)));
    expect(srv.collab.kick('bob', 'm2')).toBe(0);
    expect(srv.collab.kick('bob', 'm1')).toBe(1);
    expect((await closed).code).toBe(COLLAB_CLOSE.forbidden);
    // The provider turned its reconnect off on the 44xx close (its scheduled retry is a no-op).
    expect(bob.provider.shouldConnect).toBe(false);
    expect(bob.provider.wsconnected).toBe(false);
    expect(alice.provider.wsconnected).toBe(true);
    bob.destroy();
    alice.destroy();
  });

  it('recheck() after a rights change: a writer kept, a reader-now connection stays open read-only, a removed one gets 4403', async () => {
    // Rights the test changes, as storage would after PATCH/DELETE of a membership.
    const live: Record<string, Record<string, 'write' | 'read'>> = { m3: { wes: 'write', rae: 'write', rex: 'write' } };
    const own = await startCollabServer({ rights: live });
    try {
      const name = commitmentsDocName('m3');
      const [wes, rae, rex] = (['wes', 'rae', 'rex'] as const).map((u) => connectClient(own, name, u));
      await Promise.all([wes, rae, rex].map((c) => synced(c!)));
      const reClosed = new Promise<number>((resolve) => rex!.provider.on('connection-close', (e: CloseEvent | null) => e && resolve(e.code)));
      live.m3!.rae = 'read';
      delete live.m3!.rex;
      expect(await own.collab.recheck('wes')).toEqual({ kept: 1, restricted: 0, closed: 0 });
      expect(await own.collab.recheck('rae')).toEqual({ kept: 0, restricted: 1, closed: 0 });
      expect(await own.collab.recheck('rex')).toEqual({ kept: 0, restricted: 0, closed: 1 });
      expect(await reClosed).toBe(COLLAB_CLOSE.forbidden);
      // Rae still reads, but her edits are dropped: a marker from Wes after hers arrives alone.
      rae!.text.insert(0, 'RAE;');
      wes!.text.insert(0, 'marker;');
      await waitFor(() => rae!.text.toString().includes('marker;'), 'marker reached the reader');
      await waitFor(async () => (await storedDoc(own.storage, name)).text.includes('marker;'), 'marker stored');
      expect(wes!.text.toString()).not.toContain('RAE');
      expect((await storedDoc(own.storage, name)).text).not.toContain('RAE');
      expect(rae!.provider.wsconnected).toBe(true);
      [wes, rae, rex].forEach((c) => c!.destroy());
    } finally {
      await own.close();
    }
  });

  it('loads no doc for refused connections', async () => {
    const before = srv.collab.docCount();
    await upgradeStatus(srv, at(commitmentsDocName('m2')), 'alice');
    await upgradeStatus(srv, at(commitmentsDocName('m2')), null);
    expect(srv.collab.docCount()).toBe(before);
    expect(await srv.storage.listDocNames('meeting:m2:')).toEqual([]);
  });
});
