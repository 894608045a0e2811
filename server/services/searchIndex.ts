// Keeps the search index in step with notes, commitments, goals and shared resources. Private notes are never
// indexed. Notes get two entries: the full text for members, and a copy without "stays in
// the room" blocks for observers (storage/types.ts SearchVisibility).
import type * as Y from 'yjs';
import { readCommitments } from '../../shared/collab/commitments.ts';
import { parseDocName } from '../../shared/collab/docNames.ts';
import { withoutRoomOnly } from '../../shared/notes/blocks.ts';
import { notesFromDoc } from '../../shared/notes/fromYjs.ts';
import { notesToText } from '../../shared/notes/text.ts';
import type { LibraryEntry } from '../../shared/library.ts';
import type { SearchEntry, Storage } from '../storage/types.ts';

/** Typing produces many updates a second; the index follows within this delay. */
export const INDEX_DEBOUNCE_MS = 1_500;

/** The index holds exactly `entries` of the group under `prefix`: the rest there is removed. */
async function replaceEntries(storage: Storage, groupId: string, prefix: string, entries: SearchEntry[]): Promise<void> {
  await storage.upsertSearchEntries(entries);
  await storage.deleteSearchEntries(groupId, prefix, entries.map((e) => e.id));
}

export async function indexDoc(storage: Storage, docName: string, doc: Y.Doc, now = new Date().toISOString()): Promise<void> {
  const parsed = parseDocName(docName);
  if (!parsed || parsed.kind === 'private') return;
  const meeting = await storage.getMeeting(parsed.meetingId);
  if (!meeting) return;
  const base = { groupId: meeting.groupId, meetingId: meeting.id, updatedAt: now };
  if (parsed.kind === 'notes') {
    const state = await storage.getMeetingState(meeting.id);
    const title = state?.agenda.find((i) => i.id === parsed.itemId)?.title ?? 'Notes';
    const blocks = notesFromDoc(doc);
    const common = { ...base, itemId: parsed.itemId, kind: 'notes' as const, title };
    await storage.upsertSearchEntries([
      { ...common, id: `notes:${docName}:full`, body: notesToText(blocks), visibility: 'members' },
      { ...common, id: `notes:${docName}:public`, body: notesToText(withoutRoomOnly(blocks)), visibility: 'observers' },
    ]);
    return;
  }
  const members = await storage.listMembers(meeting.groupId);
  const name = (id: string) => members.find((m) => m.userId === id)?.name ?? 'Someone';
  const entries = readCommitments(doc).map((c) => ({
    ...base,
    id: `commitment:${meeting.id}:${c.id}`,
    itemId: null,
    kind: 'commitment' as const,
    title: `Commitment of ${name(c.who)}${c.due ? `, due ${c.due}` : ''}`,
    body: c.what,
    visibility: c.confidential ? ('members' as const) : ('all' as const),
  }));
  await replaceEntries(storage, meeting.groupId, `commitment:${meeting.id}:`, entries);
}

/** Re-indexes a group's goals (a few hundred rows at most: 12 members, a dozen goals a quarter). */
export async function indexGroupGoals(storage: Storage, groupId: string, now = new Date().toISOString()): Promise<void> {
  const [goals, members] = await Promise.all([storage.listGoals(groupId), storage.listMembers(groupId)]);
  const name = new Map(members.map((m) => [m.userId, m.name]));
  const entries = goals.map((g) => ({
    id: `goal:${g.id}`,
    groupId,
    meetingId: g.meetingId,
    itemId: null,
    kind: 'goal' as const,
    title: `Goal of ${name.get(g.userId) ?? 'a former member'}`,
    body: [g.text, g.target, g.comment, g.progress].filter(Boolean).join(' — '),
    visibility: 'all' as const,
    updatedAt: now,
  }));
  await replaceEntries(storage, groupId, 'goal:', entries);
}

/** Re-indexes a group's shared links and files (at most 100 a meeting): title, file or address, sharer. */
export async function indexGroupResources(storage: Storage, groupId: string, now = new Date().toISOString()): Promise<void> {
  const [resources, members] = await Promise.all([storage.listResources(groupId), storage.listMembers(groupId)]);
  const name = new Map(members.map((m) => [m.userId, m.name]));
  const entries = resources.map((r) => ({
    id: `resource:${r.id}`,
    groupId,
    meetingId: r.meetingId,
    itemId: r.itemId,
    kind: 'resource' as const,
    title: r.title,
    body: [r.kind === 'file' ? r.fileName : r.url, `shared by ${(r.sharedBy && name.get(r.sharedBy)) || 'a former member'}`].filter(Boolean).join(' — '),
    // The library is open to everyone in the group, observers included.
    visibility: 'all' as const,
    updatedAt: now,
  }));
  await replaceEntries(storage, groupId, 'resource:', entries);
}

/** The index's group key of a network's library: never a group id, so no group search finds it. */
export const networkLibraryKey = (networkId: string): string => `network:${networkId}`;

/** Indexes exactly the given (published) entries of the network library: title, summary, tags. */
export async function indexNetworkLibrary(storage: Storage, networkId: string, published: readonly LibraryEntry[], now = new Date().toISOString()): Promise<void> {
  const groupId = networkLibraryKey(networkId);
  const entries = published.map((e) => ({
    id: `library:${e.id}`,
    groupId,
    meetingId: null,
    itemId: null,
    kind: 'library' as const,
    title: e.title,
    body: [e.summary, ...e.tags].join(' — '),
    visibility: 'all' as const,
    updatedAt: now,
  }));
  await replaceEntries(storage, groupId, 'library:', entries);
}

/** Debounces indexing per doc; failures are logged, never thrown into the collab endpoint. */
export function docIndexer(storage: Storage, log: (msg: string, meta?: object) => void) {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; doc: Y.Doc }>();
  const run = (docName: string, doc: Y.Doc) =>
    indexDoc(storage, docName, doc).catch((err) => log('search: indexing failed', { doc: docName, error: String(err) }));
  return {
    onStored(docName: string, doc: Y.Doc) {
      const waiting = pending.get(docName);
      // Every keystroke lands here: push the waiting timer back rather than make a new one.
      if (waiting?.doc === doc) {
        waiting.timer.refresh();
        return;
      }
      clearTimeout(waiting?.timer);
      const timer = setTimeout(() => {
        pending.delete(docName);
        void run(docName, doc);
      }, INDEX_DEBOUNCE_MS);
      pending.set(docName, { timer, doc });
    },
    /** Indexes what is still waiting, at once (shutdown: before storage closes). */
    async flush() {
      const jobs = [...pending.entries()];
      pending.clear();
      jobs.forEach(([, p]) => clearTimeout(p.timer));
      await Promise.all(jobs.map(([name, p]) => run(name, p.doc)));
    },
  };
}
