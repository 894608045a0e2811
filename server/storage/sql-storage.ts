// Storage written once in portable SQL over a SqlDriver. SQLite and PostgreSQL differ only in
// their drivers (sqlite.ts, postgres.ts), so the two backends cannot drift apart in behaviour.
// This class is the composition root: transactions and their guard; the queries live in one
// store per area (directory, meetings, docs, records, resources, search, calendar).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlAccess } from './access.ts';
import { AccountsSql } from './accounts-sql.ts';
import { CalendarSql } from './calendar-sql.ts';
import { DirectorySql } from './directory-sql.ts';
import { DocsSql } from './docs-sql.ts';
import { EventsSql } from './events-sql.ts';
import { byRoleThenName } from './rows.ts';
import type { SqlDriver, SqlParam } from './driver.ts';
import { InvitesSql } from './invites-sql.ts';
import { LibrarySql } from './library-sql.ts';
import { MailSql } from './mail-sql.ts';
import { MeetingsSql } from './meetings-sql.ts';
import { PrepSql } from './prep-sql.ts';
import { NetworkSql } from './network-sql.ts';
import { CompaniesSql } from './companies-sql.ts';
import { ParkingSql } from './parking-sql.ts';
import { GroupKindsSql } from './groupKinds-sql.ts';
import { MyDataSql } from './mydata-sql.ts';
import { NormsSql } from './norms-sql.ts';
import { applyMigrations } from './migrations.ts';
import { RecordsSql } from './records-sql.ts';
import { ResourcesSql } from './resources-sql.ts';
import { SearchSql } from './search-sql.ts';
import type { HotWrites, Storage } from './types.ts';

/** Timestamps come from JS so both backends store identical ISO strings. */
const now = (): string => new Date().toISOString();

/** Set while a root-level transaction runs; cleared when it ends (async work may outlive it). */
interface TxFlag {
  active: boolean;
}

/**
 * The transaction context of one root storage. On Node 20 an enabled AsyncLocalStorage turns on
 * async hooks for the whole process (every promise and socket write pays for them, on the
 * meeting command and notes paths too), so it is enabled only while a root transaction is open:
 * disabled again when the last one ends, re-enabled by the next run().
 */
class TxContext {
  private readonly als = new AsyncLocalStorage<TxFlag>();
  private open = 0;
  get active(): boolean {
    return this.open > 0 && this.als.getStore()?.active === true;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const flag: TxFlag = { active: true };
    this.open++;
    try {
      return await this.als.run(flag, fn);
    } finally {
      flag.active = false;
      if (--this.open === 0) this.als.disable();
    }
  }
}

export class SqlStorage implements Storage {
  private constructor(
    private readonly db: SqlDriver,
    private readonly isRoot: boolean,
    private readonly txContext: TxContext,
  ) {
    if (db.runIfFree) this.saveMeetingStatesNow = (saves) => this.meetings.saveMeetingStatesNow(saves);
  }

  private get hotWrites(): HotWrites | undefined {
    this.guard();
    return this.isRoot ? this.db.writeBehind : undefined;
  }

  /** This handle's guarded connection, given to every store below (access.ts). */
  private readonly q: SqlAccess = { all: (sql, p) => this.all(sql, p), run: (sql, p) => this.run(sql, p), atomic: (fn) => this.atomic(fn), runIfFree: (sql, p) => this.runIfFree(sql, p) };
  private readonly directory = new DirectorySql(this.q, now);
  private readonly meetings = new MeetingsSql(this.q, now);
  private readonly records = new RecordsSql(this.q, now);
  private readonly docs = new DocsSql(this.q, () => this.db.dialect);
  private readonly resources = new ResourcesSql(this.q, now);
  private readonly searchSql = new SearchSql(this.q, () => this.db.dialect);
  private readonly calendar = new CalendarSql(this.q);
  private readonly invites = new InvitesSql(this.q);
  private readonly mail = new MailSql(this.q, now);
  private readonly prep = new PrepSql(this.q, now);
  private readonly network = new NetworkSql(this.q, now);
  private readonly accounts = new AccountsSql(this.q);
  private readonly companies = new CompaniesSql(this.q, now);
  private readonly events = new EventsSql(this.q);

  // network events: participating groups, linked meetings (events-sql.ts)
  createNetworkEvent: Storage['createNetworkEvent'] = (...a) => this.events.createNetworkEvent(...a);
  getNetworkEvent: Storage['getNetworkEvent'] = (...a) => this.events.getNetworkEvent(...a);
  listNetworkEvents: Storage['listNetworkEvents'] = (...a) => this.events.listNetworkEvents(...a);
  listEventsOfGroup: Storage['listEventsOfGroup'] = (...a) => this.events.listEventsOfGroup(...a);
  eventAudienceRoles: Storage['eventAudienceRoles'] = (...a) => this.events.eventAudienceRoles(...a);
  listEventAudience: Storage['listEventAudience'] = (...a) => this.events.listEventAudience(...a);
  linkEventMeeting: Storage['linkEventMeeting'] = (...a) => this.events.linkEventMeeting(...a);
  listEventMeetingIds: Storage['listEventMeetingIds'] = (...a) => this.events.listEventMeetingIds(...a);
  eventOfMeeting: Storage['eventOfMeeting'] = (...a) => this.events.eventOfMeeting(...a);
  eventsOfMeetings: Storage['eventsOfMeetings'] = (...a) => this.events.eventsOfMeetings(...a);

  // company profiles and non-competing checks (companies-sql.ts)
  saveCompany: Storage['saveCompany'] = (...a) => this.companies.saveCompany(...a);
  companyOfOwner: Storage['companyOfOwner'] = (...a) => this.companies.companyOfOwner(...a);
  getCompany: Storage['getCompany'] = (...a) => this.companies.getCompany(...a);
  listCompaniesInNetwork: Storage['listCompaniesInNetwork'] = (...a) => this.companies.listCompaniesInNetwork(...a);
  linkMemberships: Storage['linkMemberships'] = (...a) => this.companies.linkMemberships(...a);
  listGroupCompanies: Storage['listGroupCompanies'] = (...a) => this.companies.listGroupCompanies(...a);
  createCompanyCheck: Storage['createCompanyCheck'] = (...a) => this.companies.createCompanyCheck(...a);
  getCompanyCheck: Storage['getCompanyCheck'] = (...a) => this.companies.getCompanyCheck(...a);
  decideCompanyCheck: Storage['decideCompanyCheck'] = (...a) => this.companies.decideCompanyCheck(...a);
  listCompanyChecks: Storage['listCompanyChecks'] = (...a) => this.companies.listCompanyChecks(...a);

  // the network as a whole: organisers, organiser invites (network-sql.ts)
  listOrganisers: Storage['listOrganisers'] = (...a) => this.network.listOrganisers(...a);
  createOrganiserInvite: Storage['createOrganiserInvite'] = (...a) => this.network.createOrganiserInvite(...a);
  getOrganiserInviteByTokenHash: Storage['getOrganiserInviteByTokenHash'] = (...a) => this.network.getOrganiserInviteByTokenHash(...a);
  markOrganiserInviteUsed: Storage['markOrganiserInviteUsed'] = (...a) => this.network.markOrganiserInviteUsed(...a);
  getOrganiserInvite: Storage['getOrganiserInvite'] = (...a) => this.network.getOrganiserInvite(...a);
  listPendingOrganiserInvites: Storage['listPendingOrganiserInvites'] = (...a) => this.network.listPendingOrganiserInvites(...a);
  revokeOrganiserInvite: Storage['revokeOrganiserInvite'] = (...a) => this.network.revokeOrganiserInvite(...a);
  deleteReferenceSet: Storage['deleteReferenceSet'] = (...a) => this.network.deleteReferenceSet(...a);

  // the network library and its competitions (library-sql.ts)
  private readonly library = new LibrarySql(this.q, now);
  createLibraryEntry: Storage['createLibraryEntry'] = (...a) => this.library.createLibraryEntry(...a);
  getLibraryEntry: Storage['getLibraryEntry'] = (...a) => this.library.getLibraryEntry(...a);
  listLibraryEntries: Storage['listLibraryEntries'] = (...a) => this.library.listLibraryEntries(...a);
  transitionLibraryEntry: Storage['transitionLibraryEntry'] = (...a) => this.library.transitionLibraryEntry(...a);
  createCompetition: Storage['createCompetition'] = (...a) => this.library.createCompetition(...a);
  getCompetition: Storage['getCompetition'] = (...a) => this.library.getCompetition(...a);
  listCompetitions: Storage['listCompetitions'] = (...a) => this.library.listCompetitions(...a);
  castVote: Storage['castVote'] = (...a) => this.library.castVote(...a);
  listBallots: Storage['listBallots'] = (...a) => this.library.listBallots(...a);
  private readonly parking = new ParkingSql(this.q, now);
  private readonly groupKinds = new GroupKindsSql(this.q, now);
  private readonly norms = new NormsSql(this.q, now);
  createReferenceSet: Storage['createReferenceSet'] = (...a) => this.network.createReferenceSet(...a);
  listReferenceSets: Storage['listReferenceSets'] = (...a) => this.network.listReferenceSets(...a);
  private readonly myData = new MyDataSql(this.q);

  // users, sessions, networks, groups, memberships, invites (directory-sql.ts)
  createUser: Storage['createUser'] = (...a) => this.directory.createUser(...a);
  getUser: Storage['getUser'] = (...a) => this.directory.getUser(...a);
  getUserByEmail: Storage['getUserByEmail'] = (...a) => this.directory.getUserByEmail(...a);
  countUsers: Storage['countUsers'] = () => this.directory.countUsers();
  createSession: Storage['createSession'] = (...a) => this.directory.createSession(...a);
  getSession: Storage['getSession'] = (...a) => this.directory.getSession(...a);
  deleteSession: Storage['deleteSession'] = (...a) => this.directory.deleteSession(...a);
  deleteExpiredSessions: Storage['deleteExpiredSessions'] = (...a) => this.directory.deleteExpiredSessions(...a);

  // sessions on the account page, login throttling (accounts-sql.ts)
  listSessionsOfUser: Storage['listSessionsOfUser'] = (...a) => this.accounts.listSessionsOfUser(...a);
  touchSession: Storage['touchSession'] = (...a) => this.accounts.touchSession(...a);
  deleteSessionOfUser: Storage['deleteSessionOfUser'] = (...a) => this.accounts.deleteSessionOfUser(...a);
  deleteOtherSessions: Storage['deleteOtherSessions'] = (...a) => this.accounts.deleteOtherSessions(...a);
  getLoginThrottles: Storage['getLoginThrottles'] = (...a) => this.accounts.getLoginThrottles(...a);
  setLoginThrottle: Storage['setLoginThrottle'] = (...a) => this.accounts.setLoginThrottle(...a);
  deleteLoginThrottle: Storage['deleteLoginThrottle'] = (...a) => this.accounts.deleteLoginThrottle(...a);
  deleteLoginThrottlesBefore: Storage['deleteLoginThrottlesBefore'] = (...a) => this.accounts.deleteLoginThrottlesBefore(...a);
  createNetwork: Storage['createNetwork'] = (...a) => this.directory.createNetwork(...a);
  getNetwork: Storage['getNetwork'] = (...a) => this.directory.getNetwork(...a);
  updateNetwork: Storage['updateNetwork'] = (...a) => this.directory.updateNetwork(...a);
  addOrganiser: Storage['addOrganiser'] = (...a) => this.directory.addOrganiser(...a);
  isOrganiser: Storage['isOrganiser'] = (...a) => this.directory.isOrganiser(...a);
  listOrganisedNetworks: Storage['listOrganisedNetworks'] = (...a) => this.directory.listOrganisedNetworks(...a);
  createGroup: Storage['createGroup'] = (...a) => this.directory.createGroup(...a);
  updateGroup: Storage['updateGroup'] = (...a) => this.directory.updateGroup(...a);
  getGroup: Storage['getGroup'] = (...a) => this.directory.getGroup(...a);
  listGroupsInNetwork: Storage['listGroupsInNetwork'] = (...a) => this.directory.listGroupsInNetwork(...a);
  listGroupsOfUser: Storage['listGroupsOfUser'] = (...a) => this.directory.listGroupsOfUser(...a);
  upsertMembership: Storage['upsertMembership'] = (...a) => this.directory.upsertMembership(...a);
  getMembership: Storage['getMembership'] = (...a) => this.directory.getMembership(...a);
  removeMembership: Storage['removeMembership'] = (...a) => this.directory.removeMembership(...a);
  /** An event's host group lists its audience too (events-sql.ts); its own memberships win. */
  listMembers: Storage['listMembers'] = async (groupId) => {
    const [own, audience] = await Promise.all([this.directory.listMembers(groupId), this.events.listEventAudience(groupId)]);
    if (!audience) return own;
    const ids = new Set(own.map((m) => m.userId));
    return [...own, ...audience.filter((m) => !ids.has(m.userId))].sort(byRoleThenName);
  };
  countMemberCompanies: Storage['countMemberCompanies'] = (...a) => this.directory.countMemberCompanies(...a);
  createInvite: Storage['createInvite'] = (...a) => this.directory.createInvite(...a);
  getInviteByTokenHash: Storage['getInviteByTokenHash'] = (...a) => this.directory.getInviteByTokenHash(...a);
  markInviteUsed: Storage['markInviteUsed'] = (...a) => this.directory.markInviteUsed(...a);

  // managed invites, password changes (invites-sql.ts)
  getInvite: Storage['getInvite'] = (...a) => this.invites.getInvite(...a);
  listPendingInvites: Storage['listPendingInvites'] = (...a) => this.invites.listPendingInvites(...a);
  revokeInvite: Storage['revokeInvite'] = (...a) => this.invites.revokeInvite(...a);
  reissueInvite: Storage['reissueInvite'] = (...a) => this.invites.reissueInvite(...a);
  setPasswordHash: Storage['setPasswordHash'] = (...a) => this.invites.setPasswordHash(...a);
  deleteSessionsOfUser: Storage['deleteSessionsOfUser'] = (...a) => this.invites.deleteSessionsOfUser(...a);

  // mail queue, jobs, preferences, unsubscribe and password-reset tokens (mail-sql.ts)
  createPasswordReset: Storage['createPasswordReset'] = (...a) => this.mail.createPasswordReset(...a);
  usePasswordReset: Storage['usePasswordReset'] = (...a) => this.mail.usePasswordReset(...a);
  enqueueMail: Storage['enqueueMail'] = (...a) => this.mail.enqueueMail(...a);
  claimMail: Storage['claimMail'] = (...a) => this.mail.claimMail(...a);
  markMailSent: Storage['markMailSent'] = (...a) => this.mail.markMailSent(...a);
  markMailFailed: Storage['markMailFailed'] = (...a) => this.mail.markMailFailed(...a);
  getMail: Storage['getMail'] = (...a) => this.mail.getMail(...a);
  listMail: Storage['listMail'] = (...a) => this.mail.listMail(...a);
  countMailByStatus: Storage['countMailByStatus'] = () => this.mail.countMailByStatus();
  scheduleMailJob: Storage['scheduleMailJob'] = (...a) => this.mail.scheduleMailJob(...a);
  getMailJob: Storage['getMailJob'] = (...a) => this.mail.getMailJob(...a);
  claimMailJobs: Storage['claimMailJobs'] = (...a) => this.mail.claimMailJobs(...a);
  completeMailJob: Storage['completeMailJob'] = (...a) => this.mail.completeMailJob(...a);
  nextMailDue: Storage['nextMailDue'] = (...a) => this.mail.nextMailDue(...a);
  getMailPreferences: Storage['getMailPreferences'] = (...a) => this.mail.getMailPreferences(...a);
  setMailPreference: Storage['setMailPreference'] = (...a) => this.mail.setMailPreference(...a);
  createUnsubscribeToken: Storage['createUnsubscribeToken'] = (...a) => this.mail.createUnsubscribeToken(...a);
  unsubscribeToken: Storage['unsubscribeToken'] = (...a) => this.mail.unsubscribeToken(...a);

  // update prompts and pre-meeting updates (prep-sql.ts)
  getUpdatePrompts: Storage['getUpdatePrompts'] = (...a) => this.prep.getUpdatePrompts(...a);
  setUpdatePrompts: Storage['setUpdatePrompts'] = (...a) => this.prep.setUpdatePrompts(...a);
  putMemberUpdate: Storage['putMemberUpdate'] = (...a) => this.prep.putMemberUpdate(...a);
  listMemberUpdates: Storage['listMemberUpdates'] = (...a) => this.prep.listMemberUpdates(...a);
  putRsvp: Storage['putRsvp'] = (...a) => this.prep.putRsvp(...a);
  listRsvps: Storage['listRsvps'] = (...a) => this.prep.listRsvps(...a);
  getAttendanceRule: Storage['getAttendanceRule'] = (...a) => this.prep.getAttendanceRule(...a);
  setAttendanceRule: Storage['setAttendanceRule'] = (...a) => this.prep.setAttendanceRule(...a);

  // group kinds: companion and special-interest groups (groupKinds-sql.ts)
  setGroupKind: Storage['setGroupKind'] = (...a) => this.groupKinds.setGroupKind(...a);
  listCompanionGroups: Storage['listCompanionGroups'] = (...a) => this.groupKinds.listCompanionGroups(...a);
  setMembershipCompany: Storage['setMembershipCompany'] = (...a) => this.groupKinds.setMembershipCompany(...a);
  membershipCompany: Storage['membershipCompany'] = (...a) => this.groupKinds.membershipCompany(...a);
  setInviteCompany: Storage['setInviteCompany'] = (...a) => this.groupKinds.setInviteCompany(...a);
  inviteCompany: Storage['inviteCompany'] = (...a) => this.groupKinds.inviteCompany(...a);
  listCompanionsOfOwner: Storage['listCompanionsOfOwner'] = (...a) => this.groupKinds.listCompanionsOfOwner(...a);
  createJoinRequest: Storage['createJoinRequest'] = (...a) => this.groupKinds.createJoinRequest(...a);
  getJoinRequest: Storage['getJoinRequest'] = (...a) => this.groupKinds.getJoinRequest(...a);
  listJoinRequests: Storage['listJoinRequests'] = (...a) => this.groupKinds.listJoinRequests(...a);
  listJoinRequestsOf: Storage['listJoinRequestsOf'] = (...a) => this.groupKinds.listJoinRequestsOf(...a);
  decideJoinRequest: Storage['decideJoinRequest'] = (...a) => this.groupKinds.decideJoinRequest(...a);

  // the parking lot (parking-sql.ts)
  createParkingItem: Storage['createParkingItem'] = (...a) => this.parking.createParkingItem(...a);
  getParkingItem: Storage['getParkingItem'] = (...a) => this.parking.getParkingItem(...a);
  listParkingItems: Storage['listParkingItems'] = (...a) => this.parking.listParkingItems(...a);
  updateParkingItem: Storage['updateParkingItem'] = (...a) => this.parking.updateParkingItem(...a);

  // agenda templates, meetings and their live state (meetings-sql.ts)
  createTemplate: Storage['createTemplate'] = (...a) => this.meetings.createTemplate(...a);
  getTemplate: Storage['getTemplate'] = (...a) => this.meetings.getTemplate(...a);
  listTemplates: Storage['listTemplates'] = (...a) => this.meetings.listTemplates(...a);
  updateTemplate: Storage['updateTemplate'] = (...a) => this.meetings.updateTemplate(...a);
  deleteTemplate: Storage['deleteTemplate'] = (...a) => this.meetings.deleteTemplate(...a);
  createMeeting: Storage['createMeeting'] = (...a) => this.meetings.createMeeting(...a);
  getMeeting: Storage['getMeeting'] = (...a) => this.meetings.getMeeting(...a);
  updateMeeting: Storage['updateMeeting'] = (...a) => this.meetings.updateMeeting(...a);
  listMeetings: Storage['listMeetings'] = (...a) => this.meetings.listMeetings(...a);
  getMeetingState: Storage['getMeetingState'] = (...a) => this.meetings.getMeetingState(...a);
  saveMeetingState: Storage['saveMeetingState'] = (...a) => this.meetings.saveMeetingState(...a);
  saveMeetingStates: Storage['saveMeetingStates'] = (...a) => this.meetings.saveMeetingStates(...a);
  /** Only where the driver can write at once (SQLite): see the constructor. */
  readonly saveMeetingStatesNow: Storage['saveMeetingStatesNow'];
  reserveNextMeeting: Storage['reserveNextMeeting'] = (...a) => this.meetings.reserveNextMeeting(...a);
  getNextMeetingId: Storage['getNextMeetingId'] = (...a) => this.meetings.getNextMeetingId(...a);

  // collaborative documents (docs-sql.ts)
  appendDocUpdate: Storage['appendDocUpdate'] = (name, update) => this.appendDocUpdates(name, [update]);
  appendDocUpdates: Storage['appendDocUpdates'] = async (name, updates) => (await this.appendDocBatch([{ docName: name, updates }]))[0]!;
  // The backend's own path when it has one (SQLite's write-behind), except inside a transaction,
  // whose statements must run in it.
  appendDocBatch: Storage['appendDocBatch'] = (appends) => (this.hotWrites ? this.hotWrites.appendDocBatch(appends) : this.docs.appendDocBatch(appends));
  loadDoc: Storage['loadDoc'] = (name, afterSeq) => this.docs.loadDoc(name, afterSeq);
  compactDoc: Storage['compactDoc'] = (name, merge) => this.docs.compactDoc(name, merge);
  listDocNames: Storage['listDocNames'] = (prefix) => this.docs.listDocNames(prefix);

  // custom KPIs, figures, goals (records-sql.ts)
  listCustomKpis: Storage['listCustomKpis'] = (groupId) => this.records.listCustomKpis(groupId);
  createCustomKpi: Storage['createCustomKpi'] = (def) => this.records.createCustomKpi(def);
  upsertFigures: Storage['upsertFigures'] = (rows) => this.records.upsertFigures(rows);
  deleteFigure: Storage['deleteFigure'] = (g, u, q, k) => this.records.deleteFigure(g, u, q, k);
  listFigures: Storage['listFigures'] = (groupId, range) => this.records.listFigures(groupId, range);
  figuresStamp: Storage['figuresStamp'] = (groupId, range) => this.records.figuresStamp(groupId, range);
  listFiguresInNetwork: Storage['listFiguresInNetwork'] = (networkId, quarter) => this.records.listFiguresInNetwork(networkId, quarter);
  createGoal: Storage['createGoal'] = (goal) => this.records.createGoal(goal);
  getGoal: Storage['getGoal'] = (id) => this.records.getGoal(id);
  updateGoal: Storage['updateGoal'] = (id, patch) => this.records.updateGoal(id, patch);
  deleteGoal: Storage['deleteGoal'] = (id) => this.records.deleteGoal(id);
  listGoals: Storage['listGoals'] = (groupId, filter) => this.records.listGoals(groupId, filter);
  getCarriedGoal: Storage['getCarriedGoal'] = (goalId) => this.records.getCarriedGoal(goalId);
  changeCarriedGoal: Storage['changeCarriedGoal'] = (id, change) => this.records.changeCarriedGoal(id, change);

  // the resource library (resources-sql.ts)
  createResource: Storage['createResource'] = (r) => this.resources.createResource(r);
  getResource: Storage['getResource'] = (id) => this.resources.getResource(id);
  getResourceFile: Storage['getResourceFile'] = (id) => this.resources.getResourceFile(id);
  listResources: Storage['listResources'] = (groupId, filter) => this.resources.listResources(groupId, filter);
  deleteResource: Storage['deleteResource'] = (id) => this.resources.deleteResource(id);

  // full-text search (search-sql.ts) and calendar feeds (calendar-sql.ts)
  upsertSearchEntries: Storage['upsertSearchEntries'] = (entries) => this.searchSql.upsertSearchEntries(entries);
  deleteSearchEntries: Storage['deleteSearchEntries'] = (groupId, prefix, keep) => this.searchSql.deleteSearchEntries(groupId, prefix, keep);
  search: Storage['search'] = (query) => this.searchSql.search(query);
  setCalendarFeed: Storage['setCalendarFeed'] = (userId, hash, at) => this.calendar.setCalendarFeed(userId, hash, at);
  deleteCalendarFeed: Storage['deleteCalendarFeed'] = (userId) => this.calendar.deleteCalendarFeed(userId);
  calendarFeedUser: Storage['calendarFeedUser'] = (hash) => this.calendar.calendarFeedUser(hash);

  // my data (mydata-sql.ts)
  deleteDocs: Storage['deleteDocs'] = (...a) => this.myData.deleteDocs(...a);
  anonymizeUser: Storage['anonymizeUser'] = (...a) => this.myData.anonymizeUser(...a);

  // group norms (norms-sql.ts)
  getGroupNorms: Storage['getGroupNorms'] = (...a) => this.norms.getGroupNorms(...a);
  setGroupNorms: Storage['setGroupNorms'] = (...a) => this.norms.setGroupNorms(...a);
  acceptNorms: Storage['acceptNorms'] = (...a) => this.norms.acceptNorms(...a);
  listNormsAcceptances: Storage['listNormsAcceptances'] = (...a) => this.norms.listNormsAcceptances(...a);
  listUserNormsAcceptances: Storage['listUserNormsAcceptances'] = (...a) => this.norms.listUserNormsAcceptances(...a);

  static over(db: SqlDriver): SqlStorage {
    return new SqlStorage(db, true, new TxContext());
  }

  /**
   * Using the root handle inside transaction() would run outside the transaction (PostgreSQL)
   * or wait forever for it to finish (SQLite's single connection), so it is refused in both.
   */
  private guard(): void {
    if (this.isRoot && this.txContext.active) {
      throw new Error('storage: root handle used inside transaction(); use the tx handle passed to fn');
    }
  }
  private all<R>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    this.guard();
    return this.db.all<R>(sql, params);
  }
  private run(sql: string, params: readonly SqlParam[]): Promise<number> {
    this.guard();
    return this.db.run(sql, params);
  }
  private runIfFree(sql: string, params: readonly SqlParam[]): number | null {
    this.guard();
    return this.db.runIfFree?.(sql, params) ?? null;
  }
  /** Several statements as one unit: a transaction, or a savepoint on a tx handle. */
  private atomic<T>(fn: (db: SqlDriver) => Promise<T>): Promise<T> {
    this.guard();
    return this.db.transaction(fn);
  }

  async migrate(): Promise<void> {
    this.guard();
    await applyMigrations(this.db);
    await this.db.migrated?.();
  }

  async close(): Promise<void> {
    if (!this.isRoot) throw new Error('storage: close the root storage, not a transaction handle');
    await this.db.close();
  }

  async transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T> {
    this.guard();
    if (!this.isRoot) return this.db.transaction((tx) => fn(new SqlStorage(tx, false, this.txContext)));
    return this.db.transaction((tx) => this.txContext.run(() => fn(new SqlStorage(tx, false, this.txContext))));
  }
}
