// The one storage interface. SQLite and PostgreSQL implement it; contract.test-suite.ts runs
// the same tests against both. All methods are async so either backend fits.
import type {
  AgendaTemplate,
  AgendaTemplateItem,
  Group,
  GroupMember,
  GroupRole,
  Invite,
  Leadership,
  Meeting,
  MeetingFormat,
  MeetingStatus,
  Network,
  User,
} from '../../shared/domain.ts';
import type { KpiDefinition, KpiFigure } from '../../shared/financials/types.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { Resource } from '../../shared/resources.ts';

export interface UserRecord extends User {
  passwordHash: string;
}

export interface SessionRecord {
  /** sha256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  expiresAt: string;
  createdAt: string;
}

export interface InviteRecord extends Invite {
  /** sha256 of the invite token; the token is shown once to its creator. */
  tokenHash: string;
}

export interface NewGroup {
  networkId: string;
  name: string;
  leadership: Leadership;
  format: MeetingFormat;
  tags: string[];
  /** false when omitted. */
  observersSeeFinancials?: boolean;
}

export interface NewMeeting {
  groupId: string;
  quarter: string;
  title: string;
  startsAt: string;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
}

export interface MeetingPatch {
  quarter?: string;
  title?: string;
  startsAt?: string;
  timeZone?: string;
  location?: string | null;
  onlineUrl?: string | null;
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

export type GoalPatch = Partial<Pick<Goal, 'text' | 'target' | 'dueDate' | 'status' | 'comment' | 'progress' | 'vague' | 'meetingId'>>;

export interface Storage {
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
  createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;

  // networks and organisers
  createNetwork(n: { id: string; name: string }): Promise<Network>;
  getNetwork(id: string): Promise<Network | null>;
  addOrganiser(networkId: string, userId: string): Promise<void>;
  isOrganiser(networkId: string, userId: string): Promise<boolean>;
  listOrganisedNetworks(userId: string): Promise<Network[]>;

  // groups and memberships
  createGroup(g: NewGroup & { id: string }): Promise<Group>;
  updateGroup(id: string, patch: Partial<Omit<NewGroup, 'networkId'>>): Promise<Group | null>;
  getGroup(id: string): Promise<Group | null>;
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
  createInvite(i: { id: string; tokenHash: string; groupId: string; role: GroupRole; createdBy: string; expiresAt: string }): Promise<Invite>;
  getInviteByTokenHash(tokenHash: string): Promise<InviteRecord | null>;
  /** Marks the invite used if it is still unused; false if someone else used it first. */
  markInviteUsed(id: string, userId: string, at: string): Promise<boolean>;

  // agenda templates
  createTemplate(t: { id: string; groupId: string; name: string; items: AgendaTemplateItem[] }): Promise<AgendaTemplate>;
  getTemplate(id: string): Promise<AgendaTemplate | null>;
  listTemplates(groupId: string): Promise<AgendaTemplate[]>;

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

  // collaborative documents (Yjs): an append-only update log plus an optional snapshot
  /** Appends one Yjs update; resolves once it is durable. Returns its sequence number. */
  appendDocUpdate(docName: string, update: Uint8Array): Promise<number>;
  /** Appends several updates in one transaction (batched writes within a tick). */
  appendDocUpdates(docName: string, updates: Uint8Array[]): Promise<number>;
  /** The snapshot (if any) and every update stored after it, in order. */
  loadDoc(docName: string): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[]; lastSeq: number }>;
  /** Replaces the snapshot and deletes updates with seq <= uptoSeq, atomically. */
  compactDoc(docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
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
   * one of them is written, replaced, re-flagged or deleted (caches compare it, see
   * services/financialsCache.ts), and costs one aggregate query instead of the rows.
   */
  figuresStamp(groupId: string, range?: FigureRange): Promise<string>;
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
}

/**
 * Who may find an entry: 'members' (coach, members, organisers: full notes, confidential
 * commitments), 'observers' (the copy of notes without "stays in the room" blocks), 'all'.
 */
export type SearchVisibility = 'members' | 'observers' | 'all';

export interface SearchEntry {
  /** e.g. "notes:<docName>:full", "commitment:<meetingId>:<id>", "goal:<id>", "resource:<id>". */
  id: string;
  groupId: string;
  meetingId: string | null;
  itemId: string | null;
  kind: 'notes' | 'commitment' | 'goal' | 'resource';
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
