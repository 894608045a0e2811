// Groups, their members, invites and agenda templates.
import { templateBody } from '../../shared/api.ts';
import type { CreatedInvite, CreateInviteBody, GroupBody, GroupDetail, TemplateBody } from '../../shared/api.ts';
import type { AgendaTemplate, Group, GroupMember } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { DEFAULT_CURRENCY, effectiveCurrency } from '../../shared/financials/format.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { allowedActions, isGuest, roleOf } from '../../shared/access/index.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { checkInviteRole } from './invites.ts';
import { inviteCompanyFor, settleKind } from './groupKinds.ts';
import type { GroupKindBody } from '../../shared/groupKinds.ts';
import type { LiveAccess } from './liveAccess.ts';
import { eventRefsOfMeetings } from './meetingEvents.ts';
import { addMember } from './members.ts';
import { standingOf } from './norms.ts';
import type { RecordsDeps } from './recordsNotifier.ts';
import { membersAsSeenBy } from './sharedSessions.ts';
import type { ProtocolChoice } from '../../shared/meeting/hotseatProtocol.ts';

async function requireOrganiser(storage: Storage, userId: string, networkId: string): Promise<void> {
  const network = await storage.getNetwork(networkId);
  // Non-organisers learn nothing about the network, not even that it exists.
  if (!network || !(await storage.isOrganiser(networkId, userId))) throw new DomainError('not_found', 'No such network');
}

export async function listNetworkGroups(storage: Storage, userId: string, networkId: string): Promise<Group[]> {
  await requireOrganiser(storage, userId, networkId);
  return storage.listGroupsInNetwork(networkId);
}

export async function createGroup(storage: Storage, userId: string, networkId: string, body: GroupBody, kind: GroupKindBody = { kind: 'core' }): Promise<Group> {
  await requireOrganiser(storage, userId, networkId);
  return storage.createGroup({ id: newId(), networkId, ...body, ...(await settleKind(storage, networkId, kind)) });
}

export async function updateGroup(
  { storage, records, live }: RecordsDeps & { live: LiveAccess },
  userId: string,
  groupId: string,
  patch: Partial<GroupBody>,
): Promise<Group> {
  const { group: before } = await authorizeGroup(storage, userId, groupId, 'group.edit');
  const group = await storage.updateGroup(groupId, patch);
  if (!group) throw new DomainError('not_found', 'No such group');
  // Who may see the figures changed: observers in an open meeting refetch them at once.
  // So does a new currency: the review reads its money in it at once.
  if (group.observersSeeFinancials !== before.observersSeeFinancials || group.currency !== before.currency || group.reviewShowsBenchmarks !== before.reviewShowsBenchmarks) records.changed(groupId, 'figures');
  // Whether observers are in the room, or follow hot-seat notes, changes what their open notes
  // may show: each observer's connections are re-checked now, on every node.
  if (group.observersInRoom !== before.observersInRoom || group.observersSeeHotSeat !== before.observersSeeHotSeat) {
    const observers = (await storage.listMembers(groupId)).filter((m) => isGuest(m.role));
    await Promise.all(observers.map((m) => live.revokeUserInGroup(m.userId, groupId)));
  }
  return group;
}

export async function groupDetail(storage: Storage, userId: string, groupId: string): Promise<GroupDetail> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'group.read');
  const [members, listed, templates, network, norms] = await Promise.all([
    membersAsSeenBy(storage, access, group),
    storage.listMeetings(groupId),
    storage.listTemplates(groupId),
    storage.getNetwork(group.networkId),
    standingOf(storage, access, groupId),
  ]);
  const events = await eventRefsOfMeetings(storage, userId, listed.map((m) => m.id));
  const meetings = listed.map((m) => ({ ...m, event: events.get(m.id) ?? null }));
  const currency = effectiveCurrency(group, network);
  const networkCurrency = network?.currency ?? DEFAULT_CURRENCY;
  return { group, role: roleOf(access), allowed: allowedActions(access, group), members, meetings, templates, currency, networkCurrency, norms };
}

export async function createInvite(
  storage: Storage,
  userId: string,
  groupId: string,
  body: CreateInviteBody,
  now = Date.now(),
): Promise<CreatedInvite> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'group.invite');
  checkInviteRole(access, group, body.role);
  const companyId = await inviteCompanyFor(storage, group, body.role, body.companyId);
  const token = newToken();
  const invite = await storage.transaction(async (tx) => {
    const created = await tx.createInvite({
      id: newId(),
      tokenHash: hashToken(token),
      groupId,
      role: body.role,
      createdBy: userId,
      expiresAt: new Date(now + (body.ttlMs ?? LIMITS.inviteTtlMs)).toISOString(),
    });
    if (companyId) await tx.setInviteCompany(created.id, companyId);
    return created;
  });
  return { invite, url: `/invite/${token}` };
}

export async function updateMember(
  storage: Storage,
  userId: string,
  groupId: string,
  memberId: string,
  patch: { role?: GroupMember['role']; company?: string | null },
  live: LiveAccess,
): Promise<GroupMember[]> {
  await authorizeGroup(storage, userId, groupId, 'group.members.manage');
  const roleChanged = await storage.transaction(async (tx) => {
    const existing = await tx.getMembership(groupId, memberId);
    if (!existing) throw new DomainError('not_found', 'That person is not in this group');
    const role = patch.role ?? existing.role;
    const company = patch.company === undefined ? existing.company : patch.company;
    await addMember(tx, groupId, memberId, role, company);
    return role !== existing.role;
  });
  // Committed: their open notes and meeting sockets follow the new role now, on every node.
  if (roleChanged) await live.revokeUserInGroup(memberId, groupId);
  return storage.listMembers(groupId);
}

export async function removeMember(storage: Storage, userId: string, groupId: string, memberId: string, live: LiveAccess): Promise<void> {
  await authorizeGroup(storage, userId, groupId, 'group.members.manage');
  if (!(await storage.removeMembership(groupId, memberId))) throw new DomainError('not_found', 'That person is not in this group');
  await live.revokeUserInGroup(memberId, groupId);
}

export async function createTemplate(storage: Storage, userId: string, groupId: string, body: TemplateBody): Promise<AgendaTemplate> {
  await authorizeGroup(storage, userId, groupId, 'group.templates.write');
  return storage.createTemplate({ id: newId(), groupId, name: body.name, items: body.items, ...(body.protocol && { protocol: body.protocol }) });
}

/** A template of this group (another group's answers not_found, like an unknown id). */
async function ownTemplate(storage: Storage, groupId: string, templateId: string): Promise<AgendaTemplate> {
  const t = await storage.getTemplate(templateId);
  if (!t || t.groupId !== groupId) throw new DomainError('not_found', 'No such template in this group');
  return t;
}

export async function updateTemplate(storage: Storage, userId: string, groupId: string, templateId: string, body: TemplateBody): Promise<AgendaTemplate> {
  await authorizeGroup(storage, userId, groupId, 'group.templates.write');
  await ownTemplate(storage, groupId, templateId);
  const updated = await storage.updateTemplate(templateId, { name: body.name, items: body.items, ...(body.protocol && { protocol: body.protocol }) });
  if (!updated) throw new DomainError('not_found', 'No such template in this group');
  return updated;
}

export async function deleteTemplate(storage: Storage, userId: string, groupId: string, templateId: string): Promise<void> {
  await authorizeGroup(storage, userId, groupId, 'group.templates.write');
  await ownTemplate(storage, groupId, templateId);
  await storage.deleteTemplate(templateId);
}

/** Saves a meeting's current agenda (days, breaks, fixed flags; not the time spent) as a template of its group. */
export async function templateFromMeeting(storage: Storage, userId: string, meetingId: string, name: string): Promise<AgendaTemplate> {
  const meeting = await storage.getMeeting(meetingId);
  if (!meeting) throw new DomainError('not_found', 'No such meeting');
  await authorizeGroup(storage, userId, meeting.groupId, 'group.templates.write');
  const state = await storage.getMeetingState(meetingId);
  const items = (state?.agenda ?? []).map((i) => ({ kind: i.kind, title: i.title, durationMs: i.durationMs, ...(i.fixed && { fixed: true }) }));
  const parsed = templateBody.safeParse({ name, items });
  if (!parsed.success) throw new DomainError('bad_request', `This agenda cannot be a template: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const body = parsed.data;
  // The meeting's protocol goes with its agenda: a preset by name, anything else as its stages.
  const p = state?.hotSeatProtocol;
  const protocol: ProtocolChoice | undefined = p && (p.preset === 'custom' ? { preset: 'custom', name: p.name, stages: p.stages } : { preset: p.preset });
  return storage.createTemplate({ id: newId(), groupId: meeting.groupId, name: body.name, items: body.items, ...(protocol && { protocol }) });
}
