// The y-websocket wire format, decoded strictly. A frame is [messageType: varUint, body...]:
//   0 sync       -> [syncType: varUint, payload: varUint8Array]  (y-protocols/sync)
//                   syncType 0 step 1 (state vector), 1 step 2 (update), 2 update
//   1 awareness  -> [update: varUint8Array]                      (y-protocols/awareness)
//   2 auth       -> only ever sent server -> client; refused from clients
//   3 query awareness -> no body; answered with every awareness state
// Decoding never trusts the client: every read is bounds-checked, payloads are decoded fully
// (Yjs updates, state vectors, awareness JSON) before anything is stored or applied, and
// trailing bytes are refused. Failures throw ProtocolError carrying the close code to use.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; clients: AwarenessEntry[] }
  | { type: 'queryAwareness' };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null announces that the client left. */
  state: unknown;
}

/** A message the endpoint refuses; `code` is the WebSocket close code for the sender. */
export class ProtocolError extends Error {
  constructor(
    readonly code: typeof COLLAB_CLOSE.unsupportedData | typeof COLLAB_CLOSE.invalidPayload,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const invalid = (what: string): ProtocolError => new ProtocolError(COLLAB_CLOSE.invalidPayload, what);
const unsupported = (what: string): ProtocolError => new ProtocolError(COLLAB_CLOSE.unsupportedData, what);

/** Runs a lib0 read, turning its errors (end of array, integer out of range) into a 1007. */
function read<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch {
    throw invalid(`truncated or malformed ${what}`);
  }
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw invalid(`trailing bytes after ${what}`);
}

/** Decodes and validates one client frame. Returned byte arrays are copies, safe to keep. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw invalid('empty message');
  const decoder = decoding.createDecoder(frame);
  const messageType = read('message type', () => decoding.readVarUint(decoder));
  switch (messageType) {
    case MESSAGE_SYNC:
      return decodeSync(decoder);
    case MESSAGE_AWARENESS: {
      const update = read('awareness message', () => decoding.readVarUint8Array(decoder)).slice();
      expectEnd(decoder, 'awareness message');
      return { type: 'awareness', update, clients: decodeAwarenessUpdate(update) };
    }
    case MESSAGE_QUERY_AWARENESS:
      expectEnd(decoder, 'query awareness message');
      return { type: 'queryAwareness' };
    case MESSAGE_AUTH:
      throw unsupported('auth messages are sent by the server only');
    default:
      throw unsupported(`unknown message type ${messageType}`);
  }
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = read('sync message type', () => decoding.readVarUint(decoder));
  if (syncType !== SYNC_STEP_1 && syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
    throw unsupported(`unknown sync message type ${syncType}`);
  }
  const payload = read('sync message', () => decoding.readVarUint8Array(decoder)).slice();
  expectEnd(decoder, 'sync message');
  if (syncType === SYNC_STEP_1) {
    read('state vector', () => Y.decodeStateVector(payload));
    return { type: 'syncStep1', stateVector: payload };
  }
  // Decode the whole update (structs and delete set) so garbage is refused before it is stored.
  read('Yjs update', () => Y.decodeUpdate(payload));
  return { type: syncType === SYNC_STEP_2 ? 'syncStep2' : 'update', update: payload };
}

/** Decodes an awareness update: [count, (clientId, clock, JSON state)*]. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  const count = read('awareness update', () => decoding.readVarUint(decoder));
  for (let i = 0; i < count; i++) {
    const clientId = read('awareness update', () => decoding.readVarUint(decoder));
    const clock = read('awareness update', () => decoding.readVarUint(decoder));
    const json = read('awareness update', () => decoding.readVarString(decoder));
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw invalid('awareness state is not JSON');
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw invalid('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state });
  }
  expectEnd(decoder, 'awareness update');
  return entries;
}

/** An awareness update of the given entries (the inverse of decodeAwarenessUpdate). */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

// Server -> client messages.

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Step 2: everything in `doc` the peer lacks according to its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Awareness of the given clients (all known clients when omitted). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients?: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, clients ?? [...awareness.getStates().keys()]),
  );
  return encoding.toUint8Array(encoder);
}

/**
 * True when applying `update` to `doc` would change nothing: every struct is already covered by
 * the doc's state vector and every deletion is already deleted. A reconnecting client's sync
 * step 2 always repeats its whole delete set; such no-op updates are not worth a row in the log.
 * Everything in the in-memory doc is already stored, so skipping a covered update is safe.
 * Costs a walk over the doc's structs, so it is used for sync step 2 only.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
  } catch {
    return false; // undecided: store it; it was validated by decodeUpdate
  }
}
