// Organisers create a group in one of their networks, then land on its page.
import { useNavigate } from 'react-router';
import { useStore } from '../../store/index.ts';
import { GroupForm } from '../group/GroupForm.tsx';

export function NewGroupForm({ networkId, networkCurrency }: { networkId: string; networkCurrency: string }) {
  const createGroup = useStore((s) => s.createGroup);
  const navigate = useNavigate();
  return (
    <section aria-labelledby={`new-group-${networkId}`} className="card new-group">
      <h3 id={`new-group-${networkId}`}>New group</h3>
      <GroupForm
        submitLabel="Create group"
        networkCurrency={networkCurrency}
        onSubmit={async (body) => {
          const group = await createGroup(networkId, body);
          navigate(`/groups/${group.id}`);
        }}
      />
    </section>
  );
}
