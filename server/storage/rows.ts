// Database rows (snake_case, JSON as text, BIGINT possibly as string) -> domain objects.
// Shared by both backends so they return identical shapes.
import type { GroupKind, InterestSegment } from '../../shared/groupKinds.ts';
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
  Network,
  User,
} from '../../shared/domain.ts';
import type { InviteRecord, SessionRecord, UserRecord } from './types.ts';
import type { ProtocolChoice } from '../../shared/meeting/hotseatProtocol.ts';

/** pg returns BIGINT and COUNT(*) as strings (they may exceed 2^53); ours never do. */
export type DbInt = number | string | bigint;
export const toInt = (v: DbInt | null | undefined): number => (v == null ? 0 : Number(v));

/** Copies driver buffers (Node Buffers, possibly views on a shared pool) into plain Uint8Arrays. */
export const toBytes = (v: Uint8Array): Uint8Array => new Uint8Array(v);

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}
export const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at });
export const toUserRecord = (r: UserRow): UserRecord => ({ ...toUser(r), passwordHash: r.password_hash });

export interface SessionRow {
  token_hash: string;
  id: string;
  user_id: string;
  user_agent: string;
  expires_at: string;
  created_at: string;
  last_seen_at: string | null;
}
export const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash,
  id: r.id,
  userId: r.user_id,
  userAgent: r.user_agent,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at ?? r.created_at,
});

export interface NetworkRow {
  id: string;
  name: string;
  currency: string;
  created_at: string;
}
export const toNetwork = (r: NetworkRow): Network => ({ id: r.id, name: r.name, currency: r.currency, createdAt: r.created_at });

export interface GroupRow {
  id: string;
  network_id: string;
  name: string;
  leadership: string;
  format: string;
  tags: string;
  observers_see_financials: DbInt;
  currency: string | null;
  observers_in_room: DbInt;
  observers_see_hot_seat: DbInt;
  review_shows_benchmarks: DbInt;
  group_kind?: string | null;
  companion_of?: string | null;
  interest_segment?: string | null;
  created_at: string;
}
export const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  networkId: r.network_id,
  name: r.name,
  leadership: r.leadership as Leadership,
  format: r.format as MeetingFormat,
  tags: JSON.parse(r.tags) as string[],
  observersSeeFinancials: toInt(r.observers_see_financials) === 1,
  currency: r.currency ?? null,
  observersInRoom: toInt(r.observers_in_room) === 1,
  observersSeeHotSeat: toInt(r.observers_see_hot_seat) === 1,
  reviewShowsBenchmarks: toInt(r.review_shows_benchmarks) === 1,
  kind: (r.group_kind ?? 'core') as GroupKind,
  companionOf: r.companion_of ?? null,
  segment: r.interest_segment ? (JSON.parse(r.interest_segment) as InterestSegment) : null,
  createdAt: r.created_at,
});

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: string;
  company: string | null;
}
export const toMember = (r: MemberRow): GroupMember => ({
  userId: r.user_id,
  name: r.name,
  email: r.email,
  role: r.role as GroupRole,
  company: r.company,
});

export interface InviteRow {
  id: string;
  token_hash: string;
  group_id: string;
  role: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  created_at: string;
  email: string | null;
  revoked_at: string | null;
}
export const toInvite = (r: InviteRow): Invite => ({
  id: r.id,
  groupId: r.group_id,
  role: r.role as GroupRole,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  usedBy: r.used_by,
  createdAt: r.created_at,
  email: r.email,
  revokedAt: r.revoked_at,
});
export const toInviteRecord = (r: InviteRow): InviteRecord => ({ ...toInvite(r), tokenHash: r.token_hash });

export interface TemplateRow {
  id: string;
  group_id: string | null;
  name: string;
  items: string;
  created_at: string;
  /** JSON ProtocolChoice; null for templates saved before protocols (classic). */
  hotseat_protocol: string | null;
}
export const toTemplate = (r: TemplateRow): AgendaTemplate => ({
  id: r.id,
  groupId: r.group_id,
  name: r.name,
  items: JSON.parse(r.items) as AgendaTemplateItem[],
  protocol: r.hotseat_protocol ? (JSON.parse(r.hotseat_protocol) as ProtocolChoice) : { preset: 'classic' },
  createdAt: r.created_at,
});

export interface MeetingRow {
  id: string;
  group_id: string;
  quarter: string;
  title: string;
  starts_at: string;
  time_zone: string;
  location: string | null;
  online_url: string | null;
  status: string;
  created_at: string;
  recap_final_at?: string | null;
  /** JSON MeetingDay[]; NULL for meetings scheduled before days existed (migration 35). */
  days?: string | null;
}
export const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  groupId: r.group_id,
  quarter: r.quarter,
  title: r.title,
  startsAt: r.starts_at,
  timeZone: r.time_zone,
  location: r.location,
  onlineUrl: r.online_url,
  days: r.days ? (JSON.parse(r.days) as MeetingDay[]) : [],
  status: r.status as MeetingStatus,
  createdAt: r.created_at,
  recapFinalAt: r.recap_final_at ?? null,
});

// Text ordering is done here rather than in SQL: PostgreSQL sorts by the database's collation
// and SQLite by bytes, so ORDER BY name would differ between the backends.
// Made on the first compare, not at import: a collator maps ICU's collation data, about 3 MB of
// RSS that a node carries from start-up although nothing is sorted until a list is asked for.
let collator: Intl.Collator | undefined;
const compareNames = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b);
/** Byte-order compare for ids and ISO timestamps, the same everywhere. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Human order for names, with the id as a stable tie-breaker. */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  compareNames(a.name, b.name) || byCode(a.id, b.id);

const ROLE_RANK: Record<GroupRole, number> = { coach: 0, member: 1, observer: 2 };
/** Coach first, then members, then observers; by name within a role. */
export const byRoleThenName = (a: GroupMember, b: GroupMember): number =>
  ROLE_RANK[a.role] - ROLE_RANK[b.role] || compareNames(a.name, b.name) || byCode(a.userId, b.userId);
