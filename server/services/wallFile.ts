// The file on the wall: which shared files may be shown (an image or a PDF by its bytes, of the
// meeting's own group) and how the wall fetches one. The room calls wallShowCommand before the
// reducer so the state records the stored title and sniffed media, never what a client claims.
import { DomainError } from '../../shared/errors.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { Resource } from '../../shared/resources.ts';
import { describeUnshowable, sniffWallType, unshowableMessage, wallMediaOf, type WallContentType } from '../../shared/wallFile.ts';
import type { Storage } from '../storage/types.ts';
import { resourceFile } from './resources.ts';

/** The file's wall type, or `unsupported_media` saying what it is instead. */
function wallTypeOf(data: Uint8Array): WallContentType {
  const type = sniffWallType(data);
  if (!type) throw new DomainError('unsupported_media', unshowableMessage(describeUnshowable(data)));
  return type;
}

/** `wall.show` as the reducer gets it: the file checked (this group's, showable), title and media from storage. */
export async function wallShowCommand(storage: Storage, groupId: string, command: Extract<MeetingCommand, { type: 'wall.show' }>): Promise<MeetingCommand> {
  const file = await storage.getResourceFile(command.resourceId);
  // Another group's file is as unknown as one that never existed.
  if (!file || file.resource.groupId !== groupId) {
    const link = (await storage.getResource(command.resourceId))?.groupId === groupId;
    throw new DomainError(link ? 'bad_request' : 'not_found', link ? 'This resource is a link: only a shared file can be shown on the wall.' : 'No such file in this group.');
  }
  const media = wallMediaOf(wallTypeOf(file.data));
  return { type: 'wall.show', resourceId: file.resource.id, title: file.resource.title, media };
}

/** A showable file's bytes and real type, for anyone who may read the group's library. */
export async function wallFile(storage: Storage, userId: string, resourceId: string): Promise<{ resource: Resource; data: Uint8Array; contentType: WallContentType }> {
  const { resource, data } = await resourceFile(storage, userId, resourceId);
  return { resource, data, contentType: wallTypeOf(data) };
}
