// The network part of the storage interface: networks, their organisers and organiser invites,
// industry reference sets, and company profiles with their non-competing checks
// (network-sql.ts, companies-sql.ts). Storage extends it, like MailStore and PrepStore.
import type { ReferenceSet } from '../../shared/benchmarks.ts';
import type { Company, CompanyCheck, CompanyDecision, CompanyOverlap } from '../../shared/companies.ts';
import type { Network } from '../../shared/domain.ts';
import type { NetworkOrganiser, OrganiserInvite } from '../../shared/network.ts';
import type { NewOrganiserInvite } from './network-sql.ts';

export interface NetworkStore {
  // networks and organisers
  createNetwork(n: { id: string; name: string; currency?: string }): Promise<Network>;
  /** Fields left out keep their value; null for an unknown network. */
  updateNetwork(id: string, patch: { name?: string; currency?: string }): Promise<Network | null>;
  getNetwork(id: string): Promise<Network | null>;
  addOrganiser(networkId: string, userId: string): Promise<void>;
  isOrganiser(networkId: string, userId: string): Promise<boolean>;
  /** Every organiser of the network, the first appointed first. */
  listOrganisers(networkId: string): Promise<NetworkOrganiser[]>;
  createOrganiserInvite(i: NewOrganiserInvite): Promise<OrganiserInvite>;
  getOrganiserInviteByTokenHash(tokenHash: string): Promise<OrganiserInvite | null>;
  getOrganiserInvite(id: string): Promise<OrganiserInvite | null>;
  /** Invites neither used, revoked nor expired at `now`, oldest first. */
  listPendingOrganiserInvites(networkId: string, now: string): Promise<OrganiserInvite[]>;
  /** Revokes it if still unused; false once used or revoked. */
  revokeOrganiserInvite(id: string, at: string): Promise<boolean>;
  /** Marks it used if it still is unused and not revoked; false if someone used it first. */
  markOrganiserInviteUsed(id: string, userId: string, at: string): Promise<boolean>;
  createReferenceSet(r: Omit<ReferenceSet, 'createdAt'> & { createdBy: string }): Promise<ReferenceSet>;
  /** Newest study year first. */
  listReferenceSets(networkId: string): Promise<ReferenceSet[]>;
  /** false when the network holds no such set. */
  deleteReferenceSet(networkId: string, id: string): Promise<boolean>;

  // company profiles (one per owner and network) and non-competing checks (companies-sql.ts)
  saveCompany(c: Omit<Company, 'createdAt' | 'updatedAt'>): Promise<Company>;
  companyOfOwner(networkId: string, ownerId: string): Promise<Company | null>;
  getCompany(id: string): Promise<Company | null>;
  listCompaniesInNetwork(networkId: string): Promise<Company[]>;
  /** Points the owner's member memberships in the network's groups to the company and its name. */
  linkMemberships(networkId: string, ownerId: string, companyId: string, name: string): Promise<void>;
  listGroupCompanies(groupId: string): Promise<Company[]>;
  createCompanyCheck(k: { id: string; groupId: string; companyId: string; overlaps: CompanyOverlap[]; proposedBy: string; decision: CompanyDecision | null }): Promise<CompanyCheck>;
  getCompanyCheck(id: string): Promise<CompanyCheck | null>;
  /** Records the decision if none was taken yet; false otherwise. */
  decideCompanyCheck(id: string, d: { decision: CompanyDecision; reason: string; decidedBy: string }): Promise<boolean>;
  listCompanyChecks(groupId: string): Promise<CompanyCheck[]>;
  listOrganisedNetworks(userId: string): Promise<Network[]>;
}
