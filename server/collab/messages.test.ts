import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/collab/closeCodes.ts';
import { addsNothing, decodeClientMessage, encodeSyncStep1, ProtocolError } from './messages.ts';

function frame(...parts: (number | Uint8Array | string)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else if (typeof p === 'string') encoding.writeVarString(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

function docWith(text: string): Y.Doc {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return d;
}

function closeCode(bytes: Uint8Array): number | null {
  try {
    decodeClientMessage(bytes);
    return null;
  } catch (err) {
    if (err instanceof ProtocolError) return err.code;
    throw err;
  }
}

describe('decodeClientMessage', () => {
  it('decodes the messages the stock provider sends', () => {
    const d = docWith('hi');
    const sv = Y.encodeStateVector(d);
    const update = Y.encodeStateAsUpdate(d);
    expect(decodeClientMessage(frame(0, 0, sv))).toEqual({ type: 'syncStep1', stateVector: sv });
    expect(decodeClientMessage(frame(0, 1, update))).toEqual({ type: 'syncStep2', update });
    expect(decodeClientMessage(frame(0, 2, update))).toEqual({ type: 'update', update });
    expect(decodeClientMessage(frame(3))).toEqual({ type: 'queryAwareness' });
    const aw = new Awareness(d);
    aw.setLocalState({ user: { name: 'Ann' } });
    const msg = decodeClientMessage(frame(1, encodeAwarenessUpdate(aw, [d.clientID])));
    expect(msg).toMatchObject({ type: 'awareness', clients: [{ clientId: d.clientID, state: { user: { name: 'Ann' } } }] });
    aw.destroy();
  });

  it('returns copies that do not alias the frame', () => {
    const bytes = frame(0, 2, Y.encodeStateAsUpdate(docWith('x')));
    const msg = decodeClientMessage(bytes);
    if (msg.type !== 'update') throw new Error('expected update');
    expect(msg.update.buffer).not.toBe(bytes.buffer);
  });

  it.each<[string, Uint8Array, number]>([
    ['empty frame', new Uint8Array(0), COLLAB_CLOSE.invalidPayload],
    ['unterminated varint', new Uint8Array([0x80, 0x80]), COLLAB_CLOSE.invalidPayload],
    ['unknown message type', new Uint8Array([9]), COLLAB_CLOSE.unsupportedData],
    ['auth from a client', new Uint8Array([2, 0, 0]), COLLAB_CLOSE.unsupportedData],
    ['unknown sync type', frame(0, 5, new Uint8Array([0])), COLLAB_CLOSE.unsupportedData],
    ['length past the end', new Uint8Array([0, 2, 50, 1, 2]), COLLAB_CLOSE.invalidPayload],
    ['garbage update', frame(0, 2, new Uint8Array([7, 7, 7, 7])), COLLAB_CLOSE.invalidPayload],
    ['garbage state vector', frame(0, 0, new Uint8Array([3, 1])), COLLAB_CLOSE.invalidPayload],
    ['trailing bytes', new Uint8Array([...frame(3), 0]), COLLAB_CLOSE.invalidPayload],
    ['awareness not JSON', frame(1, frame(1, 5, 1, 'nope')), COLLAB_CLOSE.invalidPayload],
    ['awareness not an object', frame(1, frame(1, 5, 1, '42')), COLLAB_CLOSE.invalidPayload],
    ['awareness truncated', frame(1, frame(2, 5, 1, '{}')), COLLAB_CLOSE.invalidPayload],
  ])('refuses %s', (_name, bytes, code) => {
    expect(closeCode(bytes)).toBe(code);
  });

  it('never throws anything but ProtocolError on random input', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) & 0xff;
    for (let i = 0; i < 3000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (i % 64) }, rnd);
      bytes[0] = i % 4;
      expect(() => closeCode(bytes)).not.toThrow();
    }
  });
});

describe('encodeSyncStep1 / addsNothing', () => {
  it('writes [sync, step 1, state vector]', () => {
    const d = docWith('abc');
    expect(encodeSyncStep1(d)).toEqual(frame(0, 0, Y.encodeStateVector(d)));
  });

  it('tells a no-op update (already known structs and deletions) from a real one', () => {
    const server = docWith('hello world');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').delete(0, 6);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    // A reconnect's step 2: nothing new, but it repeats the delete set.
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(addsNothing(server, step2)).toBe(true);
    client.getText('t').insert(0, 'new ');
    expect(addsNothing(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    other.getText('t').delete(0, 2);
    expect(addsNothing(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)))).toBe(false);
  });
});
