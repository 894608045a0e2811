// What leaving a group or deleting an account removes: a person's own documents (private notes),
// and the account's identity (the row stays, so shared records keep pointing at "former member").
import type { SqlAccess } from './access.ts';

/** The name every record shows for a deleted account. */
export const FORMER_MEMBER_NAME = 'Former member';

export class MyDataSql {
  constructor(private readonly q: SqlAccess) {}

  /** Deletes whole documents (log, snapshot, head); names that do not exist are skipped. */
  async deleteDocs(names: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const name of names) {
      await this.q.run('DELETE FROM doc_updates WHERE doc_name = ?', [name]);
      await this.q.run('DELETE FROM doc_snapshots WHERE doc_name = ?', [name]);
      deleted += await this.q.run('DELETE FROM doc_heads WHERE doc_name = ?', [name]);
    }
    return deleted;
  }

  /**
   * Makes an account anonymous for good: "Former member", an address nobody can hold (so the
   * real one is free again) and no password that any input matches.
   */
  async anonymizeUser(userId: string): Promise<boolean> {
    const email = `former-member-${userId}@deleted.invalid`;
    return (await this.q.run('UPDATE users SET name = ?, email = ?, email_lower = ?, password_hash = ? WHERE id = ?', [FORMER_MEMBER_NAME, email, email, '!deleted', userId])) === 1;
  }
}
