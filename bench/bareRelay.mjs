// The bare baseline as its own process (plain JavaScript, no loader): a socket.io server that
// relays a command's body to its room, with no validation, authorization, reducer or storage.
// bench/load.ts runs it beside Peerboard's compiled server and measures both from outside.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => res.end('{"ok":true}'));
const io = new Server(server);
/**
 * A control, 0 (none) by default: the relay waits for the next turn of the event loop and then
 * keeps the CPU busy this many microseconds before it relays, like a server that validates and
 * stores a command first (bench:load's BENCH_BARE_WORK_US).
 */
const WORK_US = Number(process.env.WORK_US ?? 0);
const relay = (p, ack) => {
  io.to(p.room).emit('state', p.body);
  ack({ ok: true });
};
io.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
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
