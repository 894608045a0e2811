// More than one organiser per network: an organiser invites another by a link; whoever accepts
// holds every right the first one has (shared/access networkRules: rights follow the role).
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { User } from '../../shared/domain.ts';
import type { AcceptOrganiserInviteBody, CreatedOrganiserInvite, NetworkOrganiser, OrganiserInvite, OrganiserInvitePreview } from '../../shared/network.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeNetwork } from './networks.ts';

export async function listOrganisers(storage: Storage, userId: string, networkId: string): Promise<NetworkOrganiser[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.organisers.read');
  return storage.listOrganisers(networkId);
}

export async function inviteOrganiser(storage: Storage, userId: string, networkId: string, now = Date.now()): Promise<CreatedOrganiserInvite> {
  await authorizeNetwork(storage, userId, networkId, 'network.organisers.invite');
  const token = newToken();
  const invite = await storage.createOrganiserInvite({
    id: newId(),
    networkId,
    tokenHash: hashToken(token),
    createdBy: userId,
    expiresAt: new Date(now + LIMITS.inviteTtlMs).toISOString(),
  });
  return { invite, url: `/organiser-invite/${token}` };
}

async function usable(storage: Storage, token: string, now: number): Promise<OrganiserInvite> {
  const invite = await storage.getOrganiserInviteByTokenHash(hashToken(token));
  if (!invite) throw new DomainError('not_found', 'This invite link is not valid');
  if (invite.usedAt) throw new DomainError('invite_used', 'This invite link has already been used');
  if (Date.parse(invite.expiresAt) <= now) throw new DomainError('invite_expired', 'This invite link has expired: ask for a new one');
  return invite;
}

export async function previewOrganiserInvite(storage: Storage, token: string, now = Date.now()): Promise<OrganiserInvitePreview> {
  const invite = await usable(storage, token, now);
  const [network, inviter] = await Promise.all([storage.getNetwork(invite.networkId), storage.getUser(invite.createdBy)]);
  if (!network) throw new DomainError('not_found', 'This invite link is not valid');
  return { networkName: network.name, invitedBy: inviter?.name ?? 'An organiser', expiresAt: invite.expiresAt };
}

/** Makes the signed-in user (or a new account) an organiser; one transaction, the link used once. */
export async function acceptOrganiserInvite(storage: Storage, token: string, body: AcceptOrganiserInviteBody, signedIn: User | null, now = Date.now()): Promise<User> {
  const invite = await usable(storage, token, now);
  let passwordHash: string | null = null;
  if (!signedIn) {
    if (!body.name || !body.email || !body.password) throw new DomainError('bad_request', 'name, email and password are needed to create your account');
    passwordHash = await hashPassword(body.password);
  }
  return storage.transaction(async (tx) => {
    let user = signedIn;
    if (!user) {
      if (await tx.getUserByEmail(body.email!)) throw new DomainError('conflict', 'An account with this email exists: sign in, then open the invite again');
      user = await tx.createUser({ id: newId(), email: body.email!, name: body.name!, passwordHash: passwordHash! });
    }
    if (!(await tx.markOrganiserInviteUsed(invite.id, user.id, new Date(now).toISOString()))) {
      throw new DomainError('invite_used', 'This invite link has already been used');
    }
    await tx.addOrganiser(invite.networkId, user.id);
    return user;
  });
}
