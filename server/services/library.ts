// The network library: a group's coach or member proposes one of the group's resources; the
// group's coach approves (or rejects with a reason) before it is published to the network; the
// author may withdraw it. Nothing unpublished leaves its group: every network-facing answer is
// built from published entries only, read again after any search.
import { DomainError } from '../../shared/errors.ts';
import {
  authorLine,
  nextStatus,
  type GroupLibraryEntry,
  type LibraryAction,
  type LibraryDecisionBody,
  type LibraryEntry,
  type LibraryProposalBody,
  type PublishedEntry,
} from '../../shared/library.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeNetwork } from './networks.ts';
import { indexNetworkLibrary, networkLibraryKey } from './searchIndex.ts';
import { SEARCH_LIMIT, SEARCH_QUERY_MAX } from './search.ts';

async function nameOf(storage: Storage, userId: string | null, cache: Map<string, string | null>): Promise<string | null> {
  if (!userId) return null;
  if (!cache.has(userId)) cache.set(userId, (await storage.getUser(userId))?.name ?? null);
  return cache.get(userId)!;
}

async function withNames(storage: Storage, entries: readonly LibraryEntry[]): Promise<GroupLibraryEntry[]> {
  const cache = new Map<string, string | null>();
  const out: GroupLibraryEntry[] = [];
  for (const e of entries) {
    out.push({ ...e, authorName: (await nameOf(storage, e.authorId, cache)) ?? 'Former member', decidedByName: await nameOf(storage, e.decidedBy, cache) });
  }
  return out;
}

export async function proposeEntry(storage: Storage, userId: string, groupId: string, body: LibraryProposalBody, now = Date.now()): Promise<GroupLibraryEntry> {
  const { group } = await authorizeGroup(storage, userId, groupId, 'library.propose');
  const resource = await storage.getResource(body.resourceId);
  if (!resource || resource.groupId !== groupId) throw new DomainError('not_found', 'No such resource in this group');
  if ((await storage.listLibraryEntries({ resourceId: resource.id, statuses: ['pending', 'published'] })).length > 0) {
    throw new DomainError('conflict', 'This resource is already proposed or published');
  }
  const entry = await storage.createLibraryEntry({
    id: newId(),
    networkId: group.networkId,
    groupId,
    resourceId: resource.id,
    title: body.title ?? resource.title,
    summary: body.summary,
    tags: [...new Set(body.tags)],
    authorId: userId,
    showAuthor: body.showAuthor,
    status: 'pending',
    reason: null,
    decidedBy: null,
    decidedAt: null,
    publishedAt: null,
    createdAt: new Date(now).toISOString(),
  });
  return (await withNames(storage, [entry]))[0]!;
}

/** The group's own proposals in every status: they never leave the group unless published. */
export async function groupEntries(storage: Storage, userId: string, groupId: string): Promise<GroupLibraryEntry[]> {
  await authorizeGroup(storage, userId, groupId, 'resources.read');
  return withNames(storage, await storage.listLibraryEntries({ groupId }));
}

/** Loads an entry for someone of its group; anyone else learns nothing (not_found). */
async function loadForGroup(storage: Storage, userId: string, entryId: string, action: 'library.decide' | 'resources.read'): Promise<LibraryEntry> {
  const entry = await storage.getLibraryEntry(entryId);
  if (!entry) throw new DomainError('not_found', 'No such library entry');
  await authorizeGroup(storage, userId, entry.groupId, action).catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such library entry') : e;
  });
  return entry;
}

/**
 * Networks whose library this process has indexed, per storage. The index lives in storage, so
 * every node sees one node's publication; a process rebuilds a network's index once, at its first
 * search (entries published before the index followed publications, or by an older version),
 * and after that only a publication or withdrawal rebuilds it, not every search.
 */
const indexedLibraries = new WeakMap<Storage, Set<string>>();

/** Rebuilds a network library's index: after a publication, a withdrawal, or a published entry's resource removed. */
export async function reindexLibrary(storage: Storage, networkId: string): Promise<void> {
  await indexNetworkLibrary(storage, networkId, await storage.listLibraryEntries({ networkId, statuses: ['published'] }));
  let done = indexedLibraries.get(storage);
  if (!done) indexedLibraries.set(storage, (done = new Set()));
  done.add(networkId);
}

async function move(storage: Storage, entry: LibraryEntry, action: LibraryAction, at: string, decision: { decidedBy?: string; reason?: string | null }): Promise<GroupLibraryEntry> {
  const next = nextStatus(entry.status, action);
  if ('error' in next) throw new DomainError(next.error.code, next.error.message);
  const moved = await storage.transitionLibraryEntry(entry.id, { from: next.from, to: next.status, at, ...decision });
  if (!moved) throw new DomainError('conflict', 'This entry changed meanwhile: reload it');
  if (entry.status === 'published' || next.status === 'published') await reindexLibrary(storage, entry.networkId);
  return (await withNames(storage, [moved]))[0]!;
}

export async function decideEntry(storage: Storage, userId: string, entryId: string, body: LibraryDecisionBody, now = Date.now()): Promise<GroupLibraryEntry> {
  const entry = await loadForGroup(storage, userId, entryId, 'library.decide');
  const reject = body.decision === 'reject';
  return move(storage, entry, reject ? 'reject' : 'approve', new Date(now).toISOString(), { decidedBy: userId, reason: reject ? body.reason! : null });
}

/** Only the author takes their entry back (pending or published); it leaves the network at once. */
export async function withdrawEntry(storage: Storage, userId: string, entryId: string, now = Date.now()): Promise<GroupLibraryEntry> {
  const entry = await loadForGroup(storage, userId, entryId, 'resources.read');
  if (entry.authorId !== userId) throw new DomainError('forbidden', 'Only its author withdraws an entry');
  return move(storage, entry, 'withdraw', new Date(now).toISOString(), {});
}

/** The network's published entries as the network sees them (author named only if they agreed). */
export async function publishedEntries(storage: Storage, networkId: string, networkName: string): Promise<PublishedEntry[]> {
  const entries = await storage.listLibraryEntries({ networkId, statuses: ['published'] });
  const names = new Map<string, string | null>();
  const groups = new Map<string, string | null>();
  const out: PublishedEntry[] = [];
  for (const e of entries) {
    const resource = await storage.getResource(e.resourceId);
    if (!resource) continue;
    if (!groups.has(e.groupId)) groups.set(e.groupId, (await storage.getGroup(e.groupId))?.name ?? null);
    const author = e.showAuthor ? authorLine(e, await nameOf(storage, e.authorId, names), groups.get(e.groupId)!, networkName) : authorLine(e, null, null, networkName);
    out.push({
      id: e.id,
      title: e.title,
      summary: e.summary,
      tags: e.tags,
      author,
      publishedAt: e.publishedAt ?? e.updatedAt,
      kind: resource.kind,
      url: resource.kind === 'link' ? resource.url : null,
      fileName: resource.kind === 'file' ? resource.fileName : null,
    });
  }
  return out;
}

export async function networkLibrary(storage: Storage, userId: string, networkId: string): Promise<PublishedEntry[]> {
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.library.read');
  return publishedEntries(storage, networkId, network.name);
}

export interface LibraryHit {
  entry: PublishedEntry;
  /** Matched words between \u0002 and \u0003 (as in group search). */
  snippet: string;
}

/** Search over title, summary and tags of the network's published entries, through the search index. */
export async function searchNetworkLibrary(storage: Storage, userId: string, networkId: string, text: string): Promise<LibraryHit[]> {
  if (text.length > SEARCH_QUERY_MAX) throw new DomainError('bad_request', `q: at most ${SEARCH_QUERY_MAX} characters`);
  const { network } = await authorizeNetwork(storage, userId, networkId, 'network.library.read');
  // The index holds the published entries (rebuilt on publication, see indexedLibraries); hits are
  // then matched against the published list read after the search, so an entry withdrawn
  // meanwhile, or gone some other way (its resource or account deleted), is never answered.
  if (!indexedLibraries.get(storage)?.has(networkId)) await reindexLibrary(storage, networkId);
  const hits = await storage.search({ text, groupIds: [networkLibraryKey(networkId)], visibilities: ['all'], limit: SEARCH_LIMIT });
  const published = new Map((await publishedEntries(storage, networkId, network.name)).map((e) => [e.id, e]));
  return hits.flatMap((h) => {
    const entry = published.get(h.id.slice('library:'.length));
    return entry ? [{ entry, snippet: h.snippet }] : [];
  });
}

/** A published entry's file, for anyone in its network. */
export async function entryFile(storage: Storage, userId: string, entryId: string): Promise<{ fileName: string; contentType: string | null; data: Uint8Array }> {
  const entry = await storage.getLibraryEntry(entryId);
  if (!entry || entry.status !== 'published') throw new DomainError('not_found', 'No such library entry');
  await authorizeNetwork(storage, userId, entry.networkId, 'network.library.read').catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such library entry') : e;
  });
  const file = await storage.getResourceFile(entry.resourceId);
  if (!file) throw new DomainError('not_found', 'This entry is a link, not a file');
  return { fileName: file.resource.fileName ?? 'download', contentType: file.resource.contentType, data: file.data };
}
