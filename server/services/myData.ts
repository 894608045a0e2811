// A person's own data: the download (everything about them, nothing about anyone else, no other
// group's data), leaving a group, and deleting the account. Leaving or deleting removes their
// private notes and figures; shared notes, commitments and goals stay in the group's record,
// where their name reads "Former member" (no membership or an anonymous account behind it).
import { readCommitments } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, privateDocName } from '../../shared/collab/docNames.ts';
import { DomainError } from '../../shared/errors.ts';
import type { MyDataExport } from '../../shared/myData.ts';
import { notesFromDoc } from '../../shared/notes/fromYjs.ts';
import { notesToText } from '../../shared/notes/text.ts';
import { verifyPassword } from '../auth/password.ts';
import { authorizeGroup } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';
import type { LiveAccess } from './liveAccess.ts';
import type { RecordsNotifier } from './recordsNotifier.ts';
import { loadStoredDoc } from './summaryDocs.ts';

export async function exportMyData(storage: Storage, userId: string, now = Date.now()): Promise<MyDataExport> {
  const user = await storage.getUser(userId);
  if (!user) throw new DomainError('unauthenticated', 'Sign in first');
  const groups = await storage.listGroupsOfUser(userId);
  const out: MyDataExport = {
    exportedAt: new Date(now).toISOString(),
    profile: { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt },
    memberships: [],
    goals: [],
    figures: [],
    privateNotes: [],
    commitments: [],
    ratings: [],
    normsAcceptances: (await storage.listUserNormsAcceptances(userId)).filter((a) => groups.some((g) => g.group.id === a.groupId)),
  };
  for (const { group, role } of groups) {
    const [membership, goals, figures, meetings] = await Promise.all([
      storage.getMembership(group.id, userId),
      storage.listGoals(group.id),
      storage.listFigures(group.id),
      storage.listMeetings(group.id),
    ]);
    out.memberships.push({ groupId: group.id, groupName: group.name, role, company: membership?.company ?? null });
    out.goals.push(...goals.filter((g) => g.userId === userId));
    out.figures.push(...figures.filter((f) => f.userId === userId));
    for (const m of meetings) {
      const own = await loadStoredDoc(storage, privateDocName(m.id, userId));
      if (own) {
        const blocks = notesFromDoc(own);
        own.destroy();
        if (blocks.length) out.privateNotes.push({ meetingId: m.id, meetingTitle: m.title, groupId: group.id, blocks, text: notesToText(blocks) });
      }
      const shared = await loadStoredDoc(storage, commitmentsDocName(m.id));
      if (shared) {
        for (const c of readCommitments(shared)) if (c.who === userId) out.commitments.push({ ...c, meetingId: m.id, meetingTitle: m.title, groupId: group.id });
        shared.destroy();
      }
      const score = (await storage.getMeetingState(m.id))?.ratings[userId];
      if (score !== undefined) out.ratings.push({ meetingId: m.id, score });
    }
  }
  return out;
}

async function requirePassword(storage: Storage, userId: string, password: string): Promise<void> {
  const user = await storage.getUser(userId);
  const record = user && (await storage.getUserByEmail(user.email));
  if (!record || record.id !== userId || !(await verifyPassword(password, record.passwordHash))) {
    throw new DomainError('forbidden', 'That password is not right');
  }
}

/** Removes what is the person's alone in one group: private notes and figures. */
async function removeOwnData(storage: Storage, userId: string, groupId: string): Promise<void> {
  const [meetings, figures] = await Promise.all([storage.listMeetings(groupId), storage.listFigures(groupId)]);
  await storage.deleteDocs(meetings.map((m) => privateDocName(m.id, userId)));
  for (const f of figures.filter((x) => x.userId === userId)) await storage.deleteFigure(groupId, userId, f.quarter, f.kpiKey);
}

export interface MyDataDeps {
  storage: Storage;
  live: LiveAccess;
  records: RecordsNotifier;
}

/** Leaves one group: membership, private notes and figures go; shared notes stay. */
export async function leaveGroup({ storage, live, records }: MyDataDeps, userId: string, groupId: string, password: string): Promise<void> {
  await authorizeGroup(storage, userId, groupId, 'group.leave');
  await requirePassword(storage, userId, password);
  await removeOwnData(storage, userId, groupId);
  await storage.removeMembership(groupId, userId);
  await live.revokeUserInGroup(userId, groupId);
  records.changed(groupId, 'figures');
}

/**
 * Deletes the account: leaves every group as above, ends every session and open connection, and
 * makes the account anonymous ("Former member", no usable address or password).
 */
export async function deleteAccount({ storage, live, records }: MyDataDeps, userId: string, password: string): Promise<void> {
  await requirePassword(storage, userId, password);
  for (const { group } of await storage.listGroupsOfUser(userId)) {
    await removeOwnData(storage, userId, group.id);
    await storage.removeMembership(group.id, userId);
    records.changed(group.id, 'figures');
  }
  await storage.anonymizeUser(userId);
  await storage.deleteSessionsOfUser(userId);
  await live.kickUser(userId, 'account_deleted');
}
