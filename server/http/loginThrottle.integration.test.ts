// Login throttling over real HTTP: counters in storage shared by two nodes on one database,
// per account across addresses and per address across accounts, waits that double, and the
// right password getting through once the wait is over. Addresses come from X-Forwarded-For
// (the app trusts the loopback proxy); time is an injected clock that the test moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.ts';
import { startServer, type RunningServer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { ApiClient, seedGroup, tempDataDir } from '../testing/harness.ts';

// Starts at the real time and only moves forward from it: the nodes check sessions against the
// real clock (loadUser), so a clock fixed at some past date would create sessions that expired
// 30 days after it, and the seed's sign-ins would fail once the real date had moved on.
let clock = Date.now();
const now = () => clock;
let nodeA: RunningServer & { url: string };
let nodeB: RunningServer & { url: string };
const PASSWORD = 'correct horse battery';

async function node(dataDir: string) {
  const running = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error' }), { now });
  return { ...running, url: `http://127.0.0.1:${running.port}` };
}

beforeAll(async () => {
  const dir = tempDataDir();
  nodeA = await node(dir);
  nodeB = await node(dir);
  await seedGroup(nodeA.url);
});
afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
});

let addressCounter = 0;
/** A sign-in from its own address (a fresh one unless given). */
function login(on: { url: string }, email: string, password: string, address = `198.51.100.${++addressCounter}`) {
  return new ApiClient(on.url).request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address });
}

describe('login throttling', () => {
  it('slows down many addresses guessing one account, on every node, and lets the right password in after the wait', async () => {
    const email = 'max.one@example.com';
    // The free failures, spread over addresses and both nodes.
    for (let i = 0; i < LIMITS.loginFreeFailuresPerAccount; i++) {
      const r = await login(i % 2 ? nodeB : nodeA, email, `wrong guess ${i}!`);
      expect(r.status).toBe(401);
    }
    // The next guess, from yet another address and the other node, must wait: 429 with Retry-After.
    const held = await login(nodeB, email, 'wrong guess again');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    expect(held.body).toEqual({ error: { code: 'rate_limited', message: 'Too many failed sign-ins: try again in 1 second', details: { retryAfterSeconds: 1 } } });
    // Even the right password waits (it is not checked while the account waits)...
    expect((await login(nodeA, email, PASSWORD)).status).toBe(429);
    // ...and gets through once the wait is over.
    clock += 1_000;
    const ok = await login(nodeA, email, PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(email);
    // Getting in forgets the account's failures: the next wrong guess is an ordinary 401.
    expect((await login(nodeB, email, 'wrong once more')).status).toBe(401);
  });

  it('doubles the wait with each further failure, up to the cap; never a lockout', async () => {
    const email = 'mia.two@example.com';
    for (let i = 0; i < LIMITS.loginFreeFailuresPerAccount; i++) expect((await login(nodeA, email, 'wrong guess!!')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const held = await login(nodeA, email, 'wrong guess!!');
      expect(held.status).toBe(429);
      const wait = Number(held.headers.get('retry-after'));
      waits.push(wait);
      clock += wait * 1000;
      expect((await login(nodeB, email, 'wrong guess!!')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    const held = await login(nodeA, email, PASSWORD);
    expect(held.status).toBe(429);
    expect(held.body.error.message).toBe('Too many failed sign-ins: try again in 15 minutes');
    clock += LIMITS.loginMaxDelayMs;
    expect((await login(nodeB, email, PASSWORD)).status).toBe(200);
  });

  it('a burst of concurrent guesses gets no more than the free failures checked', async () => {
    const email = 'moe.three@example.com';
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 ? nodeA : nodeB, email, `burst guess ${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.loginFreeFailuresPerAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LIMITS.loginFreeFailuresPerAccount);
    clock += 1_000;
    expect((await login(nodeA, email, PASSWORD)).status).toBe(200);
  });

  it('slows down one address guessing many accounts; other addresses and the right password elsewhere are unaffected', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < LIMITS.loginFreeFailuresPerAddress; i++) {
      expect((await login(i % 2 ? nodeA : nodeB, `nobody${i}@example.com`, 'wrong guess!!', address)).status).toBe(401);
    }
    const held = await login(nodeA, 'otto.observer@example.com', PASSWORD, address);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    // Someone else signs in to the same account from another address at once.
    expect((await login(nodeB, 'otto.observer@example.com', PASSWORD, '203.0.113.8')).status).toBe(200);
    clock += 1_000;
    expect((await login(nodeA, 'otto.observer@example.com', PASSWORD, address)).status).toBe(200);
  });

  it('successful sign-ins from a shared address never add up to a wait', async () => {
    const address = '192.0.2.44';
    const many = await Promise.all(
      Array.from({ length: LIMITS.loginFreeFailuresPerAddress + 5 }, (_, i) => login(i % 2 ? nodeA : nodeB, 'cora.coach@example.com', PASSWORD, address)),
    );
    // Concurrent attempts are counted before their passwords are checked, so a burst larger than
    // the free allowance may see 429; the ones that got in take their count back.
    expect(many.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    for (let i = 0; i < 30; i++) expect((await login(nodeA, 'cora.coach@example.com', PASSWORD, address)).status).toBe(200);
  });
});
