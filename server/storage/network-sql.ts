// The network as a whole in SQL: its organisers and the invitations to become one.
import type { ReferenceSet } from '../../shared/benchmarks.ts';
import type { NetworkOrganiser, OrganiserInvite } from '../../shared/network.ts';
import { oneRow, type SqlAccess } from './access.ts';

export interface NewOrganiserInvite {
  id: string;
  networkId: string;
  tokenHash: string;
  createdBy: string;
  expiresAt: string;
  email?: string | null;
}

interface OrganiserInviteRow {
  id: string;
  network_id: string;
  token_hash: string;
  created_by: string;
  email: string | null;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
  created_at: string;
}

const toInvite = (r: OrganiserInviteRow): OrganiserInvite => ({
  id: r.id,
  networkId: r.network_id,
  createdBy: r.created_by,
  email: r.email,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  usedBy: r.used_by,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
});

export class NetworkSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async listOrganisers(networkId: string): Promise<NetworkOrganiser[]> {
    const rows = await this.q.all<{ user_id: string; name: string; email: string; created_at: string }>(
      `SELECT o.user_id, u.name, u.email, o.created_at FROM network_organisers o JOIN users u ON u.id = o.user_id
       WHERE o.network_id = ? ORDER BY o.created_at, o.user_id`,
      [networkId],
    );
    return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, since: r.created_at }));
  }

  async createOrganiserInvite(i: NewOrganiserInvite): Promise<OrganiserInvite> {
    const createdAt = this.now();
    const email = i.email ?? null;
    await this.q.run(
      'INSERT INTO organiser_invites (id, network_id, token_hash, created_by, email, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [i.id, i.networkId, i.tokenHash, i.createdBy, email, i.expiresAt, createdAt],
    );
    return { id: i.id, networkId: i.networkId, createdBy: i.createdBy, email, expiresAt: i.expiresAt, usedAt: null, usedBy: null, revokedAt: null, createdAt };
  }

  async getOrganiserInvite(id: string): Promise<OrganiserInvite | null> {
    const r = await oneRow<OrganiserInviteRow>(this.q, 'SELECT * FROM organiser_invites WHERE id = ?', [id]);
    return r && toInvite(r);
  }

  /** Neither used, revoked nor expired at `now`; oldest first. */
  async listPendingOrganiserInvites(networkId: string, now: string): Promise<OrganiserInvite[]> {
    const rows = await this.q.all<OrganiserInviteRow>(
      `SELECT * FROM organiser_invites WHERE network_id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
       ORDER BY created_at, id`,
      [networkId, now],
    );
    return rows.map(toInvite);
  }

  /** false once used or revoked. */
  async revokeOrganiserInvite(id: string, at: string): Promise<boolean> {
    return (await this.q.run('UPDATE organiser_invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL', [at, id])) === 1;
  }

  async getOrganiserInviteByTokenHash(tokenHash: string): Promise<OrganiserInvite | null> {
    const r = await oneRow<OrganiserInviteRow>(this.q, 'SELECT * FROM organiser_invites WHERE token_hash = ?', [tokenHash]);
    return r && toInvite(r);
  }

  /** false when someone used it first. */
  async markOrganiserInviteUsed(id: string, userId: string, at: string): Promise<boolean> {
    return (await this.q.run('UPDATE organiser_invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL', [at, userId, id])) === 1;
  }

  async createReferenceSet(r: Omit<ReferenceSet, 'createdAt'> & { createdBy: string }): Promise<ReferenceSet> {
    const createdAt = this.now();
    await this.q.run(
      'INSERT INTO reference_sets (id, network_id, source, year, currency, kpi_values, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.networkId, r.source, r.year, r.currency, JSON.stringify(r.values), r.createdBy, createdAt],
    );
    return { id: r.id, networkId: r.networkId, source: r.source, year: r.year, currency: r.currency, createdAt, values: r.values };
  }

  /** false when the network holds no such set. */
  async deleteReferenceSet(networkId: string, id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM reference_sets WHERE id = ? AND network_id = ?', [id, networkId])) === 1;
  }

  /** Newest study year first, then newest loaded. */
  async listReferenceSets(networkId: string): Promise<ReferenceSet[]> {
    const rows = await this.q.all<{ id: string; network_id: string; source: string; year: number | string; currency: string; kpi_values: string; created_at: string }>(
      'SELECT * FROM reference_sets WHERE network_id = ? ORDER BY year DESC, created_at DESC, id',
      [networkId],
    );
    return rows.map((r) => ({ id: r.id, networkId: r.network_id, source: r.source, year: Number(r.year), currency: r.currency, createdAt: r.created_at, values: JSON.parse(r.kpi_values) as ReferenceSet['values'] }));
  }
}
