// A member's socket.io connection for benchmarks: signed in by its cookie, and nothing more.
// The test harness's connectSocket also follows each meeting (applies every delta with the
// reducer, as the app does); in a benchmark all members share one driving process, so that
// client work would run ten times in a row per command and be counted as server latency. Each
// real member applies its delta on its own device, in parallel: here nobody applies it.
import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/limits.ts';

export function memberSocket(url: string, cookie: string): Promise<Socket> {
  const socket = ioClient(url, { transports: ['websocket'], extraHeaders: { cookie }, auth: { protocolVersion: PROTOCOL_VERSION }, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
    socket.once('connect', () => resolve(socket));
  });
}
