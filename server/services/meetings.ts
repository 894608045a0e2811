// Scheduling meetings and reading them; the live room is in room.ts.
import type { MeetingBody, MeetingDetail, MeetingPatchBody } from '../../shared/api.ts';
import type { AgendaItem, AgendaTemplateItem, Group, Meeting, MeetingDay } from '../../shared/domain.ts';
import { checkDays, dayLengthsMs, daysFromStart, firstStartIso } from '../../shared/calendar/meetingDays.ts';
import { DomainError } from '../../shared/errors.ts';
import { createMeetingState } from '../../shared/meeting/reducer.ts';
import { viewFor } from '../../shared/meeting/viewFor.ts';
import { agendaFromTemplate, BUILT_IN_TEMPLATES, STANDARD_TEMPLATE } from '../../shared/meeting/templates.ts';
import { authorizeGroup, requireRight, type Access } from '../auth/policy.ts';
import { agendaItemsFor, allowedActions, takesPart, roleOf, type GroupAction } from '../../shared/access/index.ts';
import { agendaDays, dayCount } from '../../shared/meeting/days.ts';
import { newId } from '../auth/tokens.ts';
import { scheduleMeetingMail } from '../mail/jobs.ts';
import { seedProposals } from './parking.ts';
import { eventOfMeetingFor } from './meetingEvents.ts';
import { membersAsSeenBy, sharedSessionView } from './sharedSessions.ts';
import type { Storage } from '../storage/types.ts';
import { resolveProtocol, type HotSeatProtocol } from '../../shared/meeting/hotseatProtocol.ts';

/** Loads a meeting and checks the action on its group; strangers get not_found. */
export async function authorizeMeeting(
  storage: Storage,
  userId: string,
  meetingId: string,
  action: GroupAction,
): Promise<{ meeting: Meeting; group: Group; access: Access }> {
  const meeting = await storage.getMeeting(meetingId);
  if (!meeting) throw new DomainError('not_found', 'No such meeting');
  try {
    const { group, access } = await authorizeGroup(storage, userId, meeting.groupId, action);
    return { meeting, group, access };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'not_found') throw new DomainError('not_found', 'No such meeting');
    throw e;
  }
}

/** Refuses a facilitator who is not a coach or member of the group (field names the body's). */
export async function requireFacilitatorCandidate(storage: Pick<Storage, 'getMembership'>, groupId: string, userId: string, field: string): Promise<void> {
  const m = await storage.getMembership(groupId, userId);
  if (!takesPart(m?.role ?? null)) throw new DomainError('bad_request', `${field}: must be a coach or member of this group`);
}

/** The meeting answer's view of the caller: their role and every action open to them. */
function callerRights(access: Access, group: Group, meeting: Meeting, facilitatorId: string) {
  const subject = { ...access, facilitating: facilitatorId === access.userId };
  return { role: roleOf(access), allowed: allowedActions(subject, group, meeting) };
}

/** The agenda items of a built-in template ('standard', 'two-day') or one of the group's own. */
export async function templateItems(storage: Pick<Storage, 'getTemplate'>, groupId: string, templateId: string | undefined): Promise<readonly AgendaTemplateItem[]> {
  return (await templateSource(storage, groupId, templateId)).items;
}

/** A template's agenda items and hot-seat protocol (the built-in templates run the classic one). */
async function templateSource(storage: Pick<Storage, 'getTemplate'>, groupId: string, templateId: string | undefined): Promise<{ items: readonly AgendaTemplateItem[]; protocol: HotSeatProtocol }> {
  if (templateId === undefined) return { items: STANDARD_TEMPLATE, protocol: resolveProtocol(null) };
  if (Object.hasOwn(BUILT_IN_TEMPLATES, templateId)) return { items: BUILT_IN_TEMPLATES[templateId as keyof typeof BUILT_IN_TEMPLATES].items, protocol: resolveProtocol(null) };
  const t = await storage.getTemplate(templateId);
  if (!t || t.groupId !== groupId) throw new DomainError('bad_request', 'templateId: no such template in this group');
  return { items: t.items, protocol: resolveProtocol(t.protocol) };
}

/**
 * The template's items as the group's meetings take them (shared/access agendaItemsFor): an
 * event's host group leaves out a financial review, goal review and new goals, which its shared
 * sessions could never use. Refused when that would leave a day of the agenda empty, or fewer days.
 */
function itemsForGroup(access: Access, items: readonly AgendaTemplateItem[]): readonly AgendaTemplateItem[] {
  const kept = agendaItemsFor(access, items);
  if (kept.length < items.length && (kept.length === 0 || dayCount(kept) !== dayCount(items) || agendaDays(kept).some((day) => day.length === 0))) {
    throw new DomainError('bad_request', 'templateId: a shared session holds no financial review, goal review or new goals, and without them a day of this agenda has nothing left');
  }
  return kept;
}

/**
 * startsAt and days agree: given days, startsAt is the first day's start; given only startsAt,
 * the days follow on consecutive dates at the same time, each as long as its agenda day. The
 * agenda and the schedule have as many days as each other.
 */
function schedule(body: { startsAt?: string; days?: MeetingDay[] }, timeZone: string, agenda: readonly Pick<AgendaItem, 'kind' | 'durationMs'>[]): { startsAt: string; days: MeetingDay[] } {
  const lengths = dayLengthsMs(agenda);
  if (body.days) {
    const problem = checkDays(body.days, timeZone);
    if (problem) throw new DomainError('bad_request', problem);
    if (body.days.length !== lengths.length) {
      throw new DomainError('bad_request', `days: the agenda has ${lengths.length} day(s), ${body.days.length} given`);
    }
    return { startsAt: firstStartIso(body.days, timeZone) as string, days: body.days };
  }
  const startMs = Date.parse(body.startsAt as string);
  return { startsAt: new Date(startMs).toISOString(), days: daysFromStart(startMs, timeZone, lengths) };
}

/**
 * items: the agenda to start from, when the caller resolved it (an event's shared session); else
 * body.templateId's. Either is taken as the group's meetings take it (itemsForGroup).
 */
export async function createMeeting(storage: Storage, userId: string, groupId: string, body: MeetingBody, items?: readonly AgendaTemplateItem[]): Promise<MeetingDetail> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'meeting.create');
  return insertMeeting(storage, userId, group, access, body, newId(), items);
}

/**
 * Schedules a meeting with a given id for a caller already authorized to (createMeeting, or the
 * next meeting set at a closing, services/nextMeeting.ts); items as in createMeeting.
 */
export async function insertMeeting(storage: Storage, userId: string, group: Group, access: Access, body: MeetingBody, id: string, items?: readonly AgendaTemplateItem[]): Promise<MeetingDetail> {
  const groupId = group.id;
  const source = items ? { items, protocol: resolveProtocol(null) } : await templateSource(storage, groupId, body.templateId);
  const facilitatorId = body.facilitatorId ?? userId;
  if (body.facilitatorId) await requireFacilitatorCandidate(storage, groupId, body.facilitatorId, 'facilitatorId');
  const agenda = agendaFromTemplate(itemsForGroup(access, source.items), newId);
  const meeting = await storage.createMeeting(
    {
      id,
      groupId,
      quarter: body.quarter,
      title: body.title ?? `Quarterly meeting ${body.quarter}`,
      ...schedule(body, body.timeZone, agenda),
      timeZone: body.timeZone,
      location: body.location ?? null,
      onlineUrl: body.onlineUrl ?? null,
    },
    // The protocol is copied into the meeting: later edits of the template leave it as planned.
    createMeetingState(id, agenda, facilitatorId, source.protocol),
  );
  await scheduleMeetingMail(storage, meeting);
  // Its hot-seat proposals start from the group's parking lot.
  await seedProposals(storage, id, userId);
  const members = await membersAsSeenBy(storage, access, group);
  const state = (await storage.getMeetingState(id))!;
  // Linked to an event only after this (services/events.ts): not a shared session yet.
  return { meeting, group, state: viewFor(state, userId), members, ...callerRights(access, group, meeting, state.facilitatorId), sharedSession: null, event: null };
}

export async function meetingDetail(storage: Storage, userId: string, meetingId: string): Promise<MeetingDetail> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const [state, members, sharedSession, event] = await Promise.all([
    storage.getMeetingState(meetingId),
    membersAsSeenBy(storage, access, group),
    sharedSessionView(storage, userId, meeting, access),
    eventOfMeetingFor(storage, userId, meetingId),
  ]);
  if (!state) throw new DomainError('internal', 'Meeting state is missing');
  return { meeting, group, state: viewFor(state, userId), members, ...callerRights(access, group, meeting, state.facilitatorId), sharedSession, event };
}

export async function updateMeeting(
  storage: Storage,
  userId: string,
  meetingId: string,
  patch: MeetingPatchBody,
): Promise<Meeting> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  requireRight('meeting.edit', access, group, meeting);
  return applyMeetingPatch(storage, meeting, patch);
}

/** Moves or edits a meeting the caller may change; its reminders move with it. */
export async function applyMeetingPatch(storage: Storage, meeting: Meeting, patch: MeetingPatchBody): Promise<Meeting> {
  const meetingId = meeting.id;
  const { startsAt, days, ...rest } = patch;
  const moved = startsAt !== undefined || days !== undefined || (patch.timeZone !== undefined && patch.timeZone !== meeting.timeZone);
  let when = {};
  if (moved) {
    const state = await storage.getMeetingState(meetingId);
    const zone = patch.timeZone ?? meeting.timeZone;
    // Days are wall times in the zone: a new zone keeps them and moves the instant.
    const source = days ? { days } : startsAt ? { startsAt } : meeting.days.length > 0 ? { days: meeting.days } : { startsAt: meeting.startsAt };
    if (source.startsAt && meeting.days.length > 1 && !days) {
      throw new DomainError('bad_request', 'days: a meeting of several days is moved by giving its days');
    }
    when = schedule(source, zone, state?.agenda ?? []);
  }
  const updated = await storage.updateMeeting(meetingId, { ...rest, ...when });
  if (!updated) throw new DomainError('not_found', 'No such meeting');
  // Moved: the reminders move with it.
  if (moved) await scheduleMeetingMail(storage, updated);
  return updated;
}

/**
 * After the meeting, members correct the notes; then the facilitator (or the coach) marks the
 * recap final. Marking is reversible (final: false) in case a correction comes late.
 */
export async function markRecapFinal(storage: Storage, userId: string, meetingId: string, final: boolean): Promise<Meeting> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const state = await storage.getMeetingState(meetingId);
  requireRight('recap.finalize', { ...access, facilitating: state?.facilitatorId === userId }, group, meeting);
  const updated = await storage.updateMeeting(meetingId, { recapFinalAt: final ? new Date().toISOString() : null });
  if (!updated) throw new DomainError('not_found', 'No such meeting');
  return updated;
}
