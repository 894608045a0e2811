// The one storage interface. SQLite and PostgreSQL implement it; contract.ts runs
// the same tests against both. All methods are async so either backend fits, but one:
// saveMeetingStatesNow, optional, offered only where the connection is in this process (SQLite).
import type { PrepStore } from './prep-sql.ts';
import type { LibraryStore } from './library-sql.ts';
import type { ParkingStore } from './parking-sql.ts';
import type { MailStore } from './mailStore.ts';
import type { NetworkStore } from './networkStore.ts';
import type { EventStore } from './events-sql.ts';
import type { GroupKindStore } from './groupKinds-sql.ts';
import type { GroupKind, InterestSegment } from '../../shared/groupKinds.ts';
export type { MailAttachment, MailJob, MailRecord, NewMail, NewMailJob } from './mailStore.ts';
import type {
  AgendaTemplate,
  AgendaTemplateItem,
  Group,
  GroupMember,
  GroupRole,
  Invite,
  Leadership,
  Meeting,
  MeetingDay,
  MeetingFormat,
  MeetingStatus,
  User,
} from '../../shared/domain.ts';
import type { SearchVisibility } from '../../shared/access/index.ts';
import type { KpiDefinition, KpiFigure } from '../../shared/financials/types.ts';
import type { Goal, GoalDrop, GoalReword } from '../../shared/goals/types.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { GroupNorms, NormsText } from '../../shared/norms.ts';
import type { Resource } from '../../shared/resources.ts';
import type { ProtocolChoice } from '../../shared/meeting/hotseatProtocol.ts';

export interface UserRecord extends User {
  passwordHash: string;
}

export interface SessionRecord {
  /** sha256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  /** Public id, shown on the account page and used to end this session; not a secret. */
  id: string;
  userId: string;
  /** The browser's User-Agent when the session was opened ('' when none was sent). */
  userAgent: string;
  expiresAt: string;
  createdAt: string;
  /** Last use, refreshed at most every LIMITS.sessionTouchIntervalMs. */
  lastSeenAt: string;
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  expiresAt: string;
  /** Defaults to a prefix of tokenHash (kept for callers that do not care). */
  id?: string;
  userAgent?: string;
}

/** Failed sign-ins counted under one throttle key (a hashed account or address). */
export interface LoginThrottle {
  key: string;
  failures: number;
  lastFailureAt: string;
}

export interface InviteRecord extends Invite {
  /** sha256 of the invite token; the token is shown once to its creator. */
  tokenHash: string;
}

/** A pending invite as listed, with the name of the company it names (companion groups; null when none, or when that company is gone). */
export interface PendingInviteRecord extends Invite {
  companyName: string | null;
}

export interface NewGroup {
  networkId: string;
  name: string;
  leadership: Leadership;
  format: MeetingFormat;
  tags: string[];
  /** false when omitted. */
  observersSeeFinancials?: boolean;
  /** null (the network's) when omitted. */
  currency?: string | null;
  /** false when omitted (only a patch turns it on). */
  reviewShowsBenchmarks?: boolean;
  /** false when omitted. */
  observersInRoom?: boolean;
  /** false when omitted. */
  observersSeeHotSeat?: boolean;
  /** 'core' (and no parent, no segment) when omitted. */
  kind?: GroupKind;
  companionOf?: string | null;
  segment?: InterestSegment | null;
}

/** A group's template as created; protocol omitted: classic. */
export interface NewTemplate {
  id: string;
  groupId: string;
  name: string;
  items: AgendaTemplateItem[];
  protocol?: ProtocolChoice;
}
export type TemplateUpdate = { name: string; items: AgendaTemplateItem[]; protocol?: ProtocolChoice };

export interface NewMeeting {
  groupId: string;
  quarter: string;
  title: string;
  startsAt: string;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  days: MeetingDay[];
}

export interface MeetingPatch {
  quarter?: string;
  title?: string;
  startsAt?: string;
  timeZone?: string;
  location?: string | null;
  onlineUrl?: string | null;
  days?: MeetingDay[];
  status?: MeetingStatus;
  recapFinalAt?: string | null;
}

/** A figure to write; the storage stamps updatedAt. */
export type FigureInput = Omit<KpiFigure, 'updatedAt'>;

/** Inclusive quarter bounds ("2026-Q1".."2026-Q4") and an optional member. */
export interface FigureRange {
  fromQuarter?: string;
  toQuarter?: string;
  userId?: string;
}

/** Quarters from and to (inclusive), of every member. */
export type QuarterRange = Omit<FigureRange, 'userId'>;

/** A figure with its member's company, for network benchmarks (one value per company). */
export interface NetworkFigure extends KpiFigure {
  company: string | null;
}

export interface GoalFilter {
  quarter?: string;
  userId?: string;
}

/**
 * A resource to store; the storage stamps its size (for a file) and createdAt, unless given
 * one (the demo's past meetings keep the time they were held).
 */
export type NewResource = Omit<Resource, 'createdAt' | 'size'> & { data: Uint8Array | null; createdAt?: string };

export interface ResourceFilter {
  meetingId?: string;
}

/** A carried goal dropped, or reworded from previousText (the wording the caller saw). */
export type CarriedGoalChange = { dropped: GoalDrop } | { text: string; previousText: string; reworded: GoalReword };

export type GoalPatch = Partial<Pick<Goal, 'text' | 'target' | 'dueDate' | 'status' | 'comment' | 'progress' | 'vague' | 'meetingId'>>;

/** One doc's updates in appendDocBatch. */
export interface DocAppend {
  docName: string;
  updates: Uint8Array[];
}

/** The write a live meeting makes most (a keystroke's notes updates), when a backend stores it its own way. */
export interface HotWrites {
  appendDocBatch(appends: readonly DocAppend[]): Promise<number[]>;
}

/** One compare-and-set of saveMeetingStates. */
export interface MeetingStateSave {
  meetingId: string;
  state: MeetingState;
  expectedVersion: number;
  /**
   * The status of the state at expectedVersion, when the caller has it: the meetings row mirrors
   * the status, so when it did not change (every command but start and end) that row is not
   * touched. Without it the row is checked on every save.
   */
  previousStatus?: MeetingState['status'];
}

export interface Storage extends PrepStore, ParkingStore, MailStore, EventStore, LibraryStore, GroupKindStore, NetworkStore {
  /** Runs numbered migrations; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs fn in one transaction; fn must use the tx handle it is given. */
  transaction<T>(fn: (tx: Storage) => Promise<T>): Promise<T>;

  // users
  createUser(u: { id: string; email: string; name: string; passwordHash: string }): Promise<User>;
  getUser(id: string): Promise<User | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  countUsers(): Promise<number>;

  // sessions
  createSession(s: NewSession): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;

  // account security (accounts-sql.ts)
  /** The user's unexpired sessions at `now`, most recently used first. */
  listSessionsOfUser(userId: string, now: string): Promise<SessionRecord[]>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** Ends one of the user's sessions by its public id; false when the user has no such session. */
  deleteSessionOfUser(userId: string, id: string): Promise<boolean>;
  /** Ends every session of the user but the one kept; the public ids of those ended, sorted. */
  deleteOtherSessions(userId: string, keepTokenHash: string): Promise<string[]>;
  /** The counters stored for these keys (absent keys have none), sorted by key. */
  getLoginThrottles(keys: string[]): Promise<LoginThrottle[]>;
  /**
   * Compare-and-set: writes `next` only if the stored counter is still `expected` (null: no row
   * yet). False when another attempt changed it first; the caller reads again.
   */
  setLoginThrottle(next: LoginThrottle, expected: LoginThrottle | null): Promise<boolean>;
  deleteLoginThrottle(key: string): Promise<void>;
  /** Forgets counters whose last failure is before `at`; how many. */
  deleteLoginThrottlesBefore(at: string): Promise<number>;

  // groups and memberships
  createGroup(g: NewGroup & { id: string }): Promise<Group>;
  updateGroup(id: string, patch: Partial<Omit<NewGroup, 'networkId' | 'kind' | 'companionOf' | 'segment'>>): Promise<Group | null>;
  getGroup(id: string): Promise<Group | null>;
  /** The network's groups of people: event host groups (events-sql.ts) are not among them. */
  listGroupsInNetwork(networkId: string): Promise<Group[]>;
  /** Groups where the user has a membership, with that role. */
  listGroupsOfUser(userId: string): Promise<{ group: Group; role: GroupRole }[]>;
  /** Inserts or replaces the membership. */
  upsertMembership(m: { groupId: string; userId: string; role: GroupRole; company: string | null }): Promise<void>;
  getMembership(groupId: string, userId: string): Promise<{ role: GroupRole; company: string | null } | null>;
  removeMembership(groupId: string, userId: string): Promise<boolean>;
  listMembers(groupId: string): Promise<GroupMember[]>;
  /** Distinct member companies (role 'member') in the group. */
  countMemberCompanies(groupId: string): Promise<number>;

  // invites
  createInvite(i: { id: string; tokenHash: string; groupId: string; role: GroupRole; createdBy: string; expiresAt: string; email?: string | null }): Promise<Invite>;
  getInviteByTokenHash(tokenHash: string): Promise<InviteRecord | null>;
  /** Marks the invite used if it is still unused; false if someone else used it first. */
  markInviteUsed(id: string, userId: string, at: string): Promise<boolean>;
  getInvite(id: string): Promise<Invite | null>;
  /** Unused, unrevoked and unexpired at `now`, oldest first, each with its company's name (one read). */
  listPendingInvites(groupId: string, now: string): Promise<PendingInviteRecord[]>;
  /** False when already used or revoked. */
  revokeInvite(id: string, at: string): Promise<boolean>;
  /** Replaces the secret and expiry of a pending invite (re-send); false once used or revoked. */
  reissueInvite(id: string, tokenHash: string, expiresAt: string): Promise<boolean>;

  // password resets (mail-sql.ts, invites-sql.ts)
  createPasswordReset(r: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** Marks the reset used if it is unused and unexpired at `at`; its user, else null. */
  usePasswordReset(tokenHash: string, at: string): Promise<string | null>;
  setPasswordHash(userId: string, passwordHash: string): Promise<boolean>;
  deleteSessionsOfUser(userId: string): Promise<number>;

  // agenda templates
  createTemplate(t: NewTemplate): Promise<AgendaTemplate>;
  getTemplate(id: string): Promise<AgendaTemplate | null>;
  listTemplates(groupId: string): Promise<AgendaTemplate[]>;
  /** Replaces name and items; null for an unknown id. */
  /** protocol undefined: the template keeps its protocol. */
  updateTemplate(id: string, t: TemplateUpdate): Promise<AgendaTemplate | null>;
  /** false for an unknown id. Meetings scheduled from it keep their agenda. */
  deleteTemplate(id: string): Promise<boolean>;

  // meetings and their live state
  createMeeting(m: NewMeeting & { id: string }, state: MeetingState): Promise<Meeting>;
  getMeeting(id: string): Promise<Meeting | null>;
  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | null>;
  listMeetings(groupId: string): Promise<Meeting[]>;
  getMeetingState(meetingId: string): Promise<MeetingState | null>;
  /**
   * Compare-and-set: stores the state only if the stored version is still expectedVersion (the
   * version the command was applied to); also mirrors state.status into the meeting row.
   * Returns false when another writer (any node) stored first, or the meeting has no state.
   * Throws if state.version is not above expectedVersion.
   */
  saveMeetingState(meetingId: string, state: MeetingState, expectedVersion: number): Promise<boolean>;
  /**
   * Several compare-and-sets (of different meetings) committed in one transaction: the writes of
   * many rooms within a tick. Each result is that save's saveMeetingState answer. If the
   * transaction fails, it throws and none of them is stored.
   */
  saveMeetingStates(saves: readonly MeetingStateSave[]): Promise<boolean[]>;
  /**
   * saveMeetingStates within the caller's turn, on a backend that can (SQLite, one UPDATE on its
   * connection; absent on PostgreSQL), for the usual save (one meeting, status unchanged) while
   * its connection is free. null when it cannot now, and nothing was stored (then
   * saveMeetingStates). Throws, as that rejects, when the write failed.
   */
  saveMeetingStatesNow?(saves: readonly MeetingStateSave[]): boolean[] | null;
  /**
   * Links the meeting to the one scheduled at its closing, unless it already has one (any node,
   * any race: the first link stays). Returns the linked id: `candidateId` when it won, else the
   * earlier one. The linked meeting may not exist yet (its creator is still writing it).
   */
  reserveNextMeeting(meetingId: string, candidateId: string): Promise<string>;
  getNextMeetingId(meetingId: string): Promise<string | null>;

  // collaborative documents (Yjs): an append-only update log plus an optional snapshot
  /** Appends one Yjs update; resolves once it is durable. Returns its sequence number. */
  appendDocUpdate(docName: string, update: Uint8Array): Promise<number>;
  /** Appends several updates in one transaction (batched writes within a tick). */
  appendDocUpdates(docName: string, updates: Uint8Array[]): Promise<number>;
  /**
   * appendDocUpdates for several docs in one transaction (the notes of many docs arriving within
   * a tick); answers each entry's last seq, in order. If the transaction fails, it throws and
   * nothing is stored.
   */
  appendDocBatch(appends: readonly DocAppend[]): Promise<number[]>;
  /**
   * The snapshot (if any) and every update stored after it, in order; updates hold the gapless
   * seqs lastSeq-updates.length+1..lastSeq. With afterSeq (a reader that holds everything up to
   * it): only updates after it, and the snapshot only if it covers more than afterSeq.
   */
  loadDoc(docName: string, afterSeq?: number): Promise<StoredDoc>;
  /**
   * Compaction from storage, by any node: under a per-doc lock, merges the stored snapshot with
   * the stored updates up to the committed head, stores the result as the snapshot and deletes
   * exactly the updates merged. Concurrent compactions of one doc run one after the other.
   * merge must be pure (it runs inside the transaction); if it throws, nothing changes.
   */
  compactDoc(docName: string, merge: DocMerge): Promise<{ uptoSeq: number; merged: number }>;
  /** Names of stored docs starting with prefix (e.g. "meeting:<id>:"), for exports and search. */
  listDocNames(prefix: string): Promise<string[]>;

  // financial review (records-sql.ts)
  /** The group's own KPIs in the order they were added (defaults are DEFAULT_KPIS in shared code). */
  listCustomKpis(groupId: string): Promise<KpiDefinition[]>;
  /** Refuses (UniqueViolationError) a key the group already has. */
  createCustomKpi(def: KpiDefinition & { groupId: string }): Promise<KpiDefinition>;
  /** Inserts or replaces each figure (one per group, member, quarter, KPI); all or none. */
  upsertFigures(rows: readonly FigureInput[]): Promise<KpiFigure[]>;
  deleteFigure(groupId: string, userId: string, quarter: string, kpiKey: string): Promise<boolean>;
  /** Ordered by quarter, member, KPI. */
  listFigures(groupId: string, range?: FigureRange): Promise<KpiFigure[]>;
  /**
   * A fingerprint of the figures listFigures(groupId, range) would return: it changes whenever
   * one of them is written, replaced, re-flagged or deleted, by any writer (caches compare it,
   * see services/financialsCache.ts), and a write in another quarter leaves it alone. One
   * indexed read of versions the database bumps on every figure write, not of the figures.
   */
  figuresStamp(groupId: string, range?: QuarterRange): Promise<string>;
  /** Figures of one quarter from every group of the network, by members only, with their company. */
  listFiguresInNetwork(networkId: string, quarter: string): Promise<NetworkFigure[]>;

  // goals (records-sql.ts)
  /** Refuses (UniqueViolationError) a second carry-over of the same goal. */
  createGoal(goal: Goal): Promise<Goal>;
  getGoal(id: string): Promise<Goal | null>;
  /** Changes the patched fields and stamps updatedAt; null for an unknown id. */
  updateGoal(id: string, patch: GoalPatch): Promise<Goal | null>;
  deleteGoal(id: string): Promise<boolean>;
  /** Ordered by quarter, then creation. */
  listGoals(groupId: string, filter?: GoalFilter): Promise<Goal[]>;
  /** The goal that continues goalId (its carry-over), or null. */
  getCarriedGoal(goalId: string): Promise<Goal | null>;
  /** Drops or rewords an open, undropped goal (a rewording only from previousText); null when it is not (any more). */
  changeCarriedGoal(id: string, change: CarriedGoalChange): Promise<Goal | null>;

  // resource library (resources-sql.ts)
  /** Stores the resource and, for a file, its bytes, in one unit. */
  createResource(r: NewResource): Promise<Resource>;
  getResource(id: string): Promise<Resource | null>;
  /** A file resource with its bytes; null for a link or an unknown id. */
  getResourceFile(id: string): Promise<{ resource: Resource; data: Uint8Array } | null>;
  /** Newest first. */
  listResources(groupId: string, filter?: ResourceFilter): Promise<Resource[]>;
  deleteResource(id: string): Promise<boolean>;

  // full-text search (search-sql.ts)
  /** Inserts or replaces entries by id. */
  upsertSearchEntries(entries: readonly SearchEntry[]): Promise<void>;
  /** Deletes the group's entries whose id starts with idPrefix, except the ids in keep. */
  deleteSearchEntries(groupId: string, idPrefix: string, keep?: readonly string[]): Promise<number>;
  /** Ranked hits with a snippet whose matches are wrapped in \u0002 … \u0003. */
  search(query: SearchQuery): Promise<SearchHit[]>;

  // calendar feeds (calendar-sql.ts)
  /** Sets the user's feed secret (its hash), replacing and so revoking any earlier one. */
  setCalendarFeed(userId: string, tokenHash: string, at: string): Promise<void>;
  deleteCalendarFeed(userId: string): Promise<boolean>;
  /** The user a feed secret belongs to, or null (unknown or revoked). */
  calendarFeedUser(tokenHash: string): Promise<string | null>;

  // my data: leaving a group, deleting an account (mydata-sql.ts)
  /** Deletes whole documents (updates, snapshot, head); unknown names are skipped. Returns how many existed. */
  deleteDocs(names: readonly string[]): Promise<number>;
  /** Name "Former member", an unusable address and password; the row stays for the records that point at it. */
  anonymizeUser(userId: string): Promise<boolean>;

  // group norms (norms-sql.ts)
  /** The group's own norms, or null while it uses the defaults. */
  getGroupNorms(groupId: string): Promise<GroupNorms | null>;
  setGroupNorms(groupId: string, text: NormsText, userId: string): Promise<GroupNorms>;
  /** Records one acceptance (all are kept; the latest counts). */
  acceptNorms(groupId: string, userId: string, at: string): Promise<void>;
  /** Each user's latest acceptance in the group. */
  listNormsAcceptances(groupId: string): Promise<{ userId: string; acceptedAt: string }[]>;
  /** Every acceptance the user gave, in any group, oldest first. */
  listUserNormsAcceptances(userId: string): Promise<{ groupId: string; acceptedAt: string }[]>;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
}

/** Merges a stored snapshot (null if none yet) with stored updates, in seq order, into one snapshot. */
export type DocMerge = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array;

/**
 * Who may find an entry: 'members' (coach, members, organisers: full notes, confidential
 * commitments), 'observers' (the copy of notes without "stays in the room" blocks), 'all'.
 */
export type { SearchVisibility } from '../../shared/access/index.ts';

export interface SearchEntry {
  /** e.g. "notes:<docName>:full", "commitment:<meetingId>:<id>", "goal:<id>", "resource:<id>", "library:<entryId>" (groupId "network:<id>"). */
  id: string;
  groupId: string;
  meetingId: string | null;
  itemId: string | null;
  kind: 'notes' | 'commitment' | 'goal' | 'resource' | 'library';
  title: string;
  body: string;
  visibility: SearchVisibility;
  updatedAt: string;
}

export interface SearchQuery {
  text: string;
  groupIds: readonly string[];
  visibilities: readonly SearchVisibility[];
  limit: number;
}

export type SearchHit = Omit<SearchEntry, 'body'> & { snippet: string };
