// The group's people with role and company.
import { useState } from 'react';
import type { ListedMember } from '../../../../shared/domain.ts';
import { Alert } from '../Alert.tsx';
import { MemberRow } from './MemberRow.tsx';
import { TableWrap } from '../TableWrap.tsx';

export function MemberTable({ groupId, members, canManage }: { groupId: string; members: ListedMember[]; canManage: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="members" className="card section">
      <h2 id="members">Members ({members.length})</h2>
      <Alert message={error} onDismiss={() => setError(null)} />
      {members.length === 0 ? (
        <p className="muted">Nobody yet. Invite the group below.</p>
      ) : (
        <TableWrap label="Members">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Company</th>
                {canManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow key={m.userId} groupId={groupId} member={m} canManage={canManage} onError={setError} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
