// The role an invitation gives: one select for the link and the mailed invitations.
import type { GroupRole } from '../../../../shared/domain.ts';
import { ROLE_LABEL } from '../../lib/labels.ts';
import { Field } from '../Field.tsx';

/** canInviteCoach: the server's `group.invite.coach` right (a lead's, even in peer-led groups). */
export function RoleSelect({ label, value, onChange, canInviteCoach }: { label: string; value: GroupRole; onChange: (role: GroupRole) => void; canInviteCoach: boolean }) {
  return (
    <Field label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value as GroupRole)}>
        <option value="member">{ROLE_LABEL.member}</option>
        {canInviteCoach && <option value="coach">{ROLE_LABEL.coach}</option>}
        <option value="observer">{ROLE_LABEL.observer}</option>
      </select>
    </Field>
  );
}
