// Add an item (another hot seat, a custom topic) at the end of the agenda. A shared session of a
// network event is offered no kind it cannot hold (shared/access agendaKindsFor: no financial
// review, goal review or new goals); the server refuses them anyway.
import { useMemo, useState, type FormEvent } from 'react';
import { agendaKindsFor } from '../../../../shared/access/index.ts';
import type { AgendaItemKind } from '../../../../shared/domain.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { newItemId } from '../../lib/ids.ts';
import { KIND_LABEL } from '../../lib/labels.ts';
import { useStore } from '../../store/index.ts';
import { Field } from '../Field.tsx';
import { LabelOptions } from '../LabelOptions.tsx';

export function AddAgendaItemForm() {
  const sendCommand = useStore((s) => s.sendCommand);
  const inSharedSession = useStore((s) => s.sharedSession !== null);
  const labels = useMemo(() => Object.fromEntries(agendaKindsFor({ eventAudience: inSharedSession }).map((k) => [k, KIND_LABEL[k]])), [inSharedSession]);
  const [kind, setKind] = useState<AgendaItemKind>('hotseat');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('30');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ack = await sendCommand({
      type: 'agenda.add',
      item: { id: newItemId(), kind, title: title.trim() || KIND_LABEL[kind], durationMs: Math.round(Number(minutes) * 60_000) },
    });
    if (ack.ok) setTitle('');
  };

  return (
    <form className="form form-inline add-item" onSubmit={onSubmit} aria-label="Add agenda item">
      <Field label="Kind">
        <select value={kind} onChange={(e) => setKind(e.target.value as AgendaItemKind)}>
          <LabelOptions labels={labels} />
        </select>
      </Field>
      <Field label="Title">
        <input value={title} maxLength={LIMITS.agendaTitleMax} placeholder={KIND_LABEL[kind]} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label="Minutes">
        <input
          type="number"
          className="input-minutes"
          required
          min={LIMITS.agendaItemMinMs / 60_000}
          max={LIMITS.agendaItemMaxMs / 60_000}
          step={1}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </Field>
      <button type="submit" className="btn btn-primary">
        Add item
      </button>
    </form>
  );
}
