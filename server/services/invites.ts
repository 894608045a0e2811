// Invitations managed: to a list of addresses (each with its role) by mail, the pending list,
// revoking, re-sending with a fresh link. The single hand-over link stays in groups.ts.
import type { Group, GroupRole, Invite } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { BulkInviteBody, BulkInviteResult, PendingInvite } from '../../shared/mail.ts';
import { canInviteRole } from '../../shared/access/index.ts';
import { authorizeGroup, type Access } from '../auth/policy.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { inviteMail } from '../mail/compose.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PendingInviteRecord, Storage } from '../storage/types.ts';
import { inviteCompanyFor } from './groupKinds.ts';

interface InviteDeps {
  storage: Storage;
  mailer: Mailer;
}

/** Peers in a peer-led group may invite members and observers; only a lead may appoint a coach. */
export function checkInviteRole(access: Access, group: Group, role: GroupRole): void {
  if (!canInviteRole(access, group, role)) {
    throw new DomainError('forbidden', 'Only a coach or organiser may invite a coach');
  }
}

/** The name of the company an invite names (companion groups), or null. */
async function inviteCompanyName(storage: Storage, inviteId: string): Promise<string | null> {
  const companyId = await storage.inviteCompany(inviteId);
  return companyId ? ((await storage.getCompany(companyId))?.name ?? null) : null;
}

/** invites carry their company's name: the list reads it joined (listPendingInvites), one invite reads it on its own. */
async function toPending(storage: Storage, invites: PendingInviteRecord[]): Promise<PendingInvite[]> {
  const names = new Map<string, string>();
  for (const id of new Set(invites.map((i) => i.createdBy))) names.set(id, (await storage.getUser(id))?.name ?? 'Someone');
  return invites.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    createdByName: names.get(i.createdBy)!,
    companyName: i.companyName,
  }));
}

/** One invite just created or re-sent, as the pending list shows it. */
async function onePending(storage: Storage, invite: Invite): Promise<PendingInvite> {
  return (await toPending(storage, [{ ...invite, companyName: await inviteCompanyName(storage, invite.id) }]))[0]!;
}

async function mailInvite(deps: InviteDeps, group: Group, invite: Invite, inviterName: string, token: string, tokenHash: string): Promise<void> {
  if (!invite.email) return;
  const network = await deps.storage.getNetwork(group.networkId);
  const url = deps.mailer.link(`/invite/${token}`);
  const company = await inviteCompanyName(deps.storage, invite.id);
  const text = inviteMail({ group, networkName: network?.name ?? '', role: invite.role, company, inviter: inviterName, url, expiresAt: invite.expiresAt });
  const existing = await deps.storage.getUserByEmail(invite.email);
  // One mail per issued secret: a retried request queues nothing twice, a re-send queues a new one.
  await deps.mailer.queue(deps.storage, { kind: 'invite', to: invite.email, userId: existing?.id ?? null, networkId: group.networkId, groupId: group.id, ...text, dedupeKey: `invite:${tokenHash}` });
}

export async function bulkInvite(deps: InviteDeps, userId: string, groupId: string, body: BulkInviteBody, now = Date.now()): Promise<BulkInviteResult> {
  const { group, access } = await authorizeGroup(deps.storage, userId, groupId, 'group.invite');
  for (const i of body.invites) checkInviteRole(access, group, i.role);
  const companies = await Promise.all(body.invites.map((i) => inviteCompanyFor(deps.storage, group, i.role, i.companyId)));
  const seen = new Set<string>();
  for (const i of body.invites) {
    if (seen.has(i.email)) throw new DomainError('bad_request', `invites: ${i.email} is listed twice`);
    seen.add(i.email);
  }
  const inviter = (await deps.storage.getUser(userId))?.name ?? 'Someone';
  const out: BulkInviteResult['invites'] = [];
  for (const [n, i] of body.invites.entries()) {
    const token = newToken();
    const tokenHash = hashToken(token);
    // The invite and the company it names are stored together: never a companion invite without one.
    const invite = await deps.storage.transaction(async (tx) => {
      const created = await tx.createInvite({
        id: newId(),
        tokenHash,
        groupId,
        role: i.role,
        createdBy: userId,
        expiresAt: new Date(now + (body.ttlMs ?? LIMITS.inviteTtlMs)).toISOString(),
        email: i.email,
      });
      if (companies[n]) await tx.setInviteCompany(created.id, companies[n]);
      return created;
    });
    await mailInvite(deps, group, invite, inviter, token, tokenHash);
    out.push({ email: i.email, invite: await onePending(deps.storage, invite), url: `/invite/${token}` });
  }
  return { invites: out };
}

export async function pendingInvites(storage: Storage, userId: string, groupId: string, now = Date.now()): Promise<PendingInvite[]> {
  await authorizeGroup(storage, userId, groupId, 'group.invite');
  return toPending(storage, await storage.listPendingInvites(groupId, new Date(now).toISOString()));
}

async function groupInvite(storage: Storage, groupId: string, inviteId: string): Promise<Invite> {
  const invite = await storage.getInvite(inviteId);
  if (!invite || invite.groupId !== groupId) throw new DomainError('not_found', 'No such invite in this group');
  return invite;
}

export async function revokeInvite(storage: Storage, userId: string, groupId: string, inviteId: string, now = Date.now()): Promise<void> {
  await authorizeGroup(storage, userId, groupId, 'group.invite');
  await groupInvite(storage, groupId, inviteId);
  if (!(await storage.revokeInvite(inviteId, new Date(now).toISOString()))) throw new DomainError('conflict', 'This invite was already used or revoked');
}

/** A fresh link (the old one stops working) with a fresh expiry, mailed again when it has an address. */
export async function resendInvite(deps: InviteDeps, userId: string, groupId: string, inviteId: string, now = Date.now()): Promise<{ invite: PendingInvite; url: string }> {
  const { group, access } = await authorizeGroup(deps.storage, userId, groupId, 'group.invite');
  const invite = await groupInvite(deps.storage, groupId, inviteId);
  checkInviteRole(access, group, invite.role);
  const token = newToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(now + LIMITS.inviteTtlMs).toISOString();
  if (!(await deps.storage.reissueInvite(inviteId, tokenHash, expiresAt))) throw new DomainError('conflict', 'This invite was already used or revoked');
  const fresh = { ...invite, expiresAt };
  await mailInvite(deps, group, fresh, (await deps.storage.getUser(userId))?.name ?? 'Someone', token, tokenHash);
  return { invite: await onePending(deps.storage, fresh), url: `/invite/${token}` };
}
