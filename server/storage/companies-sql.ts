// Company profiles in SQL: one per owner and network, memberships pointing to them, and the
// recorded non-competing checks of proposed companies.
import type { Company, CompanyCheck, CompanyDecision, CompanyOverlap } from '../../shared/companies.ts';
import { oneRow, type SqlAccess } from './access.ts';

interface CompanyRow {
  id: string;
  network_id: string;
  owner_id: string;
  name: string;
  size_band: string;
  revenue_band: string;
  vertical: string;
  business_model: string;
  territory: string;
  tools: string;
  created_at: string;
  updated_at: string;
}

const toCompany = (r: CompanyRow): Company => ({
  id: r.id,
  networkId: r.network_id,
  ownerId: r.owner_id,
  name: r.name,
  sizeBand: r.size_band as Company['sizeBand'],
  revenueBand: r.revenue_band as Company['revenueBand'],
  vertical: r.vertical,
  businessModel: r.business_model as Company['businessModel'],
  territory: r.territory,
  tools: JSON.parse(r.tools) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface CheckRow {
  id: string;
  group_id: string;
  company_id: string;
  company_name: string;
  overlaps: string;
  proposed_by: string;
  created_at: string;
  decision: CompanyDecision | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

const toCheck = (r: CheckRow): CompanyCheck => ({
  id: r.id,
  groupId: r.group_id,
  companyId: r.company_id,
  companyName: r.company_name,
  overlaps: JSON.parse(r.overlaps) as CompanyOverlap[],
  proposedBy: r.proposed_by,
  createdAt: r.created_at,
  decision: r.decision,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

const CHECK_SELECT = 'SELECT k.*, c.name AS company_name FROM company_checks k JOIN companies c ON c.id = k.company_id';

export class CompaniesSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  /** Creates or replaces the owner's profile in the network; keeps its id. */
  async saveCompany(c: Omit<Company, 'createdAt' | 'updatedAt'>): Promise<Company> {
    const at = this.now();
    await this.q.run(
      `INSERT INTO companies (id, network_id, owner_id, name, size_band, revenue_band, vertical, business_model, territory, tools, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (network_id, owner_id) DO UPDATE SET name = excluded.name, size_band = excluded.size_band,
         revenue_band = excluded.revenue_band, vertical = excluded.vertical, business_model = excluded.business_model,
         territory = excluded.territory, tools = excluded.tools, updated_at = excluded.updated_at`,
      [c.id, c.networkId, c.ownerId, c.name, c.sizeBand, c.revenueBand, c.vertical, c.businessModel, c.territory, JSON.stringify(c.tools), at, at],
    );
    return (await this.companyOfOwner(c.networkId, c.ownerId))!;
  }
  async companyOfOwner(networkId: string, ownerId: string): Promise<Company | null> {
    const r = await oneRow<CompanyRow>(this.q, 'SELECT * FROM companies WHERE network_id = ? AND owner_id = ?', [networkId, ownerId]);
    return r && toCompany(r);
  }
  async getCompany(id: string): Promise<Company | null> {
    const r = await oneRow<CompanyRow>(this.q, 'SELECT * FROM companies WHERE id = ?', [id]);
    return r && toCompany(r);
  }
  async listCompaniesInNetwork(networkId: string): Promise<Company[]> {
    const rows = await this.q.all<CompanyRow>('SELECT * FROM companies WHERE network_id = ? ORDER BY name, id', [networkId]);
    return rows.map(toCompany);
  }
  /**
   * Points the owner's member memberships in the network's groups to the company (and its name).
   * Not in companion groups: there a membership names the company its member works for.
   */
  async linkMemberships(networkId: string, ownerId: string, companyId: string, name: string): Promise<void> {
    await this.q.run(
      `UPDATE memberships SET company_id = ?, company = ?
       WHERE user_id = ? AND role = 'member' AND group_id IN (SELECT id FROM groups WHERE network_id = ? AND group_kind <> 'companion')`,
      [companyId, name, ownerId, networkId],
    );
  }
  /** The companies member memberships of the group point to, by name. */
  async listGroupCompanies(groupId: string): Promise<Company[]> {
    const rows = await this.q.all<CompanyRow>(
      `SELECT c.* FROM companies c JOIN memberships m ON m.company_id = c.id WHERE m.group_id = ? AND m.role = 'member' ORDER BY c.name, c.id`,
      [groupId],
    );
    return rows.map(toCompany);
  }

  async createCompanyCheck(k: { id: string; groupId: string; companyId: string; overlaps: CompanyOverlap[]; proposedBy: string; decision: CompanyDecision | null }): Promise<CompanyCheck> {
    await this.q.run(
      'INSERT INTO company_checks (id, group_id, company_id, "overlaps", proposed_by, created_at, decision) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [k.id, k.groupId, k.companyId, JSON.stringify(k.overlaps), k.proposedBy, this.now(), k.decision],
    );
    return (await this.getCompanyCheck(k.id))!;
  }
  async getCompanyCheck(id: string): Promise<CompanyCheck | null> {
    const r = await oneRow<CheckRow>(this.q, `${CHECK_SELECT} WHERE k.id = ?`, [id]);
    return r && toCheck(r);
  }
  /** Records the decision once; false when it was already decided. */
  async decideCompanyCheck(id: string, d: { decision: CompanyDecision; reason: string; decidedBy: string }): Promise<boolean> {
    const n = await this.q.run('UPDATE company_checks SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND decision IS NULL', [
      d.decision,
      d.reason,
      d.decidedBy,
      this.now(),
      id,
    ]);
    return n === 1;
  }
  async listCompanyChecks(groupId: string): Promise<CompanyCheck[]> {
    const rows = await this.q.all<CheckRow>(`${CHECK_SELECT} WHERE k.group_id = ? ORDER BY k.created_at, k.id`, [groupId]);
    return rows.map(toCheck);
  }
}
