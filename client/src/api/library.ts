// The network library: a group's proposals and the coach's decision; the network's published
// entries, their search, and best-practice competitions.
import type { CompetitionBody, CompetitionView, GroupLibraryEntry, LibraryDecisionBody, LibraryProposalBody, PublishedEntry } from '../../../shared/library.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export interface LibraryHit {
  entry: PublishedEntry;
  snippet: string;
}

export const libraryApi = {
  groupEntries: (groupId: string) => http.get<GroupLibraryEntry[]>(`/api/groups/${enc(groupId)}/library`),
  propose: (groupId: string, body: LibraryProposalBody) => http.post<GroupLibraryEntry>(`/api/groups/${enc(groupId)}/library`, body),
  decide: (entryId: string, body: LibraryDecisionBody) => http.post<GroupLibraryEntry>(`/api/library/${enc(entryId)}/decision`, body),
  withdraw: (entryId: string) => http.post<GroupLibraryEntry>(`/api/library/${enc(entryId)}/withdraw`),
  network: (networkId: string, q = '') => http.get<LibraryHit[]>(`/api/networks/${enc(networkId)}/library${q.trim() ? `?q=${enc(q)}` : ''}`),
  fileUrl: (entryId: string) => `/api/library/${enc(entryId)}/file`,
  competitions: (networkId: string) => http.get<CompetitionView[]>(`/api/networks/${enc(networkId)}/competitions`),
  openCompetition: (networkId: string, body: CompetitionBody) => http.post<CompetitionView>(`/api/networks/${enc(networkId)}/competitions`, body),
  vote: (competitionId: string, entryId: string) => http.put<CompetitionView>(`/api/competitions/${enc(competitionId)}/vote`, { entryId }),
};
