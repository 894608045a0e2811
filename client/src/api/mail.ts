// Mail endpoints: password reset, mail preferences, unsubscribe, the organiser's outbox,
// invitations by mail, and the readiness grid with its reminders.
import type { BulkInviteBody, BulkInviteResult, MailPreferences, OutboxEntry, PendingInvite, UnsubscribePreview } from '../../../shared/mail.ts';
import type { MeetingReadiness } from '../../../shared/readiness.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const mailApi = {
  requestReset: (email: string) => http.post<{ ok: true }>('/api/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => http.post<void>('/api/auth/password-reset/confirm', { token, password }),
  preferences: () => http.get<MailPreferences>('/api/me/mail-preferences'),
  setPreferences: (patch: Partial<MailPreferences>) => http.put<MailPreferences>('/api/me/mail-preferences', patch),
  unsubscribePreview: (token: string) => http.post<UnsubscribePreview>('/api/unsubscribe/preview', { token }),
  unsubscribe: (token: string) => http.post<UnsubscribePreview>('/api/unsubscribe', { token }),
  outbox: (networkId: string) => http.get<OutboxEntry[]>(`/api/networks/${enc(networkId)}/outbox`),
  pendingInvites: (groupId: string) => http.get<PendingInvite[]>(`/api/groups/${enc(groupId)}/invites`),
  bulkInvite: (groupId: string, body: BulkInviteBody) => http.post<BulkInviteResult>(`/api/groups/${enc(groupId)}/invites/bulk`, body),
  revokeInvite: (groupId: string, inviteId: string) => http.del(`/api/groups/${enc(groupId)}/invites/${enc(inviteId)}`),
  resendInvite: (groupId: string, inviteId: string) => http.post<{ invite: PendingInvite; url: string }>(`/api/groups/${enc(groupId)}/invites/${enc(inviteId)}/resend`),
  readiness: (meetingId: string) => http.get<MeetingReadiness>(`/api/meetings/${enc(meetingId)}/readiness`),
  remind: (meetingId: string, userIds?: string[]) => http.post<{ queued: number }>(`/api/meetings/${enc(meetingId)}/readiness/remind`, userIds ? { userIds } : {}),
};
