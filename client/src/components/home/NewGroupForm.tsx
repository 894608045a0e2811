// Organisers create a group in one of their networks.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { groupBody } from '../../../../shared/api.ts';
import type { Leadership, MeetingFormat } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { parseTags } from '../../lib/tags.ts';
import { FORMAT_LABEL, LEADERSHIP_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function NewGroupForm({ networkId }: { networkId: string }) {
  const createGroup = useStore((s) => s.createGroup);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [leadership, setLeadership] = useState<Leadership>('coach-led');
  const [format, setFormat] = useState<MeetingFormat>('in-person');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = groupBody.safeParse({ name, leadership, format, tags: parseTags(tags) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please check the form.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const group = await createGroup(networkId, parsed.data);
      navigate(`/groups/${group.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={onSubmit} aria-label="New group">
      <h3>New group</h3>
      <Field label="Group name">
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label="Leadership">
          <select value={leadership} onChange={(e) => setLeadership(e.target.value as Leadership)}>
            {Object.entries(LEADERSHIP_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Format">
          <select value={format} onChange={(e) => setFormat(e.target.value as MeetingFormat)}>
            {Object.entries(FORMAT_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Tags" hint="Comma-separated, e.g. IT services, Berlin">
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <Alert message={error} onDismiss={() => setError(null)} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create group'}
      </button>
    </form>
  );
}
