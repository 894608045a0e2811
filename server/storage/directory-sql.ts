// Who is who in SQL: users, sessions, networks and their organisers, groups, memberships and
// invites. SqlStorage delegates to it (access.ts).
import type { Group, GroupMember, GroupRole, Invite, Network, User } from '../../shared/domain.ts';
import { oneRow, patchRow, type SqlAccess } from './access.ts';
import * as row from './rows.ts';
import { DEFAULT_CURRENCY } from '../../shared/financials/format.ts';
import type { InviteRecord, NewGroup, NewSession, SessionRecord, UserRecord } from './types.ts';

const GROUP_COLUMNS = {
  name: 'name',
  leadership: 'leadership',
  format: 'format',
  tags: 'tags',
  observersSeeFinancials: 'observers_see_financials',
  currency: 'currency',
  observersInRoom: 'observers_in_room',
  observersSeeHotSeat: 'observers_see_hot_seat',
  reviewShowsBenchmarks: 'review_shows_benchmarks',
} as const;

const flagColumn = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);

export class DirectorySql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  // users

  async createUser(u: { id: string; email: string; name: string; passwordHash: string }): Promise<User> {
    const createdAt = this.now();
    await this.q.run(
      'INSERT INTO users (id, email, email_lower, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [u.id, u.email, u.email.toLowerCase(), u.name, u.passwordHash, createdAt],
    );
    return { id: u.id, email: u.email, name: u.name, createdAt };
  }
  async getUser(id: string): Promise<User | null> {
    const r = await oneRow<row.UserRow>(this.q, 'SELECT * FROM users WHERE id = ?', [id]);
    return r && row.toUser(r);
  }
  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const r = await oneRow<row.UserRow>(this.q, 'SELECT * FROM users WHERE email_lower = ?', [email.toLowerCase()]);
    return r && row.toUserRecord(r);
  }
  async countUsers(): Promise<number> {
    return row.toInt((await oneRow<{ n: row.DbInt }>(this.q, 'SELECT COUNT(*) AS n FROM users', []))?.n);
  }

  // sessions

  async createSession(s: NewSession): Promise<void> {
    const at = this.now();
    await this.q.run('INSERT INTO sessions (token_hash, id, user_id, user_agent, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      s.tokenHash,
      s.id ?? s.tokenHash.slice(0, 16),
      s.userId,
      s.userAgent ?? '',
      s.expiresAt,
      at,
      at,
    ]);
  }
  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await oneRow<row.SessionRow>(this.q, 'SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
    return r && row.toSession(r);
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.q.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }
  deleteExpiredSessions(at: string): Promise<number> {
    return this.q.run('DELETE FROM sessions WHERE expires_at <= ?', [at]);
  }

  // networks and organisers

  async createNetwork(n: { id: string; name: string; currency?: string }): Promise<Network> {
    const createdAt = this.now();
    const currency = n.currency ?? DEFAULT_CURRENCY;
    await this.q.run('INSERT INTO networks (id, name, currency, created_at) VALUES (?, ?, ?, ?)', [n.id, n.name, currency, createdAt]);
    return { id: n.id, name: n.name, currency, createdAt };
  }
  async updateNetwork(id: string, patch: { name?: string; currency?: string }): Promise<Network | null> {
    await patchRow(this.q, 'networks', id, { name: 'name', currency: 'currency' }, patch);
    return this.getNetwork(id);
  }
  async getNetwork(id: string): Promise<Network | null> {
    const r = await oneRow<row.NetworkRow>(this.q, 'SELECT * FROM networks WHERE id = ?', [id]);
    return r && row.toNetwork(r);
  }
  async addOrganiser(networkId: string, userId: string): Promise<void> {
    await this.q.run(
      'INSERT INTO network_organisers (network_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (network_id, user_id) DO NOTHING',
      [networkId, userId, this.now()],
    );
  }
  async isOrganiser(networkId: string, userId: string): Promise<boolean> {
    const sql = 'SELECT 1 AS yes FROM network_organisers WHERE network_id = ? AND user_id = ?';
    return (await oneRow(this.q, sql, [networkId, userId])) !== null;
  }
  async listOrganisedNetworks(userId: string): Promise<Network[]> {
    const rows = await this.q.all<row.NetworkRow>(
      'SELECT n.* FROM networks n JOIN network_organisers o ON o.network_id = n.id WHERE o.user_id = ?',
      [userId],
    );
    return rows.map(row.toNetwork).sort(row.byName);
  }

  // groups and memberships

  async createGroup(g: NewGroup & { id: string }): Promise<Group> {
    const createdAt = this.now();
    const observersSeeFinancials = g.observersSeeFinancials ?? false;
    const currency = g.currency ?? null;
    const observersInRoom = g.observersInRoom ?? false;
    const observersSeeHotSeat = g.observersSeeHotSeat ?? false;
    const kind = g.kind ?? 'core';
    const companionOf = g.companionOf ?? null;
    const segment = g.segment ?? null;
    await this.q.run(
      `INSERT INTO groups (id, network_id, name, leadership, format, tags, observers_see_financials, currency, observers_in_room, observers_see_hot_seat,
         group_kind, companion_of, interest_segment, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [g.id, g.networkId, g.name, g.leadership, g.format, JSON.stringify(g.tags), observersSeeFinancials ? 1 : 0, currency, observersInRoom ? 1 : 0, observersSeeHotSeat ? 1 : 0,
        kind, companionOf, segment ? JSON.stringify(segment) : null, createdAt],
    );
    const { id, networkId, name, leadership, format } = g;
    return { id, networkId, name, leadership, format, tags: [...g.tags], observersSeeFinancials, currency, observersInRoom, observersSeeHotSeat, reviewShowsBenchmarks: false, kind, companionOf, segment, createdAt };
  }
  async updateGroup(id: string, patch: Partial<Omit<NewGroup, 'networkId' | 'kind' | 'companionOf' | 'segment'>>): Promise<Group | null> {
    const tags = patch.tags === undefined ? undefined : JSON.stringify(patch.tags);
    const seeFinancials = patch.observersSeeFinancials;
    const observersSeeFinancials = seeFinancials === undefined ? undefined : seeFinancials ? 1 : 0;
    const flags = { observersInRoom: flagColumn(patch.observersInRoom), observersSeeHotSeat: flagColumn(patch.observersSeeHotSeat), reviewShowsBenchmarks: flagColumn(patch.reviewShowsBenchmarks) };
    await patchRow(this.q, 'groups', id, GROUP_COLUMNS, { ...patch, tags, observersSeeFinancials, ...flags });
    return this.getGroup(id);
  }
  async getGroup(id: string): Promise<Group | null> {
    const r = await oneRow<row.GroupRow>(this.q, 'SELECT * FROM groups WHERE id = ?', [id]);
    return r && row.toGroup(r);
  }
  async listGroupsInNetwork(networkId: string): Promise<Group[]> {
    // An event's host group is no group of people: it holds the event's shared sessions only.
    const rows = await this.q.all<row.GroupRow>(
      'SELECT * FROM groups WHERE network_id = ? AND id NOT IN (SELECT host_group_id FROM network_events)',
      [networkId],
    );
    return rows.map(row.toGroup).sort(row.byName);
  }
  async listGroupsOfUser(userId: string): Promise<{ group: Group; role: GroupRole }[]> {
    const rows = await this.q.all<row.GroupRow & { role: GroupRole }>(
      'SELECT g.*, m.role FROM groups g JOIN memberships m ON m.group_id = g.id WHERE m.user_id = ?',
      [userId],
    );
    return rows.map((r) => ({ group: row.toGroup(r), role: r.role })).sort((a, b) => row.byName(a.group, b.group));
  }
  async upsertMembership(m: { groupId: string; userId: string; role: GroupRole; company: string | null }): Promise<void> {
    // joined_at keeps the first join; a role change is not a new membership.
    await this.q.run(
      `INSERT INTO memberships (group_id, user_id, role, company, joined_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role, company = excluded.company`,
      [m.groupId, m.userId, m.role, m.company, this.now()],
    );
  }
  async getMembership(groupId: string, userId: string): Promise<{ role: GroupRole; company: string | null } | null> {
    const sql = 'SELECT role, company FROM memberships WHERE group_id = ? AND user_id = ?';
    const r = await oneRow<{ role: GroupRole; company: string | null }>(this.q, sql, [groupId, userId]);
    return r && { role: r.role, company: r.company };
  }
  async removeMembership(groupId: string, userId: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM memberships WHERE group_id = ? AND user_id = ?', [groupId, userId])) > 0;
  }
  async listMembers(groupId: string): Promise<GroupMember[]> {
    const rows = await this.q.all<row.MemberRow>(
      `SELECT m.user_id, u.name, u.email, m.role, m.company
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = ?`,
      [groupId],
    );
    return rows.map(row.toMember).sort(row.byRoleThenName);
  }
  async countMemberCompanies(groupId: string): Promise<number> {
    // Two people from one company fill one seat; a member without a company counts as their own.
    const r = await oneRow<{ named: row.DbInt; unnamed: row.DbInt | null }>(
      this.q,
      `SELECT COUNT(DISTINCT company) AS named, SUM(CASE WHEN company IS NULL THEN 1 ELSE 0 END) AS unnamed
       FROM memberships WHERE group_id = ? AND role = 'member'`,
      [groupId],
    );
    return row.toInt(r?.named) + row.toInt(r?.unnamed);
  }

  // invites

  async createInvite(i: {
    id: string;
    tokenHash: string;
    groupId: string;
    role: GroupRole;
    createdBy: string;
    expiresAt: string;
    email?: string | null;
  }): Promise<Invite> {
    const createdAt = this.now();
    const email = i.email ?? null;
    await this.q.run(
      `INSERT INTO invites (id, token_hash, group_id, role, created_by, expires_at, used_at, used_by, created_at, email, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL)`,
      [i.id, i.tokenHash, i.groupId, i.role, i.createdBy, i.expiresAt, createdAt, email],
    );
    const { id, groupId, role, createdBy, expiresAt } = i;
    return { id, groupId, role, createdBy, expiresAt, usedAt: null, usedBy: null, createdAt, email, revokedAt: null };
  }
  async getInviteByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    const r = await oneRow<row.InviteRow>(this.q, 'SELECT * FROM invites WHERE token_hash = ?', [tokenHash]);
    return r && row.toInviteRecord(r);
  }
  async markInviteUsed(id: string, userId: string, at: string): Promise<boolean> {
    // One conditional UPDATE: of two concurrent redemptions exactly one changes the row.
    const sql = 'UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL';
    return (await this.q.run(sql, [at, userId, id])) === 1;
  }
}
