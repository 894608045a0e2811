// Test helpers for a network event's shared session: the seed's Alpha Group and a Beta Group
// (Bea Coach, Ben Beta of Ben BV) in one event with one shared session on the standard agenda, and
// joining it over a real socket.
import { expect } from 'vitest';
import type { EventView } from '../../shared/events.ts';
import type { JoinResult } from '../../shared/protocol.ts';
import { connectSocket, emitAck, joinGroup, nextEvent, type ApiClient, type ClientSocket, type seedGroup } from './harness.ts';

export interface SharedSessionSeed {
  beta: { id: string; coach: ApiClient & { userId: string }; member: ApiClient & { userId: string } };
  view: EventView;
  hostId: string;
  sharedId: string;
  shared: EventView['schedule'][number]['meeting'];
}

/** Beta Group, and the event 'Super week 2027' of Alpha and Beta on `day` with its shared session. */
export async function seedSharedSession(base: string, seed: Awaited<ReturnType<typeof seedGroup>>, day: string): Promise<SharedSessionSeed> {
  const betaId = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body.id as string;
  const beta = {
    id: betaId,
    coach: await joinGroup(base, seed.organiser, betaId, 'Bea Coach', 'coach'),
    member: await joinGroup(base, seed.organiser, betaId, 'Ben Beta', 'member', 'Ben BV'),
  };
  const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
    name: 'Super week 2027',
    timeZone: 'Europe/Berlin',
    days: [day],
    groupIds: [seed.group.id, betaId],
    // The standard agenda: an opening with its reminder, a financial review, a goal review, new goals.
    sessions: [{ title: 'Universal content: pricing', templateId: 'standard', days: [{ date: day, start: '09:00', end: '17:00' }] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const view = created.body as EventView;
  const shared = view.schedule.find((e) => e.kind === 'shared')!.meeting;
  return { beta, view, hostId: view.event.hostGroupId, sharedId: shared.id, shared };
}

/** Joins the meeting over a new socket (kept in `sockets` for closing), remote; fails the test if refused. */
export async function joinSession(base: string, c: ApiClient, meetingId: string, sockets: ClientSocket[]): Promise<{ socket: ClientSocket; result: JoinResult }> {
  const socket = await connectSocket(base, c.cookie);
  sockets.push(socket);
  const r = await emitAck(socket, 'room:join', { meetingId, mode: 'remote' });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return { socket, result: r as JoinResult };
}

/**
 * A marker for "nothing else reached the session": `c` shares a link in the session, which tells
 * every socket in it `records:changed` kind 'resources'. Resolves once each of `listeners` heard
 * it, so whatever the server sent the session before it has arrived too.
 */
export async function sessionMarker(c: ApiClient, meetingId: string, itemId: string, listeners: ClientSocket[]): Promise<void> {
  const heard = listeners.map((s) => nextEvent(s, 'records:changed', (p) => p.meetingId === meetingId && p.kind === 'resources'));
  const r = await c.post(`/api/meetings/${meetingId}/resources`, { itemId, title: 'Marker', url: 'https://example.com/marker' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  await Promise.all(heard);
}

/** What the marker itself sends each socket. */
export const MARKER_NOTICE = (meetingId: string) => ({ meetingId, kind: 'resources' });
