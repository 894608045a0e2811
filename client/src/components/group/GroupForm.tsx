// Name, leadership, format, tags and who sees the figures of a group: used to create one and
// to edit one. The schema (and zod with it) loads on submit, so the home page, which offers
// this form to organisers only, does not carry zod.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { GroupBody } from '../../../../shared/api.ts';
import { useFields, useSubmit, validate } from '../../hooks/useForm.ts';
import { FORMAT_LABEL, LEADERSHIP_LABEL } from '../../lib/labels.ts';
import { parseTags } from '../../lib/tags.ts';
import { Alert } from '../Alert.tsx';
import { CurrencyOptions } from '../CurrencyOptions.tsx';
import { Field } from '../Field.tsx';
import { LabelOptions } from '../LabelOptions.tsx';

interface Props {
  initial?: GroupBody;
  /** The network's currency, offered as the group's default. */
  networkCurrency: string;
  submitLabel: string;
  onSubmit: (body: GroupBody) => Promise<void>;
  onCancel?: () => void;
  /** More fields of the same form (the kind of a new group). */
  extra?: ReactNode;
}

export function GroupForm({ initial, networkCurrency, submitLabel, onSubmit, onCancel, extra }: Props) {
  const { values, bind } = useFields({
    name: initial?.name ?? '',
    leadership: initial?.leadership ?? 'coach-led',
    format: initial?.format ?? 'in-person',
    tags: initial?.tags.join(', ') ?? '',
  });
  const [observersSee, setObserversSee] = useState(initial?.observersSeeFinancials ?? false);
  const [observersInRoom, setObserversInRoom] = useState(initial?.observersInRoom ?? false);
  const [observersSeeHotSeat, setObserversSeeHotSeat] = useState(initial?.observersSeeHotSeat ?? false);
  // '' = the network's currency (no override).
  const [currency, setCurrency] = useState(initial?.currency ?? '');
  const { busy, error, setError, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { groupBody } = await import('../../../../shared/api.ts');
      await onSubmit(validate(groupBody, { ...values, tags: parseTags(values.tags), observersSeeFinancials: observersSee, currency: currency || null, observersInRoom, observersSeeHotSeat }));
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <Field label="Group name">
        <input required {...bind('name')} />
      </Field>
      <div className="form-row">
        <Field label="Leadership">
          <select {...bind('leadership')}>
            <LabelOptions labels={LEADERSHIP_LABEL} />
          </select>
        </Field>
        <Field label="Format">
          <select {...bind('format')}>
            <LabelOptions labels={FORMAT_LABEL} />
          </select>
        </Field>
      </div>
      <Field label="Tags" hint="Comma-separated, e.g. IT services, Berlin">
        <input {...bind('tags')} />
      </Field>
      <Field label="Currency" hint="What the group's money (revenue, cash) is entered and shown in">
        <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
          <option value="">The network's ({networkCurrency})</option>
          <CurrencyOptions />
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={observersSee} onChange={(e) => setObserversSee(e.target.checked)} /> Observers may see the members' figures
        <small className="hint"> Off by default: figures stay with the members and the coach. "Coach only" figures never show to observers.</small>
      </label>
      <label className="check">
        <input type="checkbox" checked={observersInRoom} onChange={(e) => setObserversInRoom(e.target.checked)} /> Observers are in the room
        <small className="hint"> Off by default: observers never receive notes or commitments marked "stays in the room".</small>
      </label>
      <label className="check">
        <input type="checkbox" checked={observersSeeHotSeat} onChange={(e) => setObserversSeeHotSeat(e.target.checked)} /> Observers may follow hot-seat notes
        <small className="hint"> Off by default: a hot seat's notes stay with the members and the coach.</small>
      </label>
      {extra}
      <Alert message={error} onDismiss={() => setError(null)} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
