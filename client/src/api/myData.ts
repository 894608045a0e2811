// My data: the download's address, leaving a group, deleting the account.
import { http } from './http.ts';

const enc = encodeURIComponent;

export const myDataApi = {
  /** A plain link: the browser downloads the JSON file (Content-Disposition: attachment). */
  exportUrl: '/api/me/export',
  leaveGroup: (groupId: string, password: string) => http.post<void>(`/api/groups/${enc(groupId)}/leave`, { password }),
  deleteAccount: (password: string) => http.post<void>('/api/me/delete', { password }),
};
