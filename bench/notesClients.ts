// Light notes clients for the benchmarks: a typist is a Y.Doc whose every keystroke is sent as a
// y-websocket sync "update" frame; a reader is a raw WebSocket that only notes when update
// frames arrive (no Yjs work in the driving process, so hundreds of them fit beside the servers).
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

export interface Reader {
  /** Called with the arrival time of each update frame. */
  onUpdate: (at: number) => void;
  close(): void;
}

export interface Typist {
  /** Sends one keystroke; returns when it was handed to the socket. */
  type(): number;
  close(): void;
}

function open(url: string, headers: Record<string, string>): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers });
  ws.binaryType = 'nodebuffer';
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export async function reader(url: string, headers: Record<string, string>): Promise<Reader> {
  const ws = await open(url, headers);
  const r: Reader = { onUpdate: () => undefined, close: () => ws.terminate() };
  ws.on('message', (data: Buffer) => {
    // messageSync (0) + messageYjsUpdate (2): another member's edit.
    if (data[0] === 0 && data[1] === 2) r.onUpdate(performance.now());
  });
  return r;
}

export async function typist(url: string, headers: Record<string, string>): Promise<Typist> {
  const ws = await open(url, headers);
  const doc = new Y.Doc();
  const text = doc.getText('t');
  doc.on('update', (u: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, u);
    ws.send(encoding.toUint8Array(e));
  });
  return {
    type() {
      const t0 = performance.now();
      text.insert(text.length, 'x');
      return t0;
    },
    close: () => ws.terminate(),
  };
}
