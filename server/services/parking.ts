// The group's parking lot: what the room parks carries to the next meeting, where open items
// become hot-seat proposals; at the end of a meeting the proposals it left go back on the lot.
import { can } from '../../shared/access/index.ts';
import type { Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import {
  itemIdOfTopic,
  proposalsAtEnd,
  withParkedProposals,
  withoutParkedProposal,
  type ParkingAction,
  type ParkingActionBody,
  type ParkingEvent,
  type ParkingItem,
  type ParkingKind,
} from '../../shared/parking.ts';
import { authorizeGroup, withFacilitator } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import type { ParkingPatch } from '../storage/parking-sql.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeMeeting } from './meetings.ts';
import { parkingGroupOf } from './sharedSessions.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

const event = (action: ParkingAction, by: string | null, meetingId: string | null, note = ''): ParkingEvent => ({ at: new Date().toISOString(), by, action, meetingId, note });

function newItem(o: { groupId: string; kind: ParkingKind; title: string; detail: string; by: string | null; meetingId: string | null; itemId: string | null; action: ParkingAction }): ParkingItem {
  const at = new Date().toISOString();
  return {
    id: newId(),
    groupId: o.groupId,
    kind: o.kind,
    title: o.title,
    detail: o.detail,
    status: 'open',
    createdBy: o.by,
    sourceMeetingId: o.meetingId,
    sourceItemId: o.itemId,
    scheduledMeetingId: null,
    history: [event(o.action, o.by, o.meetingId)],
    createdAt: at,
    updatedAt: at,
  };
}

async function requireRoom(storage: Storage, groupId: string): Promise<void> {
  const open = await storage.listParkingItems(groupId, ['open', 'scheduled']);
  if (open.length >= LIMITS.parkingOpenMax) throw new DomainError('conflict', `The parking lot holds ${LIMITS.parkingOpenMax} open items: resolve or drop some first`);
}

/** The group's next scheduled meeting (earliest start), if any. */
async function nextScheduled(storage: Storage, groupId: string): Promise<Meeting | null> {
  const scheduled = (await storage.listMeetings(groupId)).filter((m) => m.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return scheduled[0] ?? null;
}

/**
 * Puts the group's open proposals and parked items on a scheduled meeting's hot-seat proposals
 * and marks them scheduled for it. The state is saved compare-and-set; a room that holds an
 * older copy reads it back on its next command, and clients resync on the version gap.
 */
export async function seedProposals(storage: Storage, meetingId: string, by: string | null = null): Promise<ParkingItem[]> {
  return storage.transaction(async (tx) => {
    const meeting = await tx.getMeeting(meetingId);
    const state = await tx.getMeetingState(meetingId);
    if (!meeting || !state) return [];
    const { state: next, added } = withParkedProposals(state, await tx.listParkingItems(meeting.groupId, ['open']));
    if (added.length === 0 || !(await tx.saveMeetingState(meetingId, next, state.version))) return [];
    for (const item of added) {
      await tx.updateParkingItem(item.id, { status: 'scheduled', scheduledMeetingId: meetingId, history: [...item.history, event('scheduled', by, meetingId)] });
    }
    return added;
  });
}

/**
 * After `meeting.end`: proposals a hot seat took resolve their parking-lot item; the ones left go
 * (back) on the lot, new proposals as new items (once, however often this runs); then the next
 * scheduled meeting, if there is one, gets them as proposals.
 */
export async function parkAfterMeeting(storage: Storage, meetingId: string): Promise<{ parked: number }> {
  const meeting = await storage.getMeeting(meetingId);
  const state = await storage.getMeetingState(meetingId);
  if (!meeting || !state || state.status !== 'ended') return { parked: 0 };
  const { taken, left } = proposalsAtEnd(state);
  const onAgenda = new Set(state.topics.map((t) => t.id));
  let parked = 0;
  await storage.transaction(async (tx) => {
    for (const t of taken) {
      const id = itemIdOfTopic(t.id);
      const item = id ? await tx.getParkingItem(id) : null;
      if (item?.status === 'scheduled') await tx.updateParkingItem(item.id, { status: 'resolved', scheduledMeetingId: null, history: [...item.history, event('taken', null, meetingId, 'Taken in a hot seat')] });
    }
    for (const t of left) {
      const id = itemIdOfTopic(t.id);
      if (id) {
        const item = await tx.getParkingItem(id);
        if (item?.status !== 'scheduled' || item.scheduledMeetingId !== meetingId) continue;
        await tx.updateParkingItem(item.id, { status: 'open', scheduledMeetingId: null, history: [...item.history, event('carried', null, meetingId, 'Not taken at this meeting')] });
        parked++;
        continue;
      }
      const item = newItem({ groupId: meeting.groupId, kind: 'proposal', title: t.title, detail: '', by: t.userId || null, meetingId, itemId: null, action: 'carried' });
      if (await tx.createParkingItem({ ...item, originKey: `topic:${meetingId}:${t.id}` })) parked++;
    }
    // Scheduled for this meeting but withdrawn from its proposals: back on the lot as well.
    for (const item of await tx.listParkingItems(meeting.groupId, ['scheduled'])) {
      if (item.scheduledMeetingId !== meetingId || onAgenda.has(`park-${item.id}`)) continue;
      await tx.updateParkingItem(item.id, { status: 'open', scheduledMeetingId: null, history: [...item.history, event('carried', null, meetingId, 'Withdrawn from the proposals')] });
    }
  });
  const next = await nextScheduled(storage, meeting.groupId);
  if (next) await seedProposals(storage, next.id);
  return { parked };
}

export async function listParking(storage: Storage, userId: string, groupId: string, all: boolean): Promise<ParkingItem[]> {
  await authorizeGroup(storage, userId, groupId, 'parking.read');
  return storage.listParkingItems(groupId, all ? undefined : ['open', 'scheduled']);
}

/** A need, a lead or a parked matter, added between meetings. */
export async function addParking({ storage, records }: RecordsDeps, userId: string, groupId: string, body: { kind: 'parked' | 'need' | 'lead'; title: string; detail: string }): Promise<ParkingItem> {
  await authorizeGroup(storage, userId, groupId, 'parking.add');
  await requireRoom(storage, groupId);
  const item = newItem({ groupId, kind: body.kind, title: body.title, detail: body.detail, by: userId, meetingId: null, itemId: null, action: 'added' });
  await storage.createParkingItem(item);
  records.changed(groupId, 'parking');
  return item;
}

/** Parked during the meeting, from an agenda item's notes or its hot seat: one action. From a shared session it goes to the parker's group. */
export async function parkFromMeeting({ storage, records }: RecordsDeps, userId: string, meetingId: string, body: { title: string; detail: string; itemId?: string; groupId?: string }): Promise<ParkingItem> {
  const { meeting, access } = await authorizeMeeting(storage, userId, meetingId, 'parking.add');
  if (meeting.status === 'ended') throw new DomainError('meeting_ended', 'This meeting has ended: add it to the parking lot from the group page');
  const state = await storage.getMeetingState(meetingId);
  if (body.itemId && !state?.agenda.some((i) => i.id === body.itemId)) throw new DomainError('bad_request', 'itemId: no such agenda item in this meeting');
  // A shared session's topics go to the parker's own group, never to the event's host group.
  const groupId = await parkingGroupOf(storage, userId, meeting, access, body.groupId);
  // That lot is another group's than the meeting's: the parker's rights there are what count.
  if (groupId !== meeting.groupId) await authorizeGroup(storage, userId, groupId, 'parking.add');
  await requireRoom(storage, groupId);
  const item = newItem({ groupId, kind: 'parked', title: body.title, detail: body.detail, by: userId, meetingId, itemId: body.itemId ?? null, action: 'parked' });
  await storage.createParkingItem(item);
  records.changed(groupId, 'parking');
  return item;
}

/** Resolve, drop, reopen or schedule (onto the next meeting's proposals): whoever runs the group, or the item's author. */
export async function actOnParking({ storage, records }: RecordsDeps, userId: string, itemId: string, body: ParkingActionBody): Promise<ParkingItem> {
  const item = await storage.getParkingItem(itemId);
  if (!item) throw new DomainError('not_found', 'No such parking-lot item');
  const { group, access } = await authorizeGroup(storage, userId, item.groupId, 'parking.read').catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such parking-lot item') : e;
  });
  const mayManage = can('parking.manage', access, group) || can('parking.manage', await withFacilitator(storage, access, group.id), group);
  if (!mayManage && !(item.createdBy === userId && can('parking.add', access, group))) {
    throw new DomainError('forbidden', 'Only the coach, the facilitator or the item’s author changes it');
  }
  let updated: ParkingItem | null;
  if (body.action === 'schedule') {
    if (item.status === 'resolved' || item.status === 'dropped') throw new DomainError('conflict', 'Reopen the item before scheduling it');
    const next = await nextScheduled(storage, item.groupId);
    if (!next) throw new DomainError('conflict', 'No meeting is scheduled yet: schedule one first');
    // Needs and leads are scheduled as they are: the item becomes a proposal of that meeting.
    updated = await scheduleOne(storage, item, next, userId, body.note);
  } else {
    const to = { resolve: 'resolved', drop: 'dropped', reopen: 'open' } as const;
    const action = { resolve: 'resolved', drop: 'dropped', reopen: 'reopened' } as const;
    if (item.status === to[body.action]) throw new DomainError('conflict', `The item is ${item.status} already`);
    const patch = { status: to[body.action], scheduledMeetingId: null, history: [...item.history, event(action[body.action], userId, null, body.note)] };
    updated = item.status === 'scheduled' && item.scheduledMeetingId && body.action !== 'reopen'
      ? await unscheduleOne(storage, item.id, item.scheduledMeetingId, patch)
      : await storage.updateParkingItem(item.id, patch);
  }
  records.changed(item.groupId, 'parking');
  return updated!;
}

/** One item onto a scheduled meeting's proposals, whatever its kind. */
async function scheduleOne(storage: Storage, item: ParkingItem, meeting: Meeting, by: string, note: string): Promise<ParkingItem | null> {
  return storage.transaction(async (tx) => {
    const state = await tx.getMeetingState(meeting.id);
    if (!state) throw new DomainError('internal', 'Meeting state is missing');
    const { state: next, added } = withParkedProposals(state, [{ ...item, kind: 'parked', status: 'open' }]);
    if (added.length === 0 && !state.topics.some((t) => t.id === `park-${item.id}`)) throw new DomainError('conflict', `That meeting has ${LIMITS.topicsMax} proposals already`);
    if (added.length > 0 && !(await tx.saveMeetingState(meeting.id, next, state.version))) throw new DomainError('conflict', 'The meeting changed at the same time; try again');
    return tx.updateParkingItem(item.id, { status: 'scheduled', scheduledMeetingId: meeting.id, history: [...item.history, event('scheduled', by, meeting.id, note)] });
  });
}

/** Resolving or dropping a scheduled item also withdraws its proposal from that meeting. */
async function unscheduleOne(storage: Storage, itemId: string, meetingId: string, patch: ParkingPatch): Promise<ParkingItem | null> {
  return storage.transaction(async (tx) => {
    const state = await tx.getMeetingState(meetingId);
    const next = state && withoutParkedProposal(state, itemId);
    if (state && next !== state && !(await tx.saveMeetingState(meetingId, next!, state.version))) {
      throw new DomainError('conflict', 'The meeting changed at the same time; try again');
    }
    return tx.updateParkingItem(itemId, patch);
  });
}
