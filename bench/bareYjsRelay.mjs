// The bare baseline of the notes benchmarks as its own process (plain JavaScript): a ws server
// that relays every binary frame to the other sockets of the same path. No auth, no storage,
// no Yjs on the server. bench/notes.ts and bench/collab.ts run it beside Peerboard.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const server = http.createServer((req, res) => res.end('{"ok":true}'));
const wss = new WebSocketServer({ server });
const rooms = new Map();
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
server.listen(Number(process.env.PORT), '127.0.0.1');
// Profiled runs (BENCH_CPU_PROF) stop it with SIGTERM; exiting writes the profile.
process.on('SIGTERM', () => process.exit(0));
