// The stock y-websocket server as a notes baseline (plain JavaScript, its own process): the
// connection handler of @y/websocket-server (0.1.0, the last release on Yjs 13), mounted on a ws
// server the way its own bin/server.js mounts it. It keeps a Y.Doc per document, applies every
// update and relays it; no auth, no storage (YPERSISTENCE unset). bench/notes.ts runs it beside
// Peerboard and the bare frame relay (bench/bareYjsRelay.mjs).
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer((req, res) => res.end('{"ok":true}'));
const wss = new WebSocketServer({ server });
wss.on('connection', setupWSConnection);
server.listen(Number(process.env.PORT), '127.0.0.1');
// Profiled runs (BENCH_CPU_PROF) stop it with SIGTERM; exiting writes the profile.
process.on('SIGTERM', () => process.exit(0));
