// A member in the group table; managers change the role or remove (with a second click to confirm).
import { useState } from 'react';
import type { GroupRole, ListedMember } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { ROLE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';

const GROUP_ROLES: GroupRole[] = ['coach', 'member', 'observer'];

interface Props {
  groupId: string;
  member: ListedMember;
  canManage: boolean;
  onError: (message: string) => void;
}

export function MemberRow({ groupId, member, canManage, onError }: Props) {
  const changeMemberRole = useStore((s) => s.changeMemberRole);
  const removeMember = useStore((s) => s.removeMember);
  const [confirming, setConfirming] = useState(false);

  const onRole = (role: GroupRole) => changeMemberRole(groupId, member.userId, role).catch((err: unknown) => onError(errorMessage(err)));
  const onRemove = () => removeMember(groupId, member.userId).catch((err: unknown) => onError(errorMessage(err)));

  return (
    <tr>
      <th scope="row">
        {member.name}
        <div className="muted small member-email">{member.email ?? ''}</div>
      </th>
      <td>
        {canManage ? (
          <select aria-label={`Role of ${member.name}`} value={member.role} onChange={(e) => void onRole(e.target.value as GroupRole)}>
            {GROUP_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABEL[member.role]
        )}
      </td>
      <td>{member.company ?? '—'}</td>
      {canManage && (
        <td className="actions">
          {confirming ? (
            <>
              <button type="button" className="btn btn-danger" onClick={() => void onRemove()}>
                Confirm remove {member.name}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="btn" onClick={() => setConfirming(true)} aria-label={`Remove ${member.name}`}>
              Remove
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
