// What one node tells the others about a doc, and its wire format. Every message carries a
// storage seq: updates their own (firstSeq, firstSeq+1, ...), awareness the sender's gapless
// prefix, so a receiver can tell what it is missing and read it back from storage (docSync.ts).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type RelayMessage =
  /** Updates the sender stored, at seqs firstSeq..firstSeq+updates.length-1; relayed only once stored. */
  | { kind: 'updates'; firstSeq: number; updates: Uint8Array[] }
  /** An awareness update of the sender's clients; head: every seq up to it is in the sender's copy. */
  | { kind: 'awareness'; head: number; update: Uint8Array };

export interface RelaySubscription {
  /** Resolves once messages for the doc are being received (Redis confirmed the subscription). */
  ready: Promise<void>;
  close(): void;
}

/** The scale-out seam of the collab endpoint (the Redis implementation is redisRelay.ts). */
export interface DocRelay {
  publish(docName: string, message: RelayMessage): void;
  /** Delivers other nodes' messages for the doc, never this node's own. */
  subscribe(docName: string, onMessage: (message: RelayMessage) => void): RelaySubscription;
  /** Called when messages may have been lost (the subscriber reconnected): every doc re-reads storage. */
  onResync(listener: () => void): void;
}

const KIND_UPDATES = 0;
const KIND_AWARENESS = 1;

export function encodeRelayMessage(nodeId: string, m: RelayMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, nodeId);
  if (m.kind === 'updates') {
    encoding.writeVarUint(e, KIND_UPDATES);
    encoding.writeVarUint(e, m.firstSeq);
    encoding.writeVarUint(e, m.updates.length);
    for (const u of m.updates) encoding.writeVarUint8Array(e, u);
  } else {
    encoding.writeVarUint(e, KIND_AWARENESS);
    encoding.writeVarUint(e, m.head);
    encoding.writeVarUint8Array(e, m.update);
  }
  return encoding.toUint8Array(e);
}

/** Throws on a malformed message (only our own nodes publish, but Redis is shared infrastructure). */
export function decodeRelayMessage(bytes: Uint8Array): { from: string; message: RelayMessage } {
  const d = decoding.createDecoder(bytes);
  const from = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  let message: RelayMessage;
  if (kind === KIND_UPDATES) {
    const firstSeq = decoding.readVarUint(d);
    const n = decoding.readVarUint(d);
    const updates: Uint8Array[] = [];
    for (let i = 0; i < n; i++) updates.push(decoding.readVarUint8Array(d));
    message = { kind: 'updates', firstSeq, updates };
  } else if (kind === KIND_AWARENESS) {
    message = { kind: 'awareness', head: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) };
  } else {
    throw new Error(`relay: unknown message kind ${kind}`);
  }
  if (decoding.hasContent(d)) throw new Error('relay: trailing bytes');
  return { from, message };
}
