// Companion and special-interest groups: kinds, companion invites, the owner's companion list, joining by segment.
import type { Group } from '../../../shared/domain.ts';
import type { CompanionListing, GroupKindBody, InterestGroupListing, JoinDecision, JoinRequest } from '../../../shared/groupKinds.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const groupKindsApi = {
  setKind: (groupId: string, body: GroupKindBody) => http.put<Group>(`/api/groups/${enc(groupId)}/kind`, body),
  companionCompanies: (groupId: string) => http.get<{ id: string; name: string }[]>(`/api/groups/${enc(groupId)}/companion-companies`),
  myCompanions: () => http.get<{ companions: CompanionListing[] }>('/api/me/companions'),
  interestGroups: (networkId: string) => http.get<InterestGroupListing[]>(`/api/networks/${enc(networkId)}/interest-groups`),
  requestJoin: (groupId: string) => http.post<JoinRequest>(`/api/groups/${enc(groupId)}/join-requests`),
  joinRequests: (groupId: string) => http.get<JoinRequest[]>(`/api/groups/${enc(groupId)}/join-requests`),
  decideJoin: (groupId: string, requestId: string, decision: JoinDecision) => http.put<JoinRequest>(`/api/groups/${enc(groupId)}/join-requests/${enc(requestId)}`, { decision }),
};
