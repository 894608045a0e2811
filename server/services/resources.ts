// The group's resource library: links and small files shared at a meeting's topics and best
// practices, listed afterwards with who shared them, when, and from which meeting and item.
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { LibraryResource, Resource, ResourceBody } from '../../shared/resources.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { can } from '../../shared/access/index.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { reindexLibrary } from './library.ts';
import { authorizeMeeting } from './meetings.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

/** Shares a link or a file under one agenda item of the meeting; any coach or member may. */
export async function shareResource({ storage, records }: RecordsDeps, userId: string, meetingId: string, body: ResourceBody): Promise<Resource> {
  const { meeting } = await authorizeMeeting(storage, userId, meetingId, 'resources.share');
  const state = await storage.getMeetingState(meetingId);
  if (!state?.agenda.some((i) => i.id === body.itemId)) throw new DomainError('bad_request', 'itemId: no such agenda item in this meeting');
  if ((await storage.listResources(meeting.groupId, { meetingId })).length >= LIMITS.resourcesPerMeetingMax) {
    throw new DomainError('conflict', `This meeting already holds ${LIMITS.resourcesPerMeetingMax} resources, the most it may`);
  }
  const data = body.dataBase64 === undefined ? null : Buffer.from(body.dataBase64, 'base64');
  if (data && data.byteLength > LIMITS.resourceFileMaxBytes) {
    throw new DomainError('payload_too_large', `Files are at most ${LIMITS.resourceFileMaxBytes / (1024 * 1024)} MiB`);
  }
  const created = await storage.createResource({
    id: newId(),
    groupId: meeting.groupId,
    meetingId,
    itemId: body.itemId,
    title: body.title,
    kind: data ? 'file' : 'link',
    url: body.url ?? null,
    fileName: data ? (body.fileName ?? null) : null,
    contentType: data ? (body.contentType ?? null) : null,
    sharedBy: userId,
    data,
  });
  records.changed(meeting.groupId, 'resources');
  return created;
}

/** Names of sharers, current members first; someone who left (or was deleted) still shows. */
async function sharerNames(storage: Storage, groupId: string, resources: readonly Resource[]): Promise<Map<string, string>> {
  const names = new Map((await storage.listMembers(groupId)).map((m) => [m.userId, m.name]));
  for (const id of new Set(resources.map((r) => r.sharedBy))) {
    if (id && !names.has(id)) names.set(id, (await storage.getUser(id))?.name ?? 'Former member');
  }
  return names;
}

/** Resources of one group (one meeting, if given) with who shared them and where. */
export async function libraryEntries(storage: Storage, groupId: string, meetingId?: string): Promise<LibraryResource[]> {
  const resources = await storage.listResources(groupId, meetingId ? { meetingId } : {});
  const names = await sharerNames(storage, groupId, resources);
  const meetings = new Map((await storage.listMeetings(groupId)).map((m) => [m.id, m]));
  const items = new Map<string, Map<string, string>>();
  for (const id of new Set(resources.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))) {
    const state = await storage.getMeetingState(id);
    items.set(id, new Map((state?.agenda ?? []).map((i) => [i.id, i.title])));
  }
  return resources.map((r) => {
    const m = r.meetingId ? meetings.get(r.meetingId) : undefined;
    return {
      ...r,
      sharedByName: (r.sharedBy && names.get(r.sharedBy)) || 'Former member',
      meeting: m ? { id: m.id, title: m.title, quarter: m.quarter } : null,
      itemTitle: (r.meetingId && items.get(r.meetingId)?.get(r.itemId)) || null,
    };
  });
}

export async function groupLibrary(storage: Storage, userId: string, groupId: string): Promise<LibraryResource[]> {
  await authorizeGroup(storage, userId, groupId, 'resources.read');
  return libraryEntries(storage, groupId);
}

/** Loads a resource and the caller's access to its group; strangers get not_found. */
async function loadResource(storage: Storage, userId: string, resourceId: string): Promise<{ resource: Resource; may: (a: 'resources.share' | 'resources.manage') => boolean }> {
  const resource = await storage.getResource(resourceId);
  if (!resource) throw new DomainError('not_found', 'No such resource');
  const { group, access } = await authorizeGroup(storage, userId, resource.groupId, 'resources.read').catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such resource') : e;
  });
  return { resource, may: (action) => can(action, access, group) };
}

/** A shared file's bytes, for anyone who may read the group's library. */
export async function resourceFile(storage: Storage, userId: string, resourceId: string): Promise<{ resource: Resource; data: Uint8Array }> {
  await loadResource(storage, userId, resourceId);
  const file = await storage.getResourceFile(resourceId);
  if (!file) throw new DomainError('not_found', 'This resource is a link, not a file');
  return file;
}

/** The sharer takes back what they shared; the coach (or an organiser) tidies the library. */
export async function deleteResource({ storage, records }: RecordsDeps, userId: string, resourceId: string): Promise<void> {
  const { resource, may } = await loadResource(storage, userId, resourceId);
  const own = resource.sharedBy === userId && may('resources.share');
  if (!own && !may('resources.manage')) throw new DomainError('forbidden', 'Only whoever shared it, or the coach, removes a resource');
  const published = await storage.listLibraryEntries({ resourceId: resource.id, statuses: ['published'] });
  await storage.deleteResource(resource.id);
  // Its library entry went with it (cascade): its words leave the network's search too.
  for (const networkId of new Set(published.map((e) => e.networkId))) await reindexLibrary(storage, networkId);
  records.changed(resource.groupId, 'resources');
}
