// Scheduling meetings and reading them; the live room is in room.ts.
import type { MeetingBody, MeetingDetail } from '../../shared/api.ts';
import type { Group, Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { createMeetingState } from '../../shared/meeting/reducer.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from '../../shared/meeting/templates.ts';
import { authorizeGroup, can, displayRole, type Access, type GroupAction } from '../auth/policy.ts';
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

async function requireFacilitatorCandidate(storage: Storage, groupId: string, userId: string): Promise<void> {
  const m = await storage.getMembership(groupId, userId);
  if (!m || m.role === 'observer') throw new DomainError('bad_request', 'facilitatorId: must be a coach or member of this group');
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
  if (body.facilitatorId) await requireFacilitatorCandidate(storage, groupId, body.facilitatorId);
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
  return { meeting, group, state, members, role: displayRole(access) };
}

export async function meetingDetail(storage: Storage, userId: string, meetingId: string): Promise<MeetingDetail> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const [state, members] = await Promise.all([storage.getMeetingState(meetingId), storage.listMembers(group.id)]);
  if (!state) throw new DomainError('internal', 'Meeting state is missing');
  return { meeting, group, state, members, role: displayRole(access) };
}

export async function updateMeeting(
  storage: Storage,
  userId: string,
  meetingId: string,
  patch: Partial<Omit<MeetingBody, 'templateId' | 'facilitatorId'>>,
): Promise<Meeting> {
  const { meeting } = await authorizeMeeting(storage, userId, meetingId, 'meeting.edit');
  if (meeting.status === 'ended') throw new DomainError('meeting_ended', 'This meeting has ended; its details are the record');
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
  const isFacilitator = state?.facilitatorId === userId && access.groupRole !== 'observer';
  if (!isFacilitator && !can('group.edit', access, group)) throw new DomainError('forbidden', 'Only the facilitator or the coach can mark the recap final');
  if (meeting.status !== 'ended') throw new DomainError('meeting_not_live', 'The recap can be marked final once the meeting has ended');
  const updated = await storage.updateMeeting(meetingId, { recapFinalAt: final ? new Date().toISOString() : null });
  if (!updated) throw new DomainError('not_found', 'No such meeting');
  return updated;
}
