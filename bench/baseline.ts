// The bare baseline: a socket.io server that relays a message to a room with no validation,
// authorization, reducer or storage. Peerboard's room is measured against it in the same run.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export async function startBareRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer();
  const io = new Server(server);
  io.on('connection', (socket) => {
    socket.on('join', (room: string, ack: () => void) => {
      void socket.join(room);
      ack();
    });
    socket.on('cmd', (p: { room: string; body: unknown }, ack: (r: unknown) => void) => {
      io.to(p.room).emit('state', p.body);
      ack({ ok: true });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => io.close(() => r())),
  };
}
