// Test data for the storage contract suite: small builders so each test states only what matters.
import { afterEach, beforeEach } from 'vitest';
import { createMeetingState } from '../../shared/meeting/reducer.ts';
import type { Group, GroupRole, Network, User } from '../../shared/domain.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { NewMeeting, Storage } from './types.ts';

let counter = 0;
/** Unique ids, also across backends sharing one PostgreSQL database. */
export const uid = (prefix: string): string => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A fresh, migrated storage for every test of the calling describe block, closed after it.
 * Returns a getter: the storage changes from test to test.
 */
export function freshStorage(make: () => Promise<Storage>): () => Storage {
  let storage: Storage | undefined;
  beforeEach(async () => {
    storage = await make();
    await storage.migrate();
  });
  afterEach(async () => {
    await storage?.close();
  });
  return () => {
    if (!storage) throw new Error('storage is only open inside a test');
    return storage;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function user(s: Storage, name = 'Ada Lovelace', email = `${uid('u')}@example.com`): Promise<User> {
  return s.createUser({ id: uid('user'), email, name, passwordHash: `scrypt$${name}` });
}

export async function group(
  s: Storage,
  opts: { network?: Network; name?: string; tags?: string[] } = {},
): Promise<{ network: Network; group: Group }> {
  const network = opts.network ?? (await s.createNetwork({ id: uid('net'), name: 'Vistage North' }));
  const g = await s.createGroup({
    id: uid('group'),
    networkId: network.id,
    name: opts.name ?? 'CEO Group 7',
    leadership: 'coach-led',
    format: 'hybrid',
    tags: opts.tags ?? ['manufacturing', 'family business'],
  });
  return { network, group: g };
}

export async function member(
  s: Storage,
  groupId: string,
  role: GroupRole,
  name: string,
  company: string | null = null,
): Promise<User> {
  const u = await user(s, name);
  await s.upsertMembership({ groupId, userId: u.id, role, company });
  return u;
}

export function newMeeting(groupId: string, startsAt = '2026-10-01T07:30:00.000Z'): NewMeeting & { id: string } {
  return {
    id: uid('meeting'),
    groupId,
    quarter: '2026-Q4',
    title: 'Quarterly meeting',
    startsAt,
    timeZone: 'Europe/Berlin',
    location: 'Hotel Adlon, Berlin',
    onlineUrl: null,
    days: [],
  };
}

export function meetingState(meetingId: string, facilitatorId: string, version = 0, status: MeetingState['status'] = 'scheduled'): MeetingState {
  const base = createMeetingState(meetingId, [{ id: 'a1', kind: 'opening', title: 'Opening round', durationMs: 900_000, spentMs: 0 }], facilitatorId);
  return {
    ...base,
    status,
    version,
    attendance: { [facilitatorId]: { userId: facilitatorId, status: 'present', mode: 'room', joinedAt: null } },
  };
}

export const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
