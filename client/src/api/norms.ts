// Group norms: read with my standing, edit, accept, and who has (not) accepted.
import type { NormsAcceptanceRow, NormsAnswer, NormsText } from '../../../shared/norms.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const normsApi = {
  read: (groupId: string) => http.get<NormsAnswer>(`/api/groups/${enc(groupId)}/norms`),
  save: (groupId: string, text: NormsText) => http.put<NormsAnswer>(`/api/groups/${enc(groupId)}/norms`, text),
  accept: (groupId: string) => http.post<NormsAnswer>(`/api/groups/${enc(groupId)}/norms/accept`),
  acceptances: (groupId: string) => http.get<{ members: NormsAcceptanceRow[] }>(`/api/groups/${enc(groupId)}/norms/acceptances`),
};
