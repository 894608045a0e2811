// Network events ("super week"): several groups meet in parallel over some days and come
// together for shared sessions ("universal content"). A shared session is a meeting of the
// event's host group, whose audience is every participating group's people (shared/access
// eventRules); each group's own meeting of the event is an ordinary, private meeting of that
// group, linked to the event. Request bodies (zod) and response shapes; docs/API.md documents
// the same contract.
import { z } from 'zod';
import { callUrl, isTimeZone, meetingDayBody } from './api.ts';
import type { AgendaTemplateItem, Meeting } from './domain.ts';
import { LIMITS } from './limits.ts';

export interface NetworkEvent {
  id: string;
  networkId: string;
  /** The hidden group that holds the shared sessions (never listed among the network's groups). */
  hostGroupId: string;
  name: string;
  /** IANA zone the event's days are in. */
  timeZone: string;
  /** The event's dates, ascending: "2026-03-02". */
  days: string[];
  /** The participating groups, in the order the organiser gave them. */
  groupIds: string[];
  createdBy: string | null;
  createdAt: string;
}

/** Built-in agenda of a shared session: a keynote and its discussion between an opening and a closing. */
export const SESSION_TEMPLATE_ID = 'session';
const SESSION_ITEMS: AgendaTemplateItem[] = [
  { kind: 'opening', title: 'Welcome', durationMs: 15 * 60_000 },
  { kind: 'custom', title: 'Keynote', durationMs: 60 * 60_000 },
  // The room shares what works for it: the topics item, whose resources go to the session's library.
  { kind: 'topics', title: 'Discussion', durationMs: 45 * 60_000 },
  { kind: 'closing', title: 'Closing', durationMs: 15 * 60_000, fixed: true },
];
/** Frozen (items too): shared by every request. */
export const SESSION_TEMPLATE: readonly AgendaTemplateItem[] = Object.freeze(SESSION_ITEMS.map((i) => Object.freeze(i)));

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must look like 2026-10-15');
const title = z.string().trim().min(1).max(LIMITS.agendaTitleMax);
const templateId = z.string().min(1).max(64);

/** A shared session: its days lie on the event's days. */
export const eventSessionBody = z.object({
  title,
  /** 'session' (default), 'standard', 'two-day' or a saved template of a participating group. */
  templateId: templateId.optional(),
  days: z.array(meetingDayBody).min(1).max(LIMITS.meetingDaysMax),
  location: z.string().trim().max(200).nullable().optional(),
  onlineUrl: callUrl.nullable().optional(),
});

/** A participating group's own meeting of the event: an existing one linked, or a new one scheduled. */
export const eventGroupMeetingBody = z.union([
  z.object({ groupId: z.string().min(1).max(64), meetingId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      groupId: z.string().min(1).max(64),
      title: title.optional(),
      /** 'standard' (default), 'two-day' or a saved template of that group. */
      templateId: templateId.optional(),
      days: z.array(meetingDayBody).min(1).max(LIMITS.meetingDaysMax),
      location: z.string().trim().max(200).nullable().optional(),
    })
    .strict(),
]);

export const createEventBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone'),
  days: z
    .array(date)
    .min(1)
    .max(LIMITS.eventDaysMax)
    .refine((d) => d.every((x, i) => i === 0 || d[i - 1]! < x), 'days: give each date once, in order'),
  groupIds: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(LIMITS.eventGroupsMax)
    .refine((g) => new Set(g).size === g.length, 'groupIds: give each group once'),
  sessions: z.array(eventSessionBody).max(LIMITS.agendaMaxItems).default([]),
  groupMeetings: z.array(eventGroupMeetingBody).max(LIMITS.eventGroupsMax * LIMITS.eventDaysMax).default([]),
});

export type CreateEventBody = z.input<typeof createEventBody>;
export type EventSessionBody = z.infer<typeof eventSessionBody>;
export type EventGroupMeetingBody = z.infer<typeof eventGroupMeetingBody>;

/** One entry of a person's event schedule. */
export interface EventScheduleEntry {
  /** shared: a session every attendee joins; group: the caller's own group's meeting. */
  kind: 'shared' | 'group';
  meeting: Meeting;
  /** The group the meeting belongs to (the event's name for shared sessions). */
  groupName: string;
}

/** GET /api/events/:id: the event and the caller's own schedule in it. */
export interface EventView {
  event: NetworkEvent;
  groups: { id: string; name: string }[];
  /** Only what the caller may open: the shared sessions and their own groups' meetings (organisers: all). */
  schedule: EventScheduleEntry[];
  canManage: boolean;
}

/** A network event as a meeting answer names it: the meeting is part of it. */
export interface EventRef {
  id: string;
  name: string;
}

/**
 * A shared session as one attendee is in it (MeetingDetail and JoinResult `sharedSession`):
 * the event, and the groups they attend it through (shared/access attendingGroups). "Group
 * page" leads to that group's page when there is one, else to the event's; "Park it" parks in
 * that group's parking lot, or in the one of them the attendee picks.
 */
export interface SharedSessionView {
  event: EventRef;
  groups: { id: string; name: string }[];
  /**
   * Every participating group, in the event's order: whose people the room holds (the opening's
   * confidentiality reminder names them). The event page lists the same groups to the same people.
   */
  eventGroups: { id: string; name: string }[];
}

/** GET /api/events: the events the caller takes part in or organises. */
export interface EventSummary {
  id: string;
  networkId: string;
  name: string;
  days: string[];
  timeZone: string;
}

/** `count` consecutive dates from `first` ("2026-03-02"): the days of a super week. */
export function consecutiveDates(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  if (Number.isNaN(start)) return [];
  return Array.from({ length: Math.max(0, count) }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** The built-in template a group meeting of this many days is scheduled from (null: none fits). */
export const groupTemplateFor = (days: number): 'standard' | 'two-day' | null => (days === 1 ? 'standard' : days === 2 ? 'two-day' : null);
