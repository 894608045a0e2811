// Network-wide endpoints: settings, organisers, companies, the coach's page.
import type { NetworkPatchBody } from '../../../shared/api.ts';
import type { Network } from '../../../shared/domain.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const networkApi = {
  update: (networkId: string, body: NetworkPatchBody) => http.patch<Network>(`/api/networks/${enc(networkId)}`, body),
};
