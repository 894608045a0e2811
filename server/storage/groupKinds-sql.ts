// Group kinds in SQL: a group's kind (core, companion of a core group, special-interest by
// segment), the company a companion membership or invite names, the owner's list of their
// people in companion groups, and requests to join a special-interest group.
import type { Group } from '../../shared/domain.ts';
import type { CompanionListing, GroupKindFields, JoinDecision, JoinRequest } from '../../shared/groupKinds.ts';
import { oneRow, type SqlAccess } from './access.ts';
import type { Migration } from './migrations.ts';
import * as row from './rows.ts';

export const GROUP_KIND_MIGRATIONS: readonly Migration[] = [
  {
    id: 30,
    name: 'group kinds: companion groups of a core group, special-interest groups by segment; companion invites name a company',
    sql: `
      ALTER TABLE groups ADD COLUMN group_kind TEXT NOT NULL DEFAULT 'core' CHECK (group_kind IN ('core', 'companion', 'interest'));
      ALTER TABLE groups ADD COLUMN companion_of TEXT REFERENCES groups(id) ON DELETE SET NULL;
      -- JSON InterestSegment of a special-interest group; NULL for the other kinds.
      ALTER TABLE groups ADD COLUMN interest_segment TEXT;
      CREATE INDEX groups_companion_of ON groups (companion_of);
      -- A companion invite names the parent group's company the invitee works for. No foreign
      -- key: on a fresh database this runs before companies exist (migration 52); accepting an
      -- invite whose company is gone is refused.
      ALTER TABLE invites ADD COLUMN company_id TEXT;
    `,
  },
  {
    id: 31,
    name: 'requests to join a special-interest group',
    sql: `
      CREATE TABLE interest_join_requests (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- companies(id); no foreign key, as above: the lists join companies, so a request of a
        -- company that is gone is listed no more.
        company_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        decision TEXT CHECK (decision IN ('admit', 'decline')),
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at TEXT
      );
      -- One open request per person and group.
      CREATE UNIQUE INDEX interest_join_requests_open ON interest_join_requests (group_id, user_id) WHERE decision IS NULL;
    `,
  },
];

/** A companion membership as its company's owner sees it listed (no meeting date: the service adds it). */
export type CompanionRow = Omit<CompanionListing, 'nextMeeting'> & { networkId: string };

export interface GroupKindStore {
  /** Sets the kind and what it carries; false for an unknown group. */
  setGroupKind(groupId: string, k: GroupKindFields): Promise<boolean>;
  /** The companion groups of a core group, by name. */
  listCompanionGroups(parentGroupId: string): Promise<Group[]>;
  /** Points a membership to a company (and shows its name); null unlinks it. */
  setMembershipCompany(groupId: string, userId: string, companyId: string | null): Promise<void>;
  /** The company a membership points to, if any. */
  membershipCompany(groupId: string, userId: string): Promise<string | null>;
  setInviteCompany(inviteId: string, companyId: string): Promise<void>;
  inviteCompany(inviteId: string): Promise<string | null>;
  /** Memberships of companion groups pointing to a company the user owns, by group then person. */
  listCompanionsOfOwner(ownerId: string): Promise<CompanionRow[]>;
  /** false when the person has an open request for the group already (nothing written). */
  createJoinRequest(r: { id: string; groupId: string; userId: string; companyId: string }): Promise<boolean>;
  getJoinRequest(id: string): Promise<JoinRequest | null>;
  /** Oldest first. */
  listJoinRequests(groupId: string): Promise<JoinRequest[]>;
  /** The person's requests to the group's, newest first. */
  listJoinRequestsOf(groupId: string, userId: string): Promise<JoinRequest[]>;
  /** Records the decision once; false when already decided. */
  decideJoinRequest(id: string, d: { decision: JoinDecision; decidedBy: string }): Promise<boolean>;
}

interface JoinRow {
  id: string;
  group_id: string;
  user_id: string;
  user_name: string;
  company_id: string;
  company_name: string;
  created_at: string;
  decision: JoinDecision | null;
  decided_by: string | null;
  decided_at: string | null;
}

const toJoin = (r: JoinRow): JoinRequest => ({
  id: r.id,
  groupId: r.group_id,
  userId: r.user_id,
  userName: r.user_name,
  companyId: r.company_id,
  companyName: r.company_name,
  createdAt: r.created_at,
  decision: r.decision,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

const JOIN_SELECT = `SELECT j.*, u.name AS user_name, c.name AS company_name FROM interest_join_requests j
  JOIN users u ON u.id = j.user_id JOIN companies c ON c.id = j.company_id`;

export class GroupKindsSql implements GroupKindStore {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async setGroupKind(groupId: string, k: GroupKindFields): Promise<boolean> {
    const n = await this.q.run('UPDATE groups SET group_kind = ?, companion_of = ?, interest_segment = ? WHERE id = ?', [
      k.kind,
      k.companionOf,
      k.segment ? JSON.stringify(k.segment) : null,
      groupId,
    ]);
    return n === 1;
  }
  async listCompanionGroups(parentGroupId: string): Promise<Group[]> {
    const rows = await this.q.all<row.GroupRow>("SELECT * FROM groups WHERE companion_of = ? AND group_kind = 'companion'", [parentGroupId]);
    return rows.map(row.toGroup).sort(row.byName);
  }
  async setMembershipCompany(groupId: string, userId: string, companyId: string | null): Promise<void> {
    // The name shown beside the person follows the profile (as linkMemberships does for owners).
    await this.q.run(
      `UPDATE memberships SET company_id = ?, company = COALESCE((SELECT name FROM companies WHERE id = ?), company) WHERE group_id = ? AND user_id = ?`,
      [companyId, companyId, groupId, userId],
    );
  }
  async membershipCompany(groupId: string, userId: string): Promise<string | null> {
    return (await oneRow<{ company_id: string | null }>(this.q, 'SELECT company_id FROM memberships WHERE group_id = ? AND user_id = ?', [groupId, userId]))?.company_id ?? null;
  }
  async setInviteCompany(inviteId: string, companyId: string): Promise<void> {
    await this.q.run('UPDATE invites SET company_id = ? WHERE id = ?', [companyId, inviteId]);
  }
  async inviteCompany(inviteId: string): Promise<string | null> {
    return (await oneRow<{ company_id: string | null }>(this.q, 'SELECT company_id FROM invites WHERE id = ?', [inviteId]))?.company_id ?? null;
  }
  async listCompanionsOfOwner(ownerId: string): Promise<CompanionRow[]> {
    const rows = await this.q.all<{ group_id: string; group_name: string; network_id: string; company_id: string; company_name: string; user_id: string; person_name: string }>(
      `SELECT g.id AS group_id, g.name AS group_name, g.network_id, c.id AS company_id, c.name AS company_name, u.id AS user_id, u.name AS person_name
       FROM memberships m
       JOIN groups g ON g.id = m.group_id AND g.group_kind = 'companion'
       JOIN companies c ON c.id = m.company_id
       JOIN users u ON u.id = m.user_id
       WHERE c.owner_id = ? AND m.user_id <> c.owner_id`,
      [ownerId],
    );
    return rows
      .map((r) => ({ groupId: r.group_id, groupName: r.group_name, networkId: r.network_id, companyId: r.company_id, companyName: r.company_name, userId: r.user_id, personName: r.person_name }))
      .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.personName.localeCompare(b.personName) || a.userId.localeCompare(b.userId));
  }

  async createJoinRequest(r: { id: string; groupId: string; userId: string; companyId: string }): Promise<boolean> {
    const n = await this.q.run(
      `INSERT INTO interest_join_requests (id, group_id, user_id, company_id, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, user_id) WHERE decision IS NULL DO NOTHING`,
      [r.id, r.groupId, r.userId, r.companyId, this.now()],
    );
    return n === 1;
  }
  async getJoinRequest(id: string): Promise<JoinRequest | null> {
    const r = await oneRow<JoinRow>(this.q, `${JOIN_SELECT} WHERE j.id = ?`, [id]);
    return r && toJoin(r);
  }
  async listJoinRequests(groupId: string): Promise<JoinRequest[]> {
    return (await this.q.all<JoinRow>(`${JOIN_SELECT} WHERE j.group_id = ? ORDER BY j.created_at, j.id`, [groupId])).map(toJoin);
  }
  async listJoinRequestsOf(groupId: string, userId: string): Promise<JoinRequest[]> {
    return (await this.q.all<JoinRow>(`${JOIN_SELECT} WHERE j.group_id = ? AND j.user_id = ? ORDER BY j.created_at DESC, j.id DESC`, [groupId, userId])).map(toJoin);
  }
  async decideJoinRequest(id: string, d: { decision: JoinDecision; decidedBy: string }): Promise<boolean> {
    const sql = 'UPDATE interest_join_requests SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ? AND decision IS NULL';
    return (await this.q.run(sql, [d.decision, d.decidedBy, this.now(), id])) === 1;
  }
}
