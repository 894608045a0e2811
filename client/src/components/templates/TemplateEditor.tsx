// One agenda template being written: its name and items (kind, title, minutes, fixed), with
// breaks and "End of day" entries that split it into days, and its hot-seat protocol. Saved as
// a whole (POST or PUT).
import { useState, type FormEvent } from 'react';
import { AGENDA_KINDS, type AgendaItemKind, type AgendaTemplateItem } from '../../../../shared/domain.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { dayCount } from '../../../../shared/meeting/days.ts';
import { KIND_LABEL } from '../../lib/labels.ts';
import { formatMinutes } from '../../lib/time.ts';
import type { ProtocolChoice } from '../../../../shared/meeting/hotseatProtocol.ts';
import { choiceProblem, ProtocolEditor } from './ProtocolEditor.tsx';

interface Row {
  kind: AgendaItemKind;
  title: string;
  minutes: string;
  fixed: boolean;
}

const toRow = (i: AgendaTemplateItem): Row => ({ kind: i.kind, title: i.title, minutes: String(i.durationMs / 60_000), fixed: i.fixed === true });

export function TemplateEditor({ initial, onSave, onCancel }: {
  initial: { name: string; items: AgendaTemplateItem[]; protocol: ProtocolChoice };
  onSave: (t: { name: string; items: AgendaTemplateItem[]; protocol: ProtocolChoice }) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [rows, setRows] = useState<Row[]>(initial.items.map(toRow));
  const [protocol, setProtocol] = useState<ProtocolChoice>(initial.protocol);
  const [error, setError] = useState<string | null>(null);
  const items: AgendaTemplateItem[] = rows.map((r) => ({
    kind: r.kind,
    title: r.title.trim() || KIND_LABEL[r.kind],
    durationMs: r.kind === 'day-end' ? LIMITS.agendaItemMinMs : Math.round(Number(r.minutes) * 60_000),
    ...(r.fixed && { fixed: true }),
  }));
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, to: number) => {
    const next = [...rows];
    const [r] = next.splice(i, 1);
    if (r) next.splice(to, 0, r);
    setRows(next);
  };
  const add = (kind: AgendaItemKind, title: string, minutes: number) => setRows([...rows, { kind, title, minutes: String(minutes), fixed: false }]);
  const total = items.filter((i) => i.kind !== 'day-end').reduce((s, i) => s + i.durationMs, 0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (items.length === 0) return setError('Add at least one item.');
    if (items[0]?.kind === 'day-end') return setError('A template cannot start with an end of day.');
    const problem = choiceProblem(protocol);
    if (problem) return setError(`Hot-seat protocol: ${problem}`);
    onSave({ name: name.trim(), items, protocol }).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };

  return (
    <form className="form template-editor" onSubmit={onSubmit} data-testid="template-editor">
      <label>
        Template name <input required maxLength={LIMITS.groupNameMax} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ol className="plain-list template-rows">
        {rows.map((r, i) => (
          <li key={i} className="agenda-edit-form">
            <select aria-label={`Kind of item ${i + 1}`} value={r.kind} onChange={(e) => set(i, { kind: e.target.value as AgendaItemKind })}>
              {AGENDA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
            <input aria-label={`Title of item ${i + 1}`} value={r.title} maxLength={LIMITS.agendaTitleMax} placeholder={KIND_LABEL[r.kind]} onChange={(e) => set(i, { title: e.target.value })} />
            {r.kind !== 'day-end' && (
              <input aria-label={`Minutes for item ${i + 1}`} className="input-minutes" type="number" min={1} max={LIMITS.agendaItemMaxMs / 60_000} required value={r.minutes} onChange={(e) => set(i, { minutes: e.target.value })} />
            )}
            {r.kind !== 'day-end' && r.kind !== 'break' && (
              <label className="inline-check">
                <input type="checkbox" checked={r.fixed} onChange={(e) => set(i, { fixed: e.target.checked })} aria-label={`Item ${i + 1} is fixed`} /> Fixed
              </label>
            )}
            <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move item ${i + 1} up`}>↑</button>
            <button type="button" className="btn btn-small" disabled={i === rows.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move item ${i + 1} down`}>↓</button>
            <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove item ${i + 1}`}>Remove</button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="btn btn-small" onClick={() => add('custom', '', 30)}>Add item</button>
        <button type="button" className="btn btn-small" onClick={() => add('break', 'Coffee break', 15)}>Add break</button>
        <button type="button" className="btn btn-small" onClick={() => add('day-end', `End of day ${dayCount(items)}`, 1)}>Add end of day</button>
      </div>
      <p className="muted">
        {dayCount(items)} day(s) · {formatMinutes(total)} in all
      </p>
      <ProtocolEditor value={protocol} onChange={(c) => { setProtocol(c); setError(null); }} />
      {error && <p role="alert" className="alert">{error}</p>}
      <div className="button-row">
        <button type="submit" className="btn btn-primary">Save template</button>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
