// The parking lot: a group-level list that carries across meetings. Hot-seat proposals not taken
// at a meeting, items the room parked (from the notes or the hot seat), needs and leads. The next
// meeting's hot-seat proposals start from it; each item can be resolved, dropped or scheduled,
// and keeps its history.
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import type { MeetingState, TopicProposal } from './meeting/state.ts';

export type ParkingKind = 'proposal' | 'parked' | 'need' | 'lead';
export type ParkingStatus = 'open' | 'scheduled' | 'resolved' | 'dropped';
export type ParkingAction = 'added' | 'parked' | 'scheduled' | 'taken' | 'carried' | 'resolved' | 'dropped' | 'reopened';

export interface ParkingEvent {
  at: string;
  /** Who did it; null when the end of a meeting did it. */
  by: string | null;
  action: ParkingAction;
  meetingId: string | null;
  note: string;
}

export interface ParkingItem {
  id: string;
  groupId: string;
  kind: ParkingKind;
  title: string;
  detail: string;
  status: ParkingStatus;
  createdBy: string | null;
  /** Where it came from: the meeting (and agenda item) it was parked at or proposed for. */
  sourceMeetingId: string | null;
  sourceItemId: string | null;
  /** The meeting whose hot-seat proposals it is on while scheduled. */
  scheduledMeetingId: string | null;
  /** Oldest first. */
  history: ParkingEvent[];
  createdAt: string;
  updatedAt: string;
}

export const PARKING_KIND_LABEL: Record<ParkingKind, string> = {
  proposal: 'Hot-seat proposal',
  parked: 'Parked',
  need: 'Need',
  lead: 'Lead',
};

/** Kinds that become hot-seat proposals of the next meeting. */
export const PROPOSAL_KINDS: readonly ParkingKind[] = ['proposal', 'parked'];

const title = z.string().trim().min(1).max(LIMITS.parkingTitleMax);
const detail = z.string().trim().max(LIMITS.parkingDetailMax).default('');

/** POST /api/groups/:id/parking: between meetings. */
export const parkingAddBody = z.object({ kind: z.enum(['parked', 'need', 'lead']), title, detail });
/** POST /api/meetings/:id/parking: parked during the meeting, from an agenda item's notes or hot seat. */
export const parkingParkBody = z.object({
  title,
  detail,
  itemId: z.string().min(1).max(64).optional(),
  /** From a shared session, for someone attending through several groups: which group's lot takes it. */
  groupId: z.string().min(1).max(64).optional(),
});
/** POST /api/parking/:id/actions */
export const parkingActionBody = z.object({
  action: z.enum(['resolve', 'drop', 'reopen', 'schedule']),
  note: z.string().trim().max(LIMITS.parkingDetailMax).default(''),
});
export type ParkingActionBody = z.infer<typeof parkingActionBody>;

/** The topic id a parking-lot item has among a meeting's proposals. */
export const topicIdOf = (itemId: string): string => `park-${itemId}`;
export const itemIdOfTopic = (topicId: string): string | null => (topicId.startsWith('park-') ? topicId.slice(5) : null);

/**
 * Adds open parking-lot items as hot-seat proposals of a scheduled meeting (author as proposer,
 * no votes), up to the proposal cap. Returns the new state and the items added; the same state
 * when nothing was added.
 */
export function withParkedProposals(state: MeetingState, items: readonly ParkingItem[]): { state: MeetingState; added: ParkingItem[] } {
  if (state.status !== 'scheduled') return { state, added: [] };
  const have = new Set(state.topics.map((t) => t.id));
  const room = LIMITS.topicsMax - state.topics.length;
  const added = items.filter((i) => i.status === 'open' && PROPOSAL_KINDS.includes(i.kind) && !have.has(topicIdOf(i.id))).slice(0, Math.max(0, room));
  if (added.length === 0) return { state, added };
  const topics: TopicProposal[] = added.map((i) => ({ id: topicIdOf(i.id), userId: i.createdBy ?? '', title: i.title, votes: [], voteCount: 0 }));
  return { state: { ...state, version: state.version + 1, topics: [...state.topics, ...topics] }, added };
}

/**
 * Withdraws a parking-lot item from a meeting's hot-seat proposals (it was resolved or dropped
 * while scheduled there), unless a hot seat already took it. The same state when nothing changed.
 */
export function withoutParkedProposal(state: MeetingState, itemId: string): MeetingState {
  const id = topicIdOf(itemId);
  const taken = Object.values(state.hotSeats).some((s) => s.proposalId === id);
  if (taken || !state.topics.some((t) => t.id === id)) return state;
  return { ...state, version: state.version + 1, topics: state.topics.filter((t) => t.id !== id) };
}

/** At the end of a meeting: which proposals a hot seat took, and which were left. */
export function proposalsAtEnd(state: MeetingState): { taken: TopicProposal[]; left: TopicProposal[] } {
  // Every presenter's proposal counts (a seat may have several); `?? []`: a state stored before them.
  const used = new Set(Object.values(state.hotSeats).flatMap((s) => [...(s.presenters ?? []).map((p) => p.proposalId), s.presenterId ? s.proposalId : null].filter((id): id is string => id !== null)));
  return { taken: state.topics.filter((t) => used.has(t.id)), left: state.topics.filter((t) => !used.has(t.id)) };
}
