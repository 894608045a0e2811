// A graceful shutdown is not held by a connection that was accepted and never used (a browser's
// preconnected socket): before, server.close() kept waiting for it (over 95 s in a probe).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/harness.ts';

const connect = async (port: number) => {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
};

describe('shutdown and unused connections', () => {
  it('closes a connection that never sent a request, and finishes', async () => {
    const srv = await startTestServer();
    const silent = await connect(srv.port);
    const ended = new Promise<boolean>((resolve) => silent.once('close', resolve));
    // On the old code this await never resolved within the test's timeout.
    await srv.close();
    await ended;
    expect(silent.destroyed).toBe(true);
  });

  it('still answers a request that was sent, on a connection opened beside a silent one', async () => {
    const srv = await startTestServer();
    const silent = await connect(srv.port);
    const silentEnded = new Promise<boolean>((resolve) => silent.once('close', resolve));
    const used = await connect(srv.port);
    const answer = new Promise<string>((resolve) => {
      let text = '';
      used.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n') && text.includes('"ok"')) resolve(text);
      });
    });
    used.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    await srv.close();
    await silentEnded;
    expect(silent.destroyed).toBe(true);
  });
});
