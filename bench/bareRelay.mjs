// The bare baseline as its own process (plain JavaScript, no loader): a socket.io server that
// relays a command's body to its room, with no validation, authorization, reducer or storage.
// bench/load.ts runs it beside Peerboard's compiled server and measures both from outside.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => res.end('{"ok":true}'));
const io = new Server(server);
io.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    void socket.join(room);
    ack();
  });
  socket.on('cmd', (p, ack) => {
    io.to(p.room).emit('state', p.body);
    ack({ ok: true });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
// Profiled runs (BENCH_CPU_PROF) stop it with SIGTERM; exiting writes the profile.
process.on('SIGTERM', () => process.exit(0));
