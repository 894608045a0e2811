// More than one organiser per network: an organiser invites another by a link (mailed when an
// address is given), sees the pending invites and revokes them; whoever accepts holds every
// right the first one has (shared/access networkRules: rights follow the role).
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { User } from '../../shared/domain.ts';
import type {
  AcceptOrganiserInviteBody,
  CreatedOrganiserInvite,
  NetworkOrganiser,
  OrganiserInvite,
  OrganiserInviteBody,
  OrganiserInvitePreview,
  PendingOrganiserInvite,
} from '../../shared/network.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { organiserInviteMail } from '../mail/compose.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeNetwork } from './networks.ts';

export async function listOrganisers(storage: Storage, userId: string, networkId: string): Promise<NetworkOrganiser[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.organisers.read');
  return storage.listOrganisers(networkId);
}

interface OrganiserDeps {
  storage: Storage;
  mailer: Mailer;
}

/** A link to organise the network; mailed through the mail queue when an address is given. */
export async function inviteOrganiser({ storage, mailer }: OrganiserDeps, userId: string, networkId: string, body: OrganiserInviteBody = {}, now = Date.now()): Promise<CreatedOrganiserInvite> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.organisers.invite');
  const token = newToken();
  const tokenHash = hashToken(token);
  const invite = await storage.createOrganiserInvite({
    id: newId(),
    networkId,
    tokenHash,
    createdBy: userId,
    expiresAt: new Date(now + LIMITS.inviteTtlMs).toISOString(),
    email: body.email ?? null,
  });
  const url = `/organiser-invite/${token}`;
  if (invite.email) {
    const inviter = (await storage.getUser(userId))?.name ?? 'An organiser';
    const text = organiserInviteMail({ networkName: network.name, inviter, url: mailer.link(url), expiresAt: invite.expiresAt });
    const existing = await storage.getUserByEmail(invite.email);
    // One mail per issued secret: the dedupe key is the token's hash.
    await mailer.queue(storage, { kind: 'invite', to: invite.email, userId: existing?.id ?? null, networkId, groupId: null, ...text, dedupeKey: `organiser_invite:${tokenHash}` });
  }
  return { invite, url };
}

export async function pendingOrganiserInvites(storage: Storage, userId: string, networkId: string, now = Date.now()): Promise<PendingOrganiserInvite[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.organisers.invite');
  const invites = await storage.listPendingOrganiserInvites(networkId, new Date(now).toISOString());
  const names = new Map<string, string>();
  for (const id of new Set(invites.map((i) => i.createdBy))) names.set(id, (await storage.getUser(id))?.name ?? 'An organiser');
  return invites.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt, createdAt: i.createdAt, createdByName: names.get(i.createdBy)! }));
}

/** The link stops working at once; an invite already used (or revoked) is a conflict. */
export async function revokeOrganiserInvite(storage: Storage, userId: string, networkId: string, inviteId: string, now = Date.now()): Promise<void> {
  await authorizeNetwork(storage, userId, networkId, 'network.organisers.invite');
  const invite = await storage.getOrganiserInvite(inviteId);
  if (!invite || invite.networkId !== networkId) throw new DomainError('not_found', 'No such invite in this network');
  if (!(await storage.revokeOrganiserInvite(inviteId, new Date(now).toISOString()))) throw new DomainError('conflict', 'This invite was already used or revoked');
}

async function usable(storage: Storage, token: string, now: number): Promise<OrganiserInvite> {
  const invite = await storage.getOrganiserInviteByTokenHash(hashToken(token));
  if (!invite) throw new DomainError('not_found', 'This invite link is not valid');
  if (invite.usedAt) throw new DomainError('invite_used', 'This invite link has already been used');
  if (invite.revokedAt) throw new DomainError('invite_expired', 'This invite was withdrawn: ask for a new one');
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
