// Bare baseline for the collab bench: a ws server that relays every binary frame to the other
// sockets of the same path, with no auth, no storage and no Yjs on the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export async function startBareYjsRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws, req) => {
    const room = req.url ?? '/';
    const peers = rooms.get(room) ?? new Set();
    rooms.set(room, peers);
    peers.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const p of peers) if (p !== ws && p.readyState === p.OPEN) p.send(data, { binary: isBinary });
    });
    ws.on('close', () => peers.delete(ws));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        wss.clients.forEach((c) => c.terminate());
        wss.close(() => server.close(() => r()));
      }),
  };
}
