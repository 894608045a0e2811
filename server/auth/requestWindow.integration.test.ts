// Password-reset requests are counted in storage: the budget holds across nodes (two storages on
// one database stand for two nodes), under concurrent requests, and resets with the window. Over
// HTTP the request past the budget gets 429 rate_limited with Retry-After.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { Storage } from '../storage/types.ts';
import { ApiClient, startTestServer, tempDataDir } from '../testing/harness.ts';
import { countRequest, windowKey } from './requestWindow.ts';

const MAX = 3;
const WINDOW = 60_000;

describe('request window in storage', () => {
  const file = path.join(tempDataDir(), 'peerboard.db');
  let nodeA: Storage;
  let nodeB: Storage;
  beforeAll(async () => {
    nodeA = openSqliteStorage(file);
    await nodeA.migrate();
    nodeB = openSqliteStorage(file);
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
  });

  it('two nodes share one budget; the window ends and a new one starts', async () => {
    const key = windowKey('test', 'a@example.com|10.0.0.1');
    const t0 = Date.parse('2026-12-02T10:00:00Z');
    const seen = [
      await countRequest(nodeA, key, MAX, WINDOW, t0),
      await countRequest(nodeB, key, MAX, WINDOW, t0 + 1_000),
      await countRequest(nodeA, key, MAX, WINDOW, t0 + 2_000),
      await countRequest(nodeB, key, MAX, WINDOW, t0 + 3_000),
    ];
    expect(seen.map((s) => s.allowed)).toEqual([true, true, true, false]);
    expect(seen[3]).toEqual({ allowed: false, retryAfterMs: WINDOW - 3_000 });
    // Another key is not touched.
    expect(await countRequest(nodeB, windowKey('test', 'b@example.com|10.0.0.1'), MAX, WINDOW, t0 + 3_000)).toEqual({ allowed: true });
    // At the window's end the count starts again.
    expect(await countRequest(nodeA, key, MAX, WINDOW, t0 + WINDOW)).toEqual({ allowed: true });
  });

  it('concurrent requests from both nodes: exactly the budget gets through', async () => {
    const key = windowKey('test', 'burst@example.com|10.0.0.2');
    const now = Date.parse('2026-12-02T11:00:00Z');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => countRequest(i % 2 ? nodeA : nodeB, key, MAX, WINDOW, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(MAX);
  });
});

describe('POST /api/auth/password-reset budget', () => {
  let srv: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it(`answers 202 ${LIMITS.loginAttemptsPerWindow} times per address, then 429 with Retry-After; another address still gets 202`, async () => {
    const anon = new ApiClient(srv.url);
    for (let i = 0; i < LIMITS.loginAttemptsPerWindow; i++) {
      // Case does not make a new address.
      expect((await anon.post('/api/auth/password-reset', { email: i % 2 ? 'Someone@Example.com' : 'someone@example.com' })).status).toBe(202);
    }
    const refused = await fetch(`${srv.url}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'someone@example.com' }) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Too many reset requests: try again in \d+ minutes?$/) });
    expect((await anon.post('/api/auth/password-reset', { email: 'other@example.com' })).status).toBe(202);
  });
});
