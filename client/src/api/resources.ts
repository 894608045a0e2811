// The group's resource library: share a link or a file at a meeting, list, remove, download.
import type { LibraryResource, Resource, ResourceBody } from '../../../shared/resources.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const resourcesApi = {
  library: (groupId: string) => http.get<LibraryResource[]>(`/api/groups/${enc(groupId)}/resources`),
  share: (meetingId: string, body: ResourceBody) => http.post<Resource>(`/api/meetings/${enc(meetingId)}/resources`, body),
  remove: (resourceId: string) => http.del(`/api/resources/${enc(resourceId)}`),
  /** Served as an attachment: the browser saves it, never renders it in our origin. */
  fileUrl: (resourceId: string) => `/api/resources/${enc(resourceId)}/file`,
};
