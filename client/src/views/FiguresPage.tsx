// /groups/:id/figures: a member enters their own numbers for a quarter (by form or CSV), before
// or during the meeting. Units and ranges are checked here and again on the server.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { KpiDefinition } from '../../../shared/financials/types.ts';
import { kpiValueSchema } from '../../../shared/financials/kpis.ts';
import { previousQuarter, quarterOf } from '../../../shared/financials/quarters.ts';
import type { GroupFinancials } from '../../../shared/records.ts';
import { errorMessage, http } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

const UNIT = { currency: '€', percent: '%', count: '', days: 'days' } as const;

export function FiguresPage() {
  const { id = '' } = useParams();
  const me = useStore((s) => s.me?.user.id ?? '');
  const [quarter, setQuarter] = useState(() => previousQuarter(quarterOf(new Date())));
  const [kpis, setKpis] = useState<KpiDefinition[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [coachOnly, setCoachOnly] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('My figures');

  useEffect(() => {
    http.get<GroupFinancials>(`/api/groups/${id}/financials/${quarter}`).then((f) => {
      setKpis(f.kpis.filter((k) => !k.derived));
      const mine = f.members.find((m) => m.userId === me);
      setValues(Object.fromEntries(f.kpis.map((k) => [k.key, mine?.views[k.key]?.value?.toString() ?? ''])));
      setCoachOnly(Object.fromEntries((mine?.coachOnlyKeys ?? []).map((k) => [k, true])));
    }, (e) => setError(errorMessage(e)));
  }, [id, quarter, me]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    const figures = [];
    for (const k of kpis) {
      const raw = values[k.key]?.trim() ?? '';
      if (raw === '') continue;
      const parsed = kpiValueSchema(k).safeParse(Number(raw));
      if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? `${k.label}: not a valid number`);
      figures.push({ kpiKey: k.key, value: parsed.data, coachOnly: coachOnly[k.key] ?? false });
    }
    try {
      await http.put(`/api/groups/${id}/figures/${quarter}`, { figures });
      setMessage(`Saved ${figures.length} figures for ${quarter}.`);
    } catch (x) {
      setError(errorMessage(x));
    }
  };

  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setMessage(null);
    const res = await fetch(`/api/groups/${encodeURIComponent(id)}/figures/${quarter}/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.text(), credentials: 'same-origin' });
    const body = await res.json().catch(() => null);
    if (res.ok) setMessage(`Imported ${body?.imported ?? 'the'} figures.`);
    else {
      const lines = (body?.error?.details?.errors ?? []) as { line: number; message: string }[];
      setError([body?.error?.message ?? 'Import failed', ...lines.map((l) => `line ${l.line}: ${l.message}`)].join(' · '));
    }
  };

  return (
    <div className="stack">
      <h1>My figures</h1>
      <p><Link to={`/groups/${id}`}>Back to the group</Link> · Only your group sees them; "coach only" figures only your coach.</p>
      <form className="card section form" onSubmit={(e) => void save(e)} aria-label="My figures">
        <label>
          Quarter
          <input value={quarter} onChange={(e) => setQuarter(e.target.value)} pattern="\d{4}-Q[1-4]" required />
        </label>
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">KPI</th><th scope="col">Value</th><th scope="col">Coach only</th></tr></thead>
            <tbody>
              {kpis.map((k) => (
                <tr key={k.key}>
                  <th scope="row">{k.label}</th>
                  <td>
                    <input aria-label={`${k.label} (${UNIT[k.unit] || 'number'})`} inputMode="decimal" value={values[k.key] ?? ''} onChange={(e) => setValues({ ...values, [k.key]: e.target.value })} /> {UNIT[k.unit]}
                  </td>
                  <td><input type="checkbox" aria-label={`${k.label}: coach only`} checked={coachOnly[k.key] ?? false} onChange={(e) => setCoachOnly({ ...coachOnly, [k.key]: e.target.checked })} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" className="btn btn-primary">Save figures</button>
        <label>
          Or import a CSV (columns quarter,kpi,value[,coach_only])
          <input type="file" accept=".csv,text/csv" onChange={(e) => void importCsv(e.target.files?.[0])} />
        </label>
        {message && <p role="status">{message}</p>}
        <Alert message={error} onDismiss={() => setError(null)} />
      </form>
    </div>
  );
}
