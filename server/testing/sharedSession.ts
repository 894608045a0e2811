// Test helpers for a network event's shared session: the seed's Alpha Group and a Beta Group
// (Bea Coach, Ben Beta of Ben BV) in one event with one shared session holding the whole standard
// agenda, as one scheduled before shared sessions left out their financial review and goals did,
// and joining it over a real socket.
import { expect } from 'vitest';
import type { AgendaTemplateItem } from '../../shared/domain.ts';
import type { EventView } from '../../shared/events.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from '../../shared/meeting/templates.ts';
import type { JoinResult } from '../../shared/protocol.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { connectSocket, emitAck, joinGroup, nextEvent, type ApiClient, type ClientSocket, type seedGroup } from './harness.ts';

export interface SharedSessionSeed {
  beta: { id: string; coach: ApiClient & { userId: string }; member: ApiClient & { userId: string } };
  view: EventView;
  hostId: string;
  sharedId: string;
  shared: EventView['schedule'][number]['meeting'];
}

/**
 * Gives a scheduled meeting's stored state this agenda (default: the standard one, with its financial
 * review, goal review and new goals), written straight to storage: a shared session scheduled
 * before those items were left out holds them still, and the room must keep them out of use.
 */
export async function storeEarlierAgenda(storage: Pick<Storage, 'getMeetingState' | 'saveMeetingState'>, meetingId: string, items: readonly AgendaTemplateItem[] = STANDARD_TEMPLATE): Promise<void> {
  const state = (await storage.getMeetingState(meetingId))!;
  expect(state.status).toBe('scheduled');
  const saved = await storage.saveMeetingState(meetingId, { ...state, agenda: agendaFromTemplate(items, newId), version: state.version + 1 }, state.version);
  expect(saved).toBe(true);
}

/**
 * Beta Group, and the event 'Super week 2027' of Alpha and Beta on `day` with its shared session,
 * holding the standard agenda (storeEarlierAgenda).
 */
export async function seedSharedSession(srv: { url: string; storage: Storage }, seed: Awaited<ReturnType<typeof seedGroup>>, day: string): Promise<SharedSessionSeed> {
  const base = srv.url;
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
    sessions: [{ title: 'Universal content: pricing', templateId: 'standard', days: [{ date: day, start: '09:00', end: '17:00' }] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const view = created.body as EventView;
  const shared = view.schedule.find((e) => e.kind === 'shared')!.meeting;
  // The whole standard agenda: an opening with its reminder, a financial review, a goal review, new goals.
  await storeEarlierAgenda(srv.storage, shared.id);
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
