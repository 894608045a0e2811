// One group in a list: name linking to its page, how it meets, and optionally the user's role.
import { Link } from 'react-router';
import type { Group, Role } from '../../../../shared/domain.ts';
import { segmentLabel } from '../../../../shared/groupKinds.ts';
import { FORMAT_LABEL, LEADERSHIP_LABEL, ROLE_LABEL } from '../../lib/labels.ts';

export function GroupSummary({ group, role }: { group: Group; role?: Role }) {
  return (
    <li className="group-summary">
      <Link to={`/groups/${group.id}`} className="group-name">
        {group.name}
      </Link>
      {role && <span className="badge">{ROLE_LABEL[role]}</span>}
      <span className="muted">
        {LEADERSHIP_LABEL[group.leadership]} · {FORMAT_LABEL[group.format]}
        {group.tags.length > 0 && ` · ${group.tags.join(', ')}`}
        {group.kind === 'companion' && ' · Companion group'}
        {group.kind === 'interest' && group.segment && ` · Special interest: ${segmentLabel(group.segment)}`}
      </span>
    </li>
  );
}
