// Pre-meeting updates: the group's prompts, each member company's answers for a meeting, and
// what the check-in and the recap read back.
import { can, hasCompany } from '../../shared/access/index.ts';
import { DomainError } from '../../shared/errors.ts';
import { answersFor, DEFAULT_UPDATE_PROMPTS, type MeetingUpdates, type MemberUpdate, type UpdatePrompt } from '../../shared/updates.ts';
import { authorizeGroup, requireRight, type Access } from '../auth/policy.ts';
import type { Group } from '../../shared/domain.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeMeeting } from './meetings.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

/** The group's prompts, or the defaults when it kept them. */
export async function promptsOf(storage: Pick<Storage, 'getUpdatePrompts'>, groupId: string): Promise<{ prompts: UpdatePrompt[]; defaultPrompts: boolean }> {
  const own = await storage.getUpdatePrompts(groupId);
  return own ? { prompts: own, defaultPrompts: false } : { prompts: [...DEFAULT_UPDATE_PROMPTS], defaultPrompts: true };
}

export async function groupPrompts(storage: Storage, userId: string, groupId: string): Promise<{ prompts: UpdatePrompt[]; defaultPrompts: boolean }> {
  await authorizeGroup(storage, userId, groupId, 'group.read');
  return promptsOf(storage, groupId);
}

export async function setGroupPrompts(storage: Storage, userId: string, groupId: string, prompts: UpdatePrompt[] | null): Promise<{ prompts: UpdatePrompt[]; defaultPrompts: boolean }> {
  await authorizeGroup(storage, userId, groupId, 'updates.prompts');
  await storage.setUpdatePrompts(groupId, prompts);
  return promptsOf(storage, groupId);
}

/** Every member company's update for the meeting, in the group's member order; empty for those who may not read them. */
export async function updatesOf(storage: Storage, access: Access, group: Group, meetingId: string): Promise<MeetingUpdates['updates']> {
  if (!can('updates.read', access, group)) return [];
  const [members, updates] = await Promise.all([storage.listMembers(group.id), storage.listMemberUpdates(meetingId)]);
  const byUser = new Map(updates.map((u) => [u.userId, u]));
  // A member who left keeps their update in the record, after the current members.
  const current = members.filter((m) => hasCompany(m.role) && byUser.has(m.userId)).map((m) => ({ ...byUser.get(m.userId)!, name: m.name, company: m.company }));
  const known = new Set(current.map((u) => u.userId));
  const former = updates.filter((u) => !known.has(u.userId)).map((u) => ({ ...u, name: 'Former member', company: null }));
  return [...current, ...former];
}

export async function meetingUpdates(storage: Storage, userId: string, meetingId: string): Promise<MeetingUpdates> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'updates.read');
  const [{ prompts, defaultPrompts }, updates] = await Promise.all([promptsOf(storage, group.id), updatesOf(storage, access, group, meeting.id)]);
  return { meetingId: meeting.id, prompts, defaultPrompts, updates };
}

/** The caller's update for the meeting, answering the group's current prompts. */
export async function writeMyUpdate({ storage, records }: RecordsDeps, userId: string, meetingId: string, given: Record<string, string>): Promise<MemberUpdate> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  requireRight('updates.write', access, group, meeting);
  const { prompts } = await promptsOf(storage, group.id);
  const unknown = Object.keys(given).filter((k) => !prompts.some((p) => p.key === k));
  if (unknown.length) throw new DomainError('bad_request', `answers: no prompt ${unknown.join(', ')} in this group`);
  const answers = answersFor(prompts, given);
  if (!answers) throw new DomainError('bad_request', 'answers: write at least one answer');
  const stored = await storage.putMemberUpdate({ meetingId: meeting.id, groupId: group.id, userId, answers });
  records.changed(group.id, 'updates');
  return stored;
}
