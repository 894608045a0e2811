// An organiser converts a group to another kind (core, companion of a core group, special interest).
import { useEffect, useState, type FormEvent } from 'react';
import type { Group } from '../../../../shared/domain.ts';
import type { GroupKindBody } from '../../../../shared/groupKinds.ts';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { GroupKindFields } from './GroupKindFields.tsx';

export function GroupKindEditor({ group, onSaved }: { group: Group; onSaved: () => void }) {
  const groups = useStore((s) => s.networkGroups[group.networkId]);
  const loadNetworkGroups = useStore((s) => s.loadNetworkGroups);
  const [kind, setKind] = useState<GroupKindBody>({ kind: group.kind, companionOf: group.companionOf, segment: group.segment });
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    loadNetworkGroups(group.networkId).catch(() => undefined);
  }, [group.networkId, loadNetworkGroups]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await groupKindsApi.setKind(group.id, kind);
      onSaved();
    });
  };
  return (
    <section aria-labelledby="group-kind" className="card section">
      <h2 id="group-kind">Kind of group</h2>
      <form className="form" onSubmit={submit}>
        <GroupKindFields value={kind} onChange={setKind} groups={(groups ?? []).filter((g) => g.id !== group.id)} />
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn" disabled={busy}>
          Save kind
        </button>
      </form>
    </section>
  );
}
