// Set-up, login and invites: how people get in.
import { hasCompany } from '../../shared/access/index.ts';
import type { AcceptInviteBody, InvitePreview, LoginBody, MeResponse, SetupBody } from '../../shared/api.ts';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { User } from '../../shared/domain.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken, newId } from '../auth/tokens.ts';
import type { InviteRecord, Storage } from '../storage/types.ts';
import { addMember } from './members.ts';

export async function setupNeeded(storage: Storage): Promise<boolean> {
  return (await storage.countUsers()) === 0;
}

/** First run: creates the network and its organiser. Refused once anyone exists. */
export async function setup(storage: Storage, body: SetupBody): Promise<User> {
  const passwordHash = await hashPassword(body.password);
  return storage.transaction(async (tx) => {
    if ((await tx.countUsers()) > 0) throw new DomainError('conflict', 'Peerboard is already set up: sign in instead');
    const user = await tx.createUser({ id: newId(), email: body.email, name: body.name, passwordHash });
    const network = await tx.createNetwork({ id: newId(), name: body.networkName });
    await tx.addOrganiser(network.id, user.id);
    return user;
  });
}

export async function login(storage: Storage, body: LoginBody): Promise<User> {
  const record = await storage.getUserByEmail(body.email);
  // Verify against a dummy hash when the email is unknown so timing doesn't reveal accounts.
  const ok = await verifyPassword(body.password, record?.passwordHash ?? (await dummyPasswordHash()));
  if (!record || !ok) throw new DomainError('invalid_credentials', 'Wrong email or password');
  const { passwordHash: _omit, ...user } = record;
  return user;
}

export async function me(storage: Storage, user: User): Promise<MeResponse> {
  const [networks, memberships] = await Promise.all([
    storage.listOrganisedNetworks(user.id),
    storage.listGroupsOfUser(user.id),
  ]);
  const groups = memberships.map((m) => ({ group: m.group, role: m.role as MeResponse['groups'][number]['role'] }));
  // Organisers see every group of their networks, even where they hold no membership.
  for (const n of networks) {
    for (const g of await storage.listGroupsInNetwork(n.id)) {
      if (!groups.some((x) => x.group.id === g.id)) groups.push({ group: g, role: 'organiser' });
    }
  }
  return { user, networks, groups };
}

async function usableInvite(storage: Storage, token: string, now: number): Promise<InviteRecord> {
  const invite = await storage.getInviteByTokenHash(hashToken(token));
  if (!invite) throw new DomainError('not_found', 'This invite link is not valid');
  if (invite.usedAt) throw new DomainError('invite_used', 'This invite link has already been used');
  if (invite.revokedAt) throw new DomainError('invite_expired', 'This invite was withdrawn: ask for a new one');
  if (Date.parse(invite.expiresAt) <= now) throw new DomainError('invite_expired', 'This invite link has expired: ask for a new one');
  return invite;
}

export async function previewInvite(storage: Storage, token: string, now = Date.now()): Promise<InvitePreview> {
  const invite = await usableInvite(storage, token, now);
  const group = await storage.getGroup(invite.groupId);
  const network = group ? await storage.getNetwork(group.networkId) : null;
  if (!group || !network) throw new DomainError('not_found', 'This invite link is not valid');
  const companyId = await storage.inviteCompany(invite.id);
  const companyName = companyId ? ((await storage.getCompany(companyId))?.name ?? null) : null;
  return { groupId: group.id, groupName: group.name, networkName: network.name, role: invite.role, expiresAt: invite.expiresAt, companyName };
}

/**
 * Joins the invite's group as the signed-in user, or creates the account first.
 * Everything happens in one transaction: a full group or a raced invite leaves nothing behind.
 */
export async function acceptInvite(
  storage: Storage,
  token: string,
  body: AcceptInviteBody,
  signedIn: User | null,
  now = Date.now(),
): Promise<User> {
  const invite = await usableInvite(storage, token, now);
  // A companion group's invite names the company the member works for: no name to type.
  const companyId = await storage.inviteCompany(invite.id);
  const named = companyId ? await storage.getCompany(companyId) : null;
  if (companyId && !named) throw new DomainError('not_found', 'This invite link is not valid');
  if (hasCompany(invite.role) && !named && !body.company) throw new DomainError('bad_request', 'company: members join with their company name');
  let passwordHash: string | null = null;
  if (!signedIn) {
    if (!body.name || !body.email || !body.password) {
      throw new DomainError('bad_request', 'name, email and password are needed to create your account');
    }
    if (body.password.length < LIMITS.passwordMinLength) throw new DomainError('bad_request', 'password: too short');
    passwordHash = await hashPassword(body.password);
  }
  return storage.transaction(async (tx) => {
    let user = signedIn;
    if (!user) {
      if (await tx.getUserByEmail(body.email!)) {
        throw new DomainError('conflict', 'An account with this email exists: sign in, then open the invite again');
      }
      user = await tx.createUser({ id: newId(), email: body.email!, name: body.name!, passwordHash: passwordHash! });
    }
    if (!(await tx.markInviteUsed(invite.id, user.id, new Date(now).toISOString()))) {
      throw new DomainError('invite_used', 'This invite link has already been used');
    }
    await addMember(tx, invite.groupId, user.id, invite.role, hasCompany(invite.role) ? (named?.name ?? body.company ?? null) : null);
    if (named) await tx.setMembershipCompany(invite.groupId, user.id, named.id);
    return user;
  });
}
