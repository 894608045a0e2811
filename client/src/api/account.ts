// Account security endpoints: the signed-in sessions and the password (docs/API.md "Set-up and accounts").
import type { ChangePasswordBody, SessionsResponse } from '../../../shared/sessions.ts';
import { http } from './http.ts';

export const accountApi = {
  sessions: () => http.get<SessionsResponse>('/api/auth/sessions'),
  endSession: (id: string) => http.del(`/api/auth/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => http.post<{ ended: number }>('/api/auth/sessions/end-others'),
  changePassword: (body: ChangePasswordBody) => http.post<{ ended: number }>('/api/auth/password', body),
};
