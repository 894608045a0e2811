// Security headers on the API and on the app shell: a CSP without inline scripts that nobody may
// frame, a same-origin referrer policy, and HSTS only when the public origin is https.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir } from '../testing/harness.ts';

const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** A server with a stand-in built client, so the app shell is served as in production. */
async function serverWithClient(env: Record<string, string> = {}) {
  const clientDir = tempDataDir();
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  const srv = await startTestServer(tempDataDir(), { SERVE_CLIENT: 'true', CLIENT_DIR: clientDir, ...env });
  servers.push(srv);
  return srv;
}

const directives = (csp: string | null) =>
  new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
  it('the app shell and the API carry a CSP with no inline script, no framing, same-origin referrers', async () => {
    const srv = await serverWithClient();
    for (const p of ['/', '/meetings/abc', '/api/health']) {
      const res = await fetch(srv.url + p);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // Plain http: HSTS would lock browsers out of the app's own address.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('an https public origin adds HSTS and upgrade-insecure-requests', async () => {
    const srv = await serverWithClient({ PUBLIC_ORIGIN: 'https://peerboard.example' });
    const res = await fetch(srv.url + '/');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}$/);
    expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
  });
});
