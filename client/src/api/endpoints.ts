// Every HTTP endpoint the client calls, typed with the shared request and response shapes.
import type { GroupKindBody } from '../../../shared/groupKinds.ts';
import type {
  AcceptInviteBody,
  CreatedInvite,
  CreateInviteBody,
  GroupBody,
  GroupDetail,
  InvitePreview,
  MeetingBody,
  MeetingDetail,
  MeResponse,
  SetupBody,
  SetupStatus,
} from '../../../shared/api.ts';
import type { Group, ListedMember, GroupRole } from '../../../shared/domain.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const api = {
  setupStatus: () => http.get<SetupStatus>('/api/setup'),
  setup: (body: SetupBody) => http.post<MeResponse>('/api/setup', body),
  me: () => http.get<MeResponse>('/api/me'),
  login: (email: string, password: string) => http.post<MeResponse>('/api/auth/login', { email, password }),
  logout: () => http.post<void>('/api/auth/logout'),

  invitePreview: (token: string) => http.get<InvitePreview>(`/api/invites/${enc(token)}`),
  acceptInvite: (token: string, body: AcceptInviteBody) => http.post<MeResponse>(`/api/invites/${enc(token)}/accept`, body),

  networkGroups: (networkId: string) => http.get<Group[]>(`/api/networks/${enc(networkId)}/groups`),
  createGroup: (networkId: string, body: GroupBody & Partial<GroupKindBody>) => http.post<Group>(`/api/networks/${enc(networkId)}/groups`, body),
  group: (id: string) => http.get<GroupDetail>(`/api/groups/${enc(id)}`),
  updateGroup: (id: string, body: Partial<GroupBody>) => http.patch<Group>(`/api/groups/${enc(id)}`, body),
  createInvite: (groupId: string, body: CreateInviteBody) => http.post<CreatedInvite>(`/api/groups/${enc(groupId)}/invites`, body),
  updateMember: (groupId: string, userId: string, body: { role?: GroupRole; company?: string | null }) =>
    http.patch<ListedMember[]>(`/api/groups/${enc(groupId)}/members/${enc(userId)}`, body),
  removeMember: (groupId: string, userId: string) => http.del(`/api/groups/${enc(groupId)}/members/${enc(userId)}`),

  createMeeting: (groupId: string, body: MeetingBody) => http.post<MeetingDetail>(`/api/groups/${enc(groupId)}/meetings`, body),
  meeting: (id: string) => http.get<MeetingDetail>(`/api/meetings/${enc(id)}`),
};
