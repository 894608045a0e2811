// The signed-in member's own figures for one quarter: one number per enterable KPI, each
// optionally "coach only". Derived KPIs (recurring share, revenue per employee) are computed.
import { useEffect, useState, type FormEvent } from 'react';
import { kpiValueSchema } from '../../../../shared/financials/kpis.ts';
import type { KpiDefinition, KpiUnit } from '../../../../shared/financials/types.ts';
import type { FinancialsMember } from '../../../../shared/records.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import './financials.css';

const UNIT: Record<KpiUnit, string> = { currency: 'EUR', percent: '%', count: 'number', days: 'days' };

interface Row {
  value: string;
  coachOnly: boolean;
}

function rowsFrom(kpis: KpiDefinition[], mine: FinancialsMember | undefined): Record<string, Row> {
  return Object.fromEntries(
    kpis.map((k) => {
      const v = mine?.views[k.key]?.value;
      return [k.key, { value: v === null || v === undefined ? '' : String(v), coachOnly: mine?.coachOnlyKeys.includes(k.key) ?? false }];
    }),
  );
}

interface Props {
  groupId: string;
  quarter: string;
  kpis: KpiDefinition[];
  mine: FinancialsMember | undefined;
  onSaved: () => void;
}

export function FigureForm({ groupId, quarter, kpis, mine, onSaved }: Props) {
  const enterable = kpis.filter((k) => !k.derived);
  const [rows, setRows] = useState(() => rowsFrom(enterable, mine));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A new quarter or a refetch after saving/importing replaces what the form shows.
  useEffect(() => setRows(rowsFrom(kpis.filter((k) => !k.derived), mine)), [kpis, mine]);

  const set = (key: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [key]: { value: '', coachOnly: false, ...r[key], ...patch } }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const figures = [];
    for (const k of enterable) {
      const row = rows[k.key];
      const had = mine?.views[k.key]?.value != null;
      const text = row?.value.trim().replace(',', '.') ?? '';
      if (text === '') {
        // An emptied field removes the stored figure; one never entered is left alone.
        if (had) figures.push({ kpiKey: k.key, value: null });
        continue;
      }
      // The server's unit and range rules, checked here first so a slip names its KPI at once.
      const parsed = kpiValueSchema(k).safeParse(Number(text));
      if (!parsed.success) {
        setMessage({ ok: false, text: parsed.error.issues[0]?.message ?? `${k.label} must be a number.` });
        return;
      }
      figures.push({ kpiKey: k.key, value: parsed.data, coachOnly: row?.coachOnly ?? false });
    }
    setBusy(true);
    setMessage(null);
    try {
      const res = await recordsApi.saveFigures(groupId, quarter, { figures });
      setMessage({ ok: true, text: `Saved. You have ${res.figures.length} figure${res.figures.length === 1 ? '' : 's'} for ${quarter}.` });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form figure-form" onSubmit={(e) => void save(e)} aria-label={`My figures for ${quarter}`}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Value</th>
            <th scope="col">Unit</th>
            <th scope="col">Coach only</th>
          </tr>
        </thead>
        <tbody>
          {enterable.map((k) => (
            <tr key={k.key}>
              <th scope="row">
                <label htmlFor={`fig-${k.key}`}>{k.label}</label>
              </th>
              <td>
                <input
                  id={`fig-${k.key}`}
                  className="input-figure"
                  inputMode="decimal"
                  value={rows[k.key]?.value ?? ''}
                  onChange={(e) => set(k.key, { value: e.target.value })}
                  aria-describedby={`unit-${k.key}`}
                />
              </td>
              <td id={`unit-${k.key}`}>{UNIT[k.unit]}</td>
              <td>
                <input type="checkbox" aria-label={`Coach only: ${k.label}`} checked={rows[k.key]?.coachOnly ?? false} onChange={(e) => set(k.key, { coachOnly: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Coach-only figures are seen by you, the coach and organisers; they stay out of the group's medians and ranks.</p>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save figures'}
        </button>
        {message && (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'alert-text'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
