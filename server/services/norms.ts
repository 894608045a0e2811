// Group norms: read (with the caller's standing), edit, accept, and who has not accepted.
import { mustAcceptNorms } from '../../shared/access/index.ts';
import { DEFAULT_NORMS, normsStanding, type GroupNorms, type NormsAcceptanceRow, type NormsAnswer, type NormsStanding, type NormsText } from '../../shared/norms.ts';
import { authorizeGroup, type Access } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';

type NormsStorage = Pick<Storage, 'getGroupNorms' | 'listNormsAcceptances'>;

/** The group's norms, the defaults until it writes its own. */
async function normsOf(storage: NormsStorage, groupId: string): Promise<GroupNorms> {
  return (await storage.getGroupNorms(groupId)) ?? { groupId, ...DEFAULT_NORMS, updatedAt: null, updatedBy: null };
}

/** The caller's standing: whether they must accept before the group page opens. */
export async function standingOf(storage: NormsStorage, access: Access, groupId: string, now = Date.now()): Promise<NormsStanding> {
  const required = mustAcceptNorms(access);
  const mine = required ? (await storage.listNormsAcceptances(groupId)).find((a) => a.userId === access.userId) : undefined;
  return normsStanding(required, mine?.acceptedAt ?? null, now);
}

export async function readNorms(storage: Storage, userId: string, groupId: string): Promise<NormsAnswer> {
  const { access } = await authorizeGroup(storage, userId, groupId, 'group.read');
  return { norms: await normsOf(storage, groupId), mine: await standingOf(storage, access, groupId) };
}

export async function editNorms(storage: Storage, userId: string, groupId: string, text: NormsText): Promise<NormsAnswer> {
  const { access } = await authorizeGroup(storage, userId, groupId, 'group.norms.edit');
  const norms = await storage.setGroupNorms(groupId, text, userId);
  return { norms, mine: await standingOf(storage, access, groupId) };
}

/** Anyone in the group may accept (a coach too, by choice); it counts for those who must. */
export async function acceptNorms(storage: Storage, userId: string, groupId: string, now = Date.now()): Promise<NormsAnswer> {
  const { access } = await authorizeGroup(storage, userId, groupId, 'group.read');
  await storage.acceptNorms(groupId, userId, new Date(now).toISOString());
  return { norms: await normsOf(storage, groupId), mine: await standingOf(storage, access, groupId, now) };
}

/** Every member and observer with their latest acceptance: the coach's view (group.norms.review). */
export async function normsAcceptances(storage: Storage, userId: string, groupId: string, now = Date.now()): Promise<NormsAcceptanceRow[]> {
  await authorizeGroup(storage, userId, groupId, 'group.norms.review');
  return acceptanceRows(storage, groupId, now);
}

/** Without the authorization: for callers that checked a right of their own (readiness). */
export async function acceptanceRows(storage: Pick<Storage, 'listMembers' | 'listNormsAcceptances'>, groupId: string, now = Date.now()): Promise<NormsAcceptanceRow[]> {
  const [members, accepted] = await Promise.all([storage.listMembers(groupId), storage.listNormsAcceptances(groupId)]);
  const latest = new Map(accepted.map((a) => [a.userId, a.acceptedAt]));
  return members.flatMap((m) => {
    if (!mustAcceptNorms({ userId: m.userId, groupRole: m.role, organiser: false })) return [];
    const s = normsStanding(true, latest.get(m.userId) ?? null, now);
    return [{ userId: m.userId, name: m.name, role: m.role as NormsAcceptanceRow['role'], acceptedAt: s.acceptedAt, dueAt: s.dueAt, current: !s.mustAccept }];
  });
}
