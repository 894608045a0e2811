// The row runner shared by the reducer's table-driven tests (reducer.test.ts, hotseat.test.ts):
// a given state, one command, an actor and a clock; then either the fields that must change or
// the error. Test support only: imports vitest, never imported by app code.
import { expect } from 'vitest';
import type { ErrorCode } from '../errors.ts';
import type { MeetingCommand } from './commands.ts';
import type { Actor } from '../access/index.ts';
import { apply, type MeetingEvent } from './reducer.ts';
import type { MeetingState } from './state.ts';

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type Check = (state: MeetingState, events: MeetingEvent[], given: MeetingState) => void;
export type Row = { name: string; given: MeetingState; command: MeetingCommand; actor?: Actor; now?: number } & (
  | { ok: Check; error?: never }
  | { error: ErrorCode; ok?: never }
);

/**
 * Runs a row on a deep-frozen input: any mutation throws, and the input must still equal its
 * copy. `defaults` give the actor and clock of rows that name none.
 */
export function runRow(row: Row, defaults: { actor: Actor; now: (given: MeetingState) => number }): void {
  const given = deepFreeze(row.given);
  const copy = structuredClone(given);
  const result = apply(given, row.command, row.actor ?? defaults.actor, row.now ?? defaults.now(given));
  expect(given).toEqual(copy);
  if (row.error) {
    if (result.ok) throw new Error(`expected ${row.error}, but the command was accepted`);
    expect(result.error.code).toBe(row.error);
    expect(result.error.message).toMatch(/^[A-Z].*\.$/); // a sentence a person can read
  } else {
    if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
    expect(result.state.version).toBe(given.version + 1);
    row.ok(result.state, result.events, given);
  }
}
