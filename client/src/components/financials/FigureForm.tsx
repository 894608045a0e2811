// The signed-in member's own figures for one quarter: one number per enterable KPI, each
// optionally "coach only". Derived KPIs (recurring share, revenue per employee) are computed.
// The value schemas (and zod with them) load on save, so the financial review does not wait
// for them.
import { useEffect, useState, type FormEvent } from 'react';
import { formatFigureInput, parseFigureInput } from '../../../../shared/financials/format.ts';
import { viewerLocale } from '../../lib/locale.ts';
import type { KpiDefinition, KpiUnit } from '../../../../shared/financials/types.ts';
import type { FinancialsMember } from '../../../../shared/records.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import './financials.css';
import { TableWrap } from '../TableWrap.tsx';

const UNIT: Record<Exclude<KpiUnit, 'currency'>, string> = { percent: '%', count: 'number', days: 'days' };

interface Row {
  value: string;
  coachOnly: boolean;
}

/** The stored figures as the inputs show them: grouped in the viewer's locale ("1,117,649"). */
function rowsFrom(kpis: KpiDefinition[], mine: FinancialsMember | undefined, locale: string): Record<string, Row> {
  return Object.fromEntries(
    kpis.map((k) => [k.key, { value: formatFigureInput(mine?.views[k.key]?.value, locale), coachOnly: mine?.coachOnlyKeys.includes(k.key) ?? false }]),
  );
}

interface Props {
  groupId: string;
  quarter: string;
  kpis: KpiDefinition[];
  mine: FinancialsMember | undefined;
  /** The group's currency: the unit money is entered in. */
  currency: string;
  onSaved: () => void;
}

export function FigureForm({ groupId, quarter, kpis, mine, currency, onSaved }: Props) {
  const enterable = kpis.filter((k) => !k.derived);
  const locale = viewerLocale();
  const [rows, setRows] = useState(() => rowsFrom(enterable, mine, locale));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A new quarter or a refetch after saving/importing replaces what the form shows.
  useEffect(() => setRows(rowsFrom(kpis.filter((k) => !k.derived), mine, locale)), [kpis, mine, locale]);

  const set = (key: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [key]: { value: '', coachOnly: false, ...r[key], ...patch } }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { kpiValueSchema } = await import('../../../../shared/financials/kpiBodies.ts');
      const figures = [];
      for (const k of enterable) {
        const row = rows[k.key];
        const had = mine?.views[k.key]?.value != null;
        const typed = parseFigureInput(row?.value ?? '', locale);
        if (typed === null) {
          // An emptied field removes the stored figure; one never entered is left alone.
          if (had) figures.push({ kpiKey: k.key, value: null });
          continue;
        }
        // The server's unit and range rules, checked here first so a slip names its KPI at once.
        const parsed = kpiValueSchema(k).safeParse(typed);
        if (!parsed.success) {
          setMessage({ ok: false, text: parsed.error.issues[0]?.message ?? `${k.label} must be a number.` });
          return;
        }
        figures.push({ kpiKey: k.key, value: parsed.data, coachOnly: row?.coachOnly ?? false });
      }
      setBusy(true);
      setMessage(null);
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
      <TableWrap label={`My figures for ${quarter}`}>
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
                  // Grouped once the member leaves the field, so 1117649 reads as 1,117,649.
                  onBlur={(e) => {
                    const n = parseFigureInput(e.target.value, locale);
                    if (n !== null && Number.isFinite(n)) set(k.key, { value: formatFigureInput(n, locale) });
                  }}
                  aria-describedby={`unit-${k.key}`}
                />
              </td>
              <td id={`unit-${k.key}`}>{k.unit === 'currency' ? currency : UNIT[k.unit]}</td>
              <td>
                <input type="checkbox" aria-label={`Coach only: ${k.label}`} checked={rows[k.key]?.coachOnly ?? false} onChange={(e) => set(k.key, { coachOnly: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableWrap>
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
