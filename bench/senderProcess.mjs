// A second driving process for bench/load.ts (BENCH_SENDER_APART=1): it holds each room's
// facilitator socket, apart from the members' sockets, as a facilitator's device is apart from
// the members' in a real meeting. Driven over IPC by bench/remoteSenders.ts:
//   {op: 'open', id, url, cookie, join: [event, payload]} -> {id, ok, ack}
//   {op: 'ask', id, event, payload}                        -> {id, ok, ack} (the server's ack)
//   {op: 'send', id, event, payload}                       -> {id, ok, t0}  (t0 on the host's monotonic clock, ms)
// A command's time is taken here, just before its frame is written; bench/load.ts takes the
// members' arrival times on the same clock (process.hrtime is the machine's, not a process's).
import { io } from 'socket.io-client';

const sockets = new Map();
const now = () => Number(process.hrtime.bigint()) / 1e6;
const reply = (m) => process.send(m);
const ask = (socket, event, payload) => new Promise((resolve) => socket.emit(event, payload, resolve));

process.on('message', async (m) => {
  try {
    if (m.op === 'open') {
      const extraHeaders = m.cookie ? { cookie: m.cookie } : {};
      const socket = io(m.url, { transports: ['websocket'], extraHeaders, auth: m.auth, forceNew: true });
      await new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      sockets.set(m.id, socket);
      reply({ id: m.id, ok: true, ack: await ask(socket, ...m.join) });
    } else if (m.op === 'ask') {
      reply({ id: m.id, ok: true, ack: await ask(sockets.get(m.id), m.event, m.payload) });
    } else if (m.op === 'send') {
      const t0 = now();
      sockets.get(m.id).emit(m.event, m.payload, () => undefined);
      reply({ id: m.id, ok: true, t0 });
    }
  } catch (e) {
    reply({ id: m.id, ok: false, error: String(e) });
  }
});
process.on('disconnect', () => process.exit(0));
