// Scheduling meetings and reading them; the live room is in room.ts.
import type { MeetingBody, MeetingDetail } from '../../shared/api.ts';
import type { Group, Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { createMeetingState } from '../../shared/meeting/reducer.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from '../../shared/meeting/templates.ts';
import { authorizeGroup, requireRight, type Access } from '../auth/policy.ts';
import { allowedActions, takesPart, roleOf, type GroupAction } from '../../shared/access/index.ts';
import { newId } from '../auth/tokens.ts';
import { scheduleMeetingMail } from '../mail/jobs.ts';
import type { Storage } from '../storage/types.ts';

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

export async function createMeeting(storage: Storage, userId: string, groupId: string, body: MeetingBody): Promise<MeetingDetail> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'meeting.create');
  let items = STANDARD_TEMPLATE;
  if (body.templateId) {
    const t = await storage.getTemplate(body.templateId);
    if (!t || t.groupId !== groupId) throw new DomainError('bad_request', 'templateId: no such template in this group');
    items = t.items;
  }
  const facilitatorId = body.facilitatorId ?? userId;
  if (body.facilitatorId) await requireFacilitatorCandidate(storage, groupId, body.facilitatorId, 'facilitatorId');
  const id = newId();
  const meeting = await storage.createMeeting(
    {
      id,
      groupId,
      quarter: body.quarter,
      title: body.title ?? `Quarterly meeting ${body.quarter}`,
      startsAt: new Date(body.startsAt).toISOString(),
      timeZone: body.timeZone,
      location: body.location ?? null,
      onlineUrl: body.onlineUrl ?? null,
    },
    createMeetingState(id, agendaFromTemplate(items, newId), facilitatorId),
  );
  await scheduleMeetingMail(storage, meeting);
  const members = await storage.listMembers(groupId);
  const state = (await storage.getMeetingState(id))!;
  return { meeting, group, state, members, ...callerRights(access, group, meeting, state.facilitatorId) };
}

export async function meetingDetail(storage: Storage, userId: string, meetingId: string): Promise<MeetingDetail> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const [state, members] = await Promise.all([storage.getMeetingState(meetingId), storage.listMembers(group.id)]);
  if (!state) throw new DomainError('internal', 'Meeting state is missing');
  return { meeting, group, state, members, ...callerRights(access, group, meeting, state.facilitatorId) };
}

export async function updateMeeting(
  storage: Storage,
  userId: string,
  meetingId: string,
  patch: Partial<Omit<MeetingBody, 'templateId' | 'facilitatorId'>>,
): Promise<Meeting> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  requireRight('meeting.edit', access, group, meeting);
  const updated = await storage.updateMeeting(meetingId, {
    ...patch,
    ...(patch.startsAt ? { startsAt: new Date(patch.startsAt).toISOString() } : {}),
  });
  if (!updated) throw new DomainError('not_found', 'No such meeting');
  // Moved: the reminders move with it.
  if (patch.startsAt) await scheduleMeetingMail(storage, updated);
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
