// The bare baseline as its own process (plain JavaScript, no loader): a socket.io server that
// relays a command's body to its room, with no validation, authorization, reducer or storage
// (unless STORE_DIR is set: see below).
// bench/load.ts runs it beside Peerboard's compiled server and measures both from outside.
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => res.end('{"ok":true}'));
const io = new Server(server);
/**
 * A control, 0 (none) by default: the relay waits for the next turn of the event loop and then
 * keeps the CPU busy this many microseconds before it relays, like a server that validates and
 * stores a command first (bench:load's BENCH_BARE_WORK_US).
 */
const WORK_US = Number(process.env.WORK_US ?? 0);
/**
 * A second control, off by default: STORE_DIR=<dir> makes the relay store before it relays, the
 * least a durable server does (bench:load's BENCH_BARE_STORE): in the same turn, it writes the
 * command's body, padded to the size of Peerboard's stored meeting state (2.2 KB), as a room's
 * row (one UPDATE in SQLite, WAL, synchronous=NORMAL, as Peerboard runs it) and relays only after.
 */
const store = process.env.STORE_DIR ? openStore(process.env.STORE_DIR) : null;
const STATE_PAD = 'x'.repeat(2200);
function openStore(dir) {
  const db = new Database(path.join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS rooms (room TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL)');
  const insert = db.prepare('INSERT OR IGNORE INTO rooms (room, version, state) VALUES (?, 0, ?)');
  const update = db.prepare('UPDATE rooms SET version = ?, state = ? WHERE room = ? AND version < ?');
  return {
    join: (room) => insert.run(room, '{}'),
    save: (room, body) => update.run(body.version, JSON.stringify({ body, pad: STATE_PAD }), room, body.version),
  };
}
const relay = (p, ack) => {
  store?.save(p.room, p.body);
  io.to(p.room).emit('state', p.body);
  ack({ ok: true });
};
io.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    store?.join(room);
    void socket.join(room);
    ack();
  });
  socket.on('cmd', (p, ack) => {
    if (WORK_US <= 0) return relay(p, ack);
    setImmediate(() => {
      const until = performance.now() + WORK_US / 1000;
      while (performance.now() < until);
      relay(p, ack);
    });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
// Profiled runs (BENCH_CPU_PROF) stop it with SIGTERM; exiting writes the profile.
process.on('SIGTERM', () => process.exit(0));
