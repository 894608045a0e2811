// A group's own KPI (e.g. NPS, utilisation, tickets per technician): name, unit, which way is
// better and decimals. Members then enter it with the rest; the review ranks it by direction.
// The schema (and zod with it) loads on submit, so the financial review does not wait for it.
import { useState, type FormEvent } from 'react';
import type { KpiDefinition, KpiUnit } from '../../../../shared/financials/types.ts';
import { recordsApi } from '../../api/records.ts';
import { useSubmit, validate } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

const UNITS: Record<KpiUnit, string> = { count: 'A number', percent: 'Percent', currency: 'Money (the group currency)', days: 'Days' };

export function CustomKpiForm({ groupId, own, onAdded }: { groupId: string; own: readonly KpiDefinition[]; onAdded: () => void }) {
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState<KpiUnit>('count');
  const [direction, setDirection] = useState<'higher' | 'lower'>('higher');
  const [decimals, setDecimals] = useState('0');
  const [added, setAdded] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    void run(async () => {
      const { customKpiSchema } = await import('../../../../shared/financials/kpiBodies.ts');
      const body = validate(customKpiSchema, { label, unit, direction, decimals: Number(decimals) });
      const kpi = await recordsApi.addKpi(groupId, body);
      setLabel('');
      setAdded(`${kpi.label} added: members can enter it now.`);
      onAdded();
    });
  };

  return (
    <section className="card section" aria-labelledby="kpi-h">
      <h2 id="kpi-h">The group's own KPIs</h2>
      {own.length > 0 ? (
        <ul className="goal-list" data-testid="own-kpis">
          {own.map((k) => (
            <li key={k.key}>
              <strong>{k.label}</strong> <span className="muted">— {UNITS[k.unit].toLowerCase()}, {k.direction === 'higher' ? 'higher' : 'lower'} is better</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Only the standard KPIs so far. Add one your group compares, e.g. net promoter score or billable utilisation.</p>
      )}
      <form className="form" onSubmit={submit} aria-label="Add a KPI">
        <div className="form-row">
          <Field label="KPI name">
            <input value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <Field label="Unit">
            <select value={unit} onChange={(e) => setUnit(e.target.value as KpiUnit)}>
              {Object.entries(UNITS).map(([k, text]) => (
                <option key={k} value={k}>
                  {text}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Better when">
            <select value={direction} onChange={(e) => setDirection(e.target.value as 'higher' | 'lower')}>
              <option value="higher">Higher</option>
              <option value="lower">Lower</option>
            </select>
          </Field>
          <Field label="Decimals">
            <select value={decimals} onChange={(e) => setDecimals(e.target.value)}>
              {['0', '1', '2'].map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </Field>
        </div>
        <Alert message={error} />
        {added && <p role="status">{added}</p>}
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Add KPI
          </button>
        </div>
      </form>
    </section>
  );
}
