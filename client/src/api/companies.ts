// Company profiles and the non-competing check.
import type { Company, CompanyCheck, CompanyCheckResult, CompanyProfileBody } from '../../../shared/companies.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const companiesApi = {
  mine: (networkId: string) => http.get<{ company: Company | null }>(`/api/networks/${enc(networkId)}/my-company`),
  saveMine: (networkId: string, body: CompanyProfileBody) => http.put<Company>(`/api/networks/${enc(networkId)}/my-company`, body),
  inNetwork: (networkId: string) => http.get<Company[]>(`/api/networks/${enc(networkId)}/companies`),
  inGroup: (groupId: string) => http.get<Company[]>(`/api/groups/${enc(groupId)}/companies`),
  checks: (groupId: string) => http.get<CompanyCheck[]>(`/api/groups/${enc(groupId)}/company-checks`),
  propose: (groupId: string, companyId: string) => http.post<CompanyCheckResult>(`/api/groups/${enc(groupId)}/company-checks`, { companyId }),
  decide: (groupId: string, checkId: string, decision: 'invite' | 'decline', reason: string) =>
    http.put<CompanyCheckResult>(`/api/groups/${enc(groupId)}/company-checks/${enc(checkId)}/decision`, { decision, reason }),
};
