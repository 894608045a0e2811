// The group's facts, with an Edit toggle for coaches and organisers.
import { useState } from 'react';
import type { Group, Role } from '../../../../shared/domain.ts';
import { segmentLabel } from '../../../../shared/groupKinds.ts';
import { FORMAT_LABEL, LEADERSHIP_LABEL, ROLE_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { GroupForm } from './GroupForm.tsx';

export function GroupDetails({ group, role, canManage, networkCurrency }: { group: Group; role: Role; canManage: boolean; networkCurrency: string }) {
  const [editing, setEditing] = useState(false);
  const updateGroup = useStore((s) => s.updateGroup);
  return (
    <section aria-labelledby="group-details" className="card section">
      <h2 id="group-details">Details</h2>
      {editing ? (
        <GroupForm
          initial={group}
          networkCurrency={networkCurrency}
          submitLabel="Save group"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await updateGroup(group.id, body);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Kind</dt>
            <dd>{group.kind === 'interest' && group.segment ? `Special interest: ${segmentLabel(group.segment)}` : group.kind === 'companion' ? 'Companion group' : 'Core peer group'}</dd>
            <dt>Leadership</dt>
            <dd>{LEADERSHIP_LABEL[group.leadership]}</dd>
            <dt>Format</dt>
            <dd>{FORMAT_LABEL[group.format]}</dd>
            <dt>Tags</dt>
            <dd>{group.tags.length ? group.tags.join(', ') : 'None'}</dd>
            <dt>Figures</dt>
            <dd>{group.observersSeeFinancials ? 'Members, coach and observers' : 'Members and coach only'}</dd>
            <dt>Observers</dt>
            <dd>
              {group.observersInRoom ? 'In the room (they read what stays in the room)' : 'Outside the room'}
              {group.observersSeeHotSeat ? '; follow hot-seat notes' : '; no hot-seat notes'}
            </dd>
            <dt>Currency</dt>
            <dd>{group.currency ? `${group.currency} (the group's own)` : `${networkCurrency} (the network's)`}</dd>
            <dt>Your role</dt>
            <dd>{ROLE_LABEL[role]}</dd>
          </dl>
          {canManage && (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit group
            </button>
          )}
        </>
      )}
    </section>
  );
}
