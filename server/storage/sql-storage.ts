// Storage written once in portable SQL over a SqlDriver. SQLite and PostgreSQL differ only in
// their drivers (sqlite.ts, postgres.ts), so the two backends cannot drift apart in behaviour.
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  AgendaTemplate,
  AgendaTemplateItem,
  Group,
  GroupMember,
  GroupRole,
  Invite,
  Meeting,
  Network,
  User,
} from '../../shared/domain.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { SqlDriver, SqlParam } from './driver.ts';
import { applyMigrations } from './migrations.ts';
import { RecordsSql } from './records-sql.ts';
import { ResourcesSql } from './resources-sql.ts';
import { SearchSql } from './search-sql.ts';
import { DocsSql } from './docs-sql.ts';
import { CalendarSql } from './calendar-sql.ts';
import * as row from './rows.ts';
import type { InviteRecord, MeetingPatch, NewGroup, NewMeeting, SessionRecord, Storage, UserRecord } from './types.ts';

/** Timestamps come from JS so both backends store identical ISO strings. */
const now = (): string => new Date().toISOString();

/** Set while a root-level transaction runs; cleared when it ends (async work may outlive it). */
interface TxFlag {
  active: boolean;
}

const GROUP_COLUMNS = {
  name: 'name',
  leadership: 'leadership',
  format: 'format',
  tags: 'tags',
  observersSeeFinancials: 'observers_see_financials',
} as const;
const MEETING_COLUMNS = {
  quarter: 'quarter',
  title: 'title',
  startsAt: 'starts_at',
  timeZone: 'time_zone',
  location: 'location',
  onlineUrl: 'online_url',
  status: 'status',
  recapFinalAt: 'recap_final_at',
} as const;

export class SqlStorage implements Storage {
  private constructor(
    private readonly db: SqlDriver,
    private readonly isRoot: boolean,
    private readonly txContext: AsyncLocalStorage<TxFlag>,
  ) {}

  /** Figures, KPIs and goals (records-sql.ts), run through this handle's guard and connection. */
  private readonly records = new RecordsSql(
    { all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn) },
    now,
  );
  /** Full-text search (search-sql.ts), same guard and connection. */
  private readonly searchSql = new SearchSql(
    { all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn) },
    () => this.db.dialect,
  );
  upsertSearchEntries: Storage['upsertSearchEntries'] = (entries) => this.searchSql.upsertSearchEntries(entries);
  deleteSearchEntries: Storage['deleteSearchEntries'] = (groupId, prefix, keep) => this.searchSql.deleteSearchEntries(groupId, prefix, keep);
  search: Storage['search'] = (query) => this.searchSql.search(query);
  private readonly calendar = new CalendarSql({ all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn) });
  setCalendarFeed: Storage['setCalendarFeed'] = (userId, hash, at) => this.calendar.setCalendarFeed(userId, hash, at);
  deleteCalendarFeed: Storage['deleteCalendarFeed'] = (userId) => this.calendar.deleteCalendarFeed(userId);
  calendarFeedUser: Storage['calendarFeedUser'] = (hash) => this.calendar.calendarFeedUser(hash);
  listCustomKpis: Storage['listCustomKpis'] = (groupId) => this.records.listCustomKpis(groupId);
  createCustomKpi: Storage['createCustomKpi'] = (def) => this.records.createCustomKpi(def);
  upsertFigures: Storage['upsertFigures'] = (rows) => this.records.upsertFigures(rows);
  deleteFigure: Storage['deleteFigure'] = (g, u, q, k) => this.records.deleteFigure(g, u, q, k);
  listFigures: Storage['listFigures'] = (groupId, range) => this.records.listFigures(groupId, range);
  listFiguresInNetwork: Storage['listFiguresInNetwork'] = (networkId, quarter) => this.records.listFiguresInNetwork(networkId, quarter);
  createGoal: Storage['createGoal'] = (goal) => this.records.createGoal(goal);
  getGoal: Storage['getGoal'] = (id) => this.records.getGoal(id);
  updateGoal: Storage['updateGoal'] = (id, patch) => this.records.updateGoal(id, patch);
  deleteGoal: Storage['deleteGoal'] = (id) => this.records.deleteGoal(id);
  listGoals: Storage['listGoals'] = (groupId, filter) => this.records.listGoals(groupId, filter);
  getCarriedGoal: Storage['getCarriedGoal'] = (goalId) => this.records.getCarriedGoal(goalId);
  /** The resource library (resources-sql.ts), same guard and connection. */
  private readonly resources = new ResourcesSql(
    { all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn) },
    now,
  );
  createResource: Storage['createResource'] = (r) => this.resources.createResource(r);
  getResource: Storage['getResource'] = (id) => this.resources.getResource(id);
  getResourceFile: Storage['getResourceFile'] = (id) => this.resources.getResourceFile(id);
  listResources: Storage['listResources'] = (groupId, filter) => this.resources.listResources(groupId, filter);
  deleteResource: Storage['deleteResource'] = (id) => this.resources.deleteResource(id);

  static over(db: SqlDriver): SqlStorage {
    return new SqlStorage(db, true, new AsyncLocalStorage<TxFlag>());
  }

  /**
   * Using the root handle inside transaction() would run outside the transaction (PostgreSQL)
   * or wait forever for it to finish (SQLite's single connection), so it is refused in both.
   */
  private guard(): void {
    if (this.isRoot && this.txContext.getStore()?.active) {
      throw new Error('storage: root handle used inside transaction(); use the tx handle passed to fn');
    }
  }
  private all<R>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    this.guard();
    return this.db.all<R>(sql, params);
  }
  private async one<R>(sql: string, params: readonly SqlParam[]): Promise<R | null> {
    return (await this.all<R>(sql, params))[0] ?? null;
  }
  private run(sql: string, params: readonly SqlParam[]): Promise<number> {
    this.guard();
    return this.db.run(sql, params);
  }
  /** Several statements as one unit: a transaction, or a savepoint on a tx handle. */
  private atomic<T>(fn: (db: SqlDriver) => Promise<T>): Promise<T> {
    this.guard();
    return this.db.transaction(fn);
  }
  /** UPDATE of the columns present in patch; keys outside `columns` are ignored. */
  private patchRow(table: string, id: string, columns: Record<string, string>, patch: Record<string, SqlParam | undefined>) {
    const keys = Object.keys(columns).filter((k) => patch[k] !== undefined);
    if (keys.length === 0) return Promise.resolve(0);
    const sets = keys.map((k) => `${columns[k]} = ?`).join(', ');
    return this.run(`UPDATE ${table} SET ${sets} WHERE id = ?`, [...keys.map((k) => patch[k] ?? null), id]);
  }

  async migrate(): Promise<void> {
    this.guard();
    await applyMigrations(this.db);
  }

  async close(): Promise<void> {
    if (!this.isRoot) throw new Error('storage: close the root storage, not a transaction handle');
    await this.db.close();
  }

  async transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T> {
    this.guard();
    if (!this.isRoot) return this.db.transaction((tx) => fn(new SqlStorage(tx, false, this.txContext)));
    return this.db.transaction(async (tx) => {
      const flag: TxFlag = { active: true };
      try {
        return await this.txContext.run(flag, () => fn(new SqlStorage(tx, false, this.txContext)));
      } finally {
        flag.active = false;
      }
    });
  }

  // users

  async createUser(u: { id: string; email: string; name: string; passwordHash: string }): Promise<User> {
    const createdAt = now();
    await this.run(
      'INSERT INTO users (id, email, email_lower, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [u.id, u.email, u.email.toLowerCase(), u.name, u.passwordHash, createdAt],
    );
    return { id: u.id, email: u.email, name: u.name, createdAt };
  }
  async getUser(id: string): Promise<User | null> {
    const r = await this.one<row.UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return r && row.toUser(r);
  }
  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const r = await this.one<row.UserRow>('SELECT * FROM users WHERE email_lower = ?', [email.toLowerCase()]);
    return r && row.toUserRecord(r);
  }
  async countUsers(): Promise<number> {
    return row.toInt((await this.one<{ n: row.DbInt }>('SELECT COUNT(*) AS n FROM users', []))?.n);
  }

  // sessions

  async createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    await this.run('INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)', [
      s.tokenHash,
      s.userId,
      s.expiresAt,
      now(),
    ]);
  }
  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.one<row.SessionRow>('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
    return r && row.toSession(r);
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }
  deleteExpiredSessions(at: string): Promise<number> {
    return this.run('DELETE FROM sessions WHERE expires_at <= ?', [at]);
  }

  // networks and organisers

  async createNetwork(n: { id: string; name: string }): Promise<Network> {
    const createdAt = now();
    await this.run('INSERT INTO networks (id, name, created_at) VALUES (?, ?, ?)', [n.id, n.name, createdAt]);
    return { id: n.id, name: n.name, createdAt };
  }
  async getNetwork(id: string): Promise<Network | null> {
    const r = await this.one<row.NetworkRow>('SELECT * FROM networks WHERE id = ?', [id]);
    return r && row.toNetwork(r);
  }
  async addOrganiser(networkId: string, userId: string): Promise<void> {
    await this.run(
      'INSERT INTO network_organisers (network_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (network_id, user_id) DO NOTHING',
      [networkId, userId, now()],
    );
  }
  async isOrganiser(networkId: string, userId: string): Promise<boolean> {
    const sql = 'SELECT 1 AS yes FROM network_organisers WHERE network_id = ? AND user_id = ?';
    return (await this.one(sql, [networkId, userId])) !== null;
  }
  async listOrganisedNetworks(userId: string): Promise<Network[]> {
    const rows = await this.all<row.NetworkRow>(
      'SELECT n.* FROM networks n JOIN network_organisers o ON o.network_id = n.id WHERE o.user_id = ?',
      [userId],
    );
    return rows.map(row.toNetwork).sort(row.byName);
  }

  // groups and memberships

  async createGroup(g: NewGroup & { id: string }): Promise<Group> {
    const createdAt = now();
    const observersSeeFinancials = g.observersSeeFinancials ?? false;
    await this.run(
      `INSERT INTO groups (id, network_id, name, leadership, format, tags, observers_see_financials, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [g.id, g.networkId, g.name, g.leadership, g.format, JSON.stringify(g.tags), observersSeeFinancials ? 1 : 0, createdAt],
    );
    const { id, networkId, name, leadership, format } = g;
    return { id, networkId, name, leadership, format, tags: [...g.tags], observersSeeFinancials, createdAt };
  }
  async updateGroup(id: string, patch: Partial<Omit<NewGroup, 'networkId'>>): Promise<Group | null> {
    const tags = patch.tags === undefined ? undefined : JSON.stringify(patch.tags);
    const seeFinancials = patch.observersSeeFinancials;
    const observersSeeFinancials = seeFinancials === undefined ? undefined : seeFinancials ? 1 : 0;
    await this.patchRow('groups', id, GROUP_COLUMNS, { ...patch, tags, observersSeeFinancials });
    return this.getGroup(id);
  }
  async getGroup(id: string): Promise<Group | null> {
    const r = await this.one<row.GroupRow>('SELECT * FROM groups WHERE id = ?', [id]);
    return r && row.toGroup(r);
  }
  async listGroupsInNetwork(networkId: string): Promise<Group[]> {
    const rows = await this.all<row.GroupRow>('SELECT * FROM groups WHERE network_id = ?', [networkId]);
    return rows.map(row.toGroup).sort(row.byName);
  }
  async listGroupsOfUser(userId: string): Promise<{ group: Group; role: GroupRole }[]> {
    const rows = await this.all<row.GroupRow & { role: GroupRole }>(
      'SELECT g.*, m.role FROM groups g JOIN memberships m ON m.group_id = g.id WHERE m.user_id = ?',
      [userId],
    );
    return rows.map((r) => ({ group: row.toGroup(r), role: r.role })).sort((a, b) => row.byName(a.group, b.group));
  }
  async upsertMembership(m: { groupId: string; userId: string; role: GroupRole; company: string | null }): Promise<void> {
    // joined_at keeps the first join; a role change is not a new membership.
    await this.run(
      `INSERT INTO memberships (group_id, user_id, role, company, joined_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role, company = excluded.company`,
      [m.groupId, m.userId, m.role, m.company, now()],
    );
  }
  async getMembership(groupId: string, userId: string): Promise<{ role: GroupRole; company: string | null } | null> {
    const sql = 'SELECT role, company FROM memberships WHERE group_id = ? AND user_id = ?';
    const r = await this.one<{ role: GroupRole; company: string | null }>(sql, [groupId, userId]);
    return r && { role: r.role, company: r.company };
  }
  async removeMembership(groupId: string, userId: string): Promise<boolean> {
    return (await this.run('DELETE FROM memberships WHERE group_id = ? AND user_id = ?', [groupId, userId])) > 0;
  }
  async listMembers(groupId: string): Promise<GroupMember[]> {
    const rows = await this.all<row.MemberRow>(
      `SELECT m.user_id, u.name, u.email, m.role, m.company
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.group_id = ?`,
      [groupId],
    );
    return rows.map(row.toMember).sort(row.byRoleThenName);
  }
  async countMemberCompanies(groupId: string): Promise<number> {
    // Two people from one company fill one seat; a member without a company counts as their own.
    const r = await this.one<{ named: row.DbInt; unnamed: row.DbInt | null }>(
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
  }): Promise<Invite> {
    const createdAt = now();
    await this.run(
      `INSERT INTO invites (id, token_hash, group_id, role, created_by, expires_at, used_at, used_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)`,
      [i.id, i.tokenHash, i.groupId, i.role, i.createdBy, i.expiresAt, createdAt],
    );
    const { id, groupId, role, createdBy, expiresAt } = i;
    return { id, groupId, role, createdBy, expiresAt, usedAt: null, usedBy: null, createdAt };
  }
  async getInviteByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    const r = await this.one<row.InviteRow>('SELECT * FROM invites WHERE token_hash = ?', [tokenHash]);
    return r && row.toInviteRecord(r);
  }
  async markInviteUsed(id: string, userId: string, at: string): Promise<boolean> {
    // One conditional UPDATE: of two concurrent redemptions exactly one changes the row.
    const sql = 'UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL';
    return (await this.run(sql, [at, userId, id])) === 1;
  }

  // agenda templates

  async createTemplate(t: { id: string; groupId: string; name: string; items: AgendaTemplateItem[] }): Promise<AgendaTemplate> {
    const createdAt = now();
    await this.run('INSERT INTO agenda_templates (id, group_id, name, items, created_at) VALUES (?, ?, ?, ?, ?)', [
      t.id,
      t.groupId,
      t.name,
      JSON.stringify(t.items),
      createdAt,
    ]);
    return { id: t.id, groupId: t.groupId, name: t.name, items: t.items.map((i) => ({ ...i })), createdAt };
  }
  async getTemplate(id: string): Promise<AgendaTemplate | null> {
    const r = await this.one<row.TemplateRow>('SELECT * FROM agenda_templates WHERE id = ?', [id]);
    return r && row.toTemplate(r);
  }
  /** The group's own templates; the built-in standard template lives in shared code, not here. */
  async listTemplates(groupId: string): Promise<AgendaTemplate[]> {
    const rows = await this.all<row.TemplateRow>('SELECT * FROM agenda_templates WHERE group_id = ?', [groupId]);
    return rows.map(row.toTemplate).sort(row.byName);
  }

  // meetings and their live state

  async createMeeting(m: NewMeeting & { id: string }, state: MeetingState): Promise<Meeting> {
    if (state.meetingId !== m.id) throw new Error(`storage: state of meeting ${state.meetingId} given for ${m.id}`);
    const meeting: Meeting = { ...m, status: state.status, createdAt: now(), recapFinalAt: null };
    await this.atomic(async (db) => {
      await db.run(
        `INSERT INTO meetings (id, group_id, quarter, title, starts_at, time_zone, location, online_url, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [m.id, m.groupId, m.quarter, m.title, m.startsAt, m.timeZone, m.location, m.onlineUrl, meeting.status, meeting.createdAt],
      );
      await db.run('INSERT INTO meeting_states (meeting_id, version, state, updated_at) VALUES (?, ?, ?, ?)', [
        m.id,
        state.version,
        JSON.stringify(state),
        meeting.createdAt,
      ]);
    });
    return meeting;
  }
  async getMeeting(id: string): Promise<Meeting | null> {
    const r = await this.one<row.MeetingRow>('SELECT * FROM meetings WHERE id = ?', [id]);
    return r && row.toMeeting(r);
  }
  async updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | null> {
    await this.patchRow('meetings', id, MEETING_COLUMNS, { ...patch });
    return this.getMeeting(id);
  }
  async listMeetings(groupId: string): Promise<Meeting[]> {
    const rows = await this.all<row.MeetingRow>('SELECT * FROM meetings WHERE group_id = ?', [groupId]);
    return rows.map(row.toMeeting).sort((a, b) => row.byCode(a.startsAt, b.startsAt) || row.byCode(a.id, b.id));
  }
  async getMeetingState(meetingId: string): Promise<MeetingState | null> {
    const r = await this.one<{ state: string }>('SELECT state FROM meeting_states WHERE meeting_id = ?', [meetingId]);
    return r && (JSON.parse(r.state) as MeetingState);
  }
  async saveMeetingState(meetingId: string, state: MeetingState): Promise<boolean> {
    if (state.meetingId !== meetingId) throw new Error(`storage: state of meeting ${state.meetingId} given for ${meetingId}`);
    return this.atomic(async (db) => {
      // The version check sits in the upsert's WHERE, so it holds under concurrent writers.
      const changed = await db.run(
        `INSERT INTO meeting_states (meeting_id, version, state, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET version = excluded.version, state = excluded.state,
           updated_at = excluded.updated_at
         WHERE meeting_states.version < excluded.version`,
        [meetingId, state.version, JSON.stringify(state), now()],
      );
      if (changed === 0) return false;
      await db.run('UPDATE meetings SET status = ? WHERE id = ?', [state.status, meetingId]);
      return true;
    });
  }

  // collaborative documents (docs-sql.ts)
  private readonly docs = new DocsSql({ all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn) });
  appendDocUpdate: Storage['appendDocUpdate'] = (name, update) => this.docs.appendDocUpdates(name, [update]);
  appendDocUpdates: Storage['appendDocUpdates'] = (name, updates) => this.docs.appendDocUpdates(name, updates);
  loadDoc: Storage['loadDoc'] = (name) => this.docs.loadDoc(name);
  compactDoc: Storage['compactDoc'] = (name, snapshot, uptoSeq) => this.docs.compactDoc(name, snapshot, uptoSeq);
  listDocNames: Storage['listDocNames'] = (prefix) => this.docs.listDocNames(prefix);
}
