// `npm run bench:collab`: time from one client's keystroke to another client seeing it, on
// Peerboard's collab endpoint (auth, store-before-relay in SQLite, server-side Y.Doc) beside a
// bare ws relay (bench/bareYjsRelay.mjs, its own process), in the same run; both with the
// stock WebsocketProvider. Reports the ratio.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { notesDocName } from '../shared/collab/docNames.ts';
import { seedGroup, startTestServer } from '../server/testing/harness.ts';
import { freePort } from '../server/testing/childServer.ts';
import { spawnServer } from './proc.ts';
import { ms, summarize } from './stats.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 300);
const READERS = 5; // one typist, five people watching the notes

function provider(wsBase: string, room: string, headers: Record<string, string>) {
  class HeaderSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const p = new WebsocketProvider(wsBase, room, doc, { WebSocketPolyfill: HeaderSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  return { doc, p, text: doc.getText('t') };
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

async function measure(clients: ReturnType<typeof provider>[]): Promise<number[]> {
  await until(() => clients.every((c) => c.p.synced));
  const [typist, ...readers] = clients;
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const target = typist!.text.length + 1;
    // Resolve on the Yjs event itself, not by polling, so the timer has sub-millisecond resolution.
    const seen = Promise.all(
      readers.map(
        (r) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (r.text.length < target) return;
              r.text.unobserve(check);
              resolve();
            };
            r.text.observe(check);
          }),
      ),
    );
    const t0 = performance.now();
    typist!.text.insert(typist!.text.length, 'x');
    await seen;
    samples.push(performance.now() - t0);
  }
  clients.forEach((c) => c.p.destroy());
  return samples;
}

async function peerboard(): Promise<number[]> {
  const srv = await startTestServer();
  try {
    const seed = await seedGroup(srv.url);
    const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
    const room = encodeURIComponent(notesDocName(created.body.meeting.id, created.body.state.agenda[0].id));
    const headers = { Cookie: seed.coach.cookie, Origin: srv.url };
    return await measure(Array.from({ length: READERS + 1 }, () => provider(srv.url.replace('http', 'ws') + '/collab', room, headers)));
  } finally {
    await srv.close();
  }
}

/** The bare relay of y-websocket frames (bench/bareYjsRelay.mjs: no auth, storage or Yjs). */
async function bare(): Promise<number[]> {
  const port = await freePort();
  const relay = await spawnServer(['bench/bareYjsRelay.mjs'], { PORT: String(port) }, `http://127.0.0.1:${port}`);
  try {
    return await measure(Array.from({ length: READERS + 1 }, () => provider(`ws://127.0.0.1:${port}`, 'doc', {})));
  } finally {
    relay.kill('SIGKILL');
  }
}

const b = summarize(await bare());
const p = summarize(await peerboard());
console.log(`Keystroke -> seen by ${READERS} readers, ${EDITS} edits (loopback; Peerboard in this process, the bare relay in its own; stock WebsocketProvider)`);
console.log(`  bare ws relay      : p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  mean ${ms(b.mean)}`);
console.log(`  peerboard collab   : p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  mean ${ms(p.mean)}`);
console.log(`  ratio peerboard/bare: p50 ${(p.p50 / b.p50).toFixed(2)}x  p95 ${(p.p95 / b.p95).toFixed(2)}x`);
process.exit(0);
