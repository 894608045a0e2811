// Coaches and organisers edit a group's name, leadership, format and tags.
import { useState, type FormEvent } from 'react';
import { groupBody } from '../../../../shared/api.ts';
import type { Group, Leadership, MeetingFormat } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { FORMAT_LABEL, LEADERSHIP_LABEL } from '../../lib/labels.ts';
import { parseTags } from '../../lib/tags.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function GroupEditForm({ group, onDone }: { group: Group; onDone: () => void }) {
  const updateGroup = useStore((s) => s.updateGroup);
  const [name, setName] = useState(group.name);
  const [leadership, setLeadership] = useState<Leadership>(group.leadership);
  const [format, setFormat] = useState<MeetingFormat>(group.format);
  const [tags, setTags] = useState(group.tags.join(', '));
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
    try {
      await updateGroup(group.id, parsed.data);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Edit group">
      <Field label="Group name">
        <input required value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="form-row">
        <Field label="Leadership">
          <select value={leadership} onChange={(e) => setLeadership(e.target.value as Leadership)}>
            {Object.entries(LEADERSHIP_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Format">
          <select value={format} onChange={(e) => setFormat(e.target.value as MeetingFormat)}>
            {Object.entries(FORMAT_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Tags" hint="Comma-separated">
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <Alert message={error} onDismiss={() => setError(null)} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save group
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
