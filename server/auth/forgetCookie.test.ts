// A request kept with a long-lived connection loses its cookie once authenticated (sessions.ts).
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { forgetCookie } from './sessions.ts';

/** A request as Node's parser leaves it: the raw lines, and the parsed headers (Cookie lines joined with '; '). */
function request(rawHeaders: string[]): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.rawHeaders = rawHeaders;
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    headers[name] = name === 'cookie' && headers[name] ? `${headers[name]}; ${rawHeaders[i + 1]}` : rawHeaders[i + 1]!;
  }
  req.headers = headers;
  return req;
}

describe('forgetCookie', () => {
  it('empties every Cookie line, in any case, in the parsed and the raw headers, and keeps the rest', () => {
    const req = request(['Host', 'peerboard.test', 'Cookie', 'pb_session=secret-1', 'Origin', 'https://peerboard.test', 'cookie', 'other=secret-2']);
    expect(req.headers.cookie).toBe('pb_session=secret-1; other=secret-2'); // Node joins them
    forgetCookie(req);
    expect(req.headers.cookie).toBeUndefined();
    expect(req.headers).toMatchObject({ host: 'peerboard.test', origin: 'https://peerboard.test' });
    expect(req.rawHeaders).toEqual(['Host', 'peerboard.test', 'Cookie', '', 'Origin', 'https://peerboard.test', 'cookie', '']);
    expect(JSON.stringify([req.headers, req.rawHeaders])).not.toContain('secret');
  });

  it('leaves a request without a cookie as it was', () => {
    const req = request(['Host', 'peerboard.test']);
    forgetCookie(req);
    expect(req.rawHeaders).toEqual(['Host', 'peerboard.test']);
    expect(req.headers).toEqual({ host: 'peerboard.test' });
  });
});
