// Organisers create a group in one of their networks, of a kind (core, companion, special
// interest), then land on its page.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { GroupKindBody } from '../../../../shared/groupKinds.ts';
import { useStore } from '../../store/index.ts';
import { GroupForm } from '../group/GroupForm.tsx';
import { GroupKindFields } from '../kinds/GroupKindFields.tsx';

export function NewGroupForm({ networkId, networkCurrency }: { networkId: string; networkCurrency: string }) {
  const createGroup = useStore((s) => s.createGroup);
  const groups = useStore((s) => s.networkGroups[networkId]) ?? [];
  const [kind, setKind] = useState<GroupKindBody>({ kind: 'core' });
  const navigate = useNavigate();
  return (
    <section aria-labelledby={`new-group-${networkId}`} className="card new-group">
      <h3 id={`new-group-${networkId}`}>New group</h3>
      <GroupForm
        submitLabel="Create group"
        networkCurrency={networkCurrency}
        extra={<GroupKindFields value={kind} onChange={setKind} groups={groups} />}
        onSubmit={async (body) => {
          const group = await createGroup(networkId, { ...body, ...kind });
          navigate(`/groups/${group.id}`);
        }}
      />
    </section>
  );
}
