// Connections a client opened and has not used yet (a browser's preconnected socket, a stalled
// client). Node's server.close() waits for every accepted connection, and closeIdleConnections()
// leaves these open: until their first request they count as waiting for headers. One such
// connection kept a test server's close() from finishing for the 95 s we waited; a restart in
// meeting-flow's e2e test took about a minute in CI (4 December 2026), very likely for this.
// Shutdown closes them: no request of theirs had begun.
import type http from 'node:http';
import type net from 'node:net';

export function trackUnusedConnections(server: http.Server): { closeUnused(): void } {
  const unused = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  const used = (req: http.IncomingMessage) => unused.delete(req.socket);
  server.on('request', used);
  // Upgrades (socket.io, notes) have their own listeners; this one only marks the socket used.
  server.on('upgrade', used);
  return {
    closeUnused() {
      for (const socket of unused) socket.destroy();
      unused.clear();
    },
  };
}
