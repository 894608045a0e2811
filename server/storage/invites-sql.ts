// Managing a group's invites: the pending list, revoking, re-sending with a fresh secret; and
// the password changes a reset makes. Creating and redeeming invites live in directory-sql.ts.
import type { Invite } from '../../shared/domain.ts';
import { oneRow, type SqlAccess } from './access.ts';
import type { PendingInviteRecord } from './types.ts';
import * as row from './rows.ts';

export class InvitesSql {
  constructor(private readonly q: SqlAccess) {}

  async getInvite(id: string): Promise<Invite | null> {
    const r = await oneRow<row.InviteRow>(this.q, 'SELECT * FROM invites WHERE id = ?', [id]);
    return r && row.toInvite(r);
  }

  async listPendingInvites(groupId: string, now: string): Promise<PendingInviteRecord[]> {
    // The company joined in, not read per invite: invites.company_id has no foreign key, so a
    // company that is gone leaves the name null.
    const rows = await this.q.all<row.InviteRow & { company_name: string | null }>(
      `SELECT i.*, c.name AS company_name FROM invites i LEFT JOIN companies c ON c.id = i.company_id
       WHERE i.group_id = ? AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
       ORDER BY i.created_at, i.id`,
      [groupId, now],
    );
    return rows.map((r) => ({ ...row.toInvite(r), companyName: r.company_name }));
  }

  async revokeInvite(id: string, at: string): Promise<boolean> {
    return (await this.q.run('UPDATE invites SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL', [at, id])) === 1;
  }

  /** A new secret and expiry: the old link stops working at once. False once used or revoked. */
  async reissueInvite(id: string, tokenHash: string, expiresAt: string): Promise<boolean> {
    const sql = 'UPDATE invites SET token_hash = ?, expires_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL';
    return (await this.q.run(sql, [tokenHash, expiresAt, id])) === 1;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<boolean> {
    return (await this.q.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId])) === 1;
  }

  /** Signs the user out everywhere (after a password reset). */
  async deleteSessionsOfUser(userId: string): Promise<number> {
    return this.q.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
  }
}
