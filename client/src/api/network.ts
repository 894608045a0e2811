// Network-wide endpoints: settings, organisers, companies, the coach's page.
import type { MeResponse, NetworkPatchBody } from '../../../shared/api.ts';
import type { Network } from '../../../shared/domain.ts';
import type { AcceptOrganiserInviteBody, CoachingOverview, CreatedOrganiserInvite, NetworkOrganiser, OrganiserInvitePreview } from '../../../shared/network.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const networkApi = {
  update: (networkId: string, body: NetworkPatchBody) => http.patch<Network>(`/api/networks/${enc(networkId)}`, body),
  coaching: () => http.get<CoachingOverview>('/api/me/coaching'),
  organisers: (networkId: string) => http.get<NetworkOrganiser[]>(`/api/networks/${enc(networkId)}/organisers`),
  inviteOrganiser: (networkId: string) => http.post<CreatedOrganiserInvite>(`/api/networks/${enc(networkId)}/organisers/invites`),
  organiserInvite: (token: string) => http.get<OrganiserInvitePreview>(`/api/organiser-invites/${enc(token)}`),
  acceptOrganiserInvite: (token: string, body: AcceptOrganiserInviteBody) => http.post<MeResponse>(`/api/organiser-invites/${enc(token)}/accept`, body),
};
