// Network-wide endpoints: settings, organisers, companies, the coach's page.
import type { MeResponse, NetworkPatchBody } from '../../../shared/api.ts';
import type { Network } from '../../../shared/domain.ts';
import type {
  AcceptOrganiserInviteBody,
  CoachingOverview,
  CreatedOrganiserInvite,
  NetworkOrganiser,
  OrganiserInviteBody,
  OrganiserInvitePreview,
  PendingOrganiserInvite,
} from '../../../shared/network.ts';
import type { ReferenceSet, ReferenceSetBody, SegmentBenchmarks } from '../../../shared/benchmarks.ts';
import type { SegmentDimension } from '../../../shared/financials/segments.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const networkApi = {
  update: (networkId: string, body: NetworkPatchBody) => http.patch<Network>(`/api/networks/${enc(networkId)}`, body),
  coaching: () => http.get<CoachingOverview>('/api/me/coaching'),
  organisers: (networkId: string) => http.get<NetworkOrganiser[]>(`/api/networks/${enc(networkId)}/organisers`),
  inviteOrganiser: (networkId: string, body: OrganiserInviteBody = {}) => http.post<CreatedOrganiserInvite>(`/api/networks/${enc(networkId)}/organisers/invites`, body),
  pendingOrganiserInvites: (networkId: string) => http.get<PendingOrganiserInvite[]>(`/api/networks/${enc(networkId)}/organisers/invites`),
  revokeOrganiserInvite: (networkId: string, inviteId: string) => http.del(`/api/networks/${enc(networkId)}/organisers/invites/${enc(inviteId)}`),
  organiserInvite: (token: string) => http.get<OrganiserInvitePreview>(`/api/organiser-invites/${enc(token)}`),
  acceptOrganiserInvite: (token: string, body: AcceptOrganiserInviteBody) => http.post<MeResponse>(`/api/organiser-invites/${enc(token)}/accept`, body),
};

export const benchmarksApi = {
  segments: (networkId: string, quarter: string, dimension: SegmentDimension) =>
    http.get<SegmentBenchmarks>(`/api/networks/${enc(networkId)}/benchmarks/segments?quarter=${enc(quarter)}&dimension=${enc(dimension)}`),
  references: (networkId: string) => http.get<ReferenceSet[]>(`/api/networks/${enc(networkId)}/reference-sets`),
  loadReference: (networkId: string, body: ReferenceSetBody) => http.post<ReferenceSet>(`/api/networks/${enc(networkId)}/reference-sets`, body),
  deleteReference: (networkId: string, setId: string) => http.del(`/api/networks/${enc(networkId)}/reference-sets/${enc(setId)}`),
};
