// An organiser adds an industry reference set (a published study's quartiles) from CSV, typed or
// read from a file in the browser. A refused file lists every bad line under the CSV, tied to it,
// so it can be fixed in one go; nothing is stored then.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { referenceSetBody, type ReferenceSet } from '../../../../shared/benchmarks.ts';
import { csvLineErrors, errorMessage, type CsvLineError } from '../../api/http.ts';
import { benchmarksApi } from '../../api/network.ts';
import { validate } from '../../hooks/useForm.ts';
import { CsvLineErrors } from '../CsvLineErrors.tsx';
import { CurrencyOptions } from '../CurrencyOptions.tsx';
import { Field } from '../Field.tsx';
import './financials.css';

const HEADER = 'kpi,q1,median,q3\n';

interface Props {
  networkId: string;
  /** Money in the study defaults to the network's currency. */
  networkCurrency: string;
  onAdded: (set: ReferenceSet) => void;
}

export function ReferenceSetForm({ networkId, networkCurrency, onAdded }: Props) {
  const errorsId = useId();
  const initial = { source: '', year: String(new Date().getFullYear() - 1), currency: networkCurrency, csv: HEADER };
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<CsvLineError[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after fixing it
    if (file) set({ csv: await file.text() });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setLines([]);
    setAdded(null);
    try {
      const body = validate(referenceSetBody, { ...form, year: Number(form.year) });
      const saved = await benchmarksApi.loadReference(networkId, body);
      setForm({ ...initial, currency: form.currency });
      setAdded(`Added ${saved.source} ${saved.year}: ${saved.values.length} KPI${saved.values.length === 1 ? '' : 's'}.`);
      onAdded(saved);
    } catch (err) {
      setError(errorMessage(err));
      setLines(csvLineErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Add an industry reference set">
      <div className="form-row">
        <Field label="Source (study)">
          <input value={form.source} onChange={(e) => set({ source: e.target.value })} required maxLength={120} />
        </Field>
        <Field label="Year">
          <input type="number" min={1990} max={2100} value={form.year} onChange={(e) => set({ year: e.target.value })} required />
        </Field>
        <Field label="Currency" hint="What its money KPIs are in">
          <select value={form.currency} onChange={(e) => set({ currency: e.target.value })}>
            <CurrencyOptions />
          </select>
        </Field>
      </div>
      <Field label="Quartiles (CSV)" hint="Header kpi,q1,median,q3; one row per KPI, e.g. gross_margin_pct,35,42.5,48">
        <textarea
          rows={6}
          value={form.csv}
          onChange={(e) => set({ csv: e.target.value })}
          aria-invalid={lines.length > 0 || undefined}
          aria-describedby={lines.length > 0 ? errorsId : undefined}
          spellCheck={false}
        />
      </Field>
      <Field label="Or read a CSV file" hint="Read here in your browser; check it above, then add">
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} />
      </Field>
      {error && (
        <div role="alert" className="alert alert-block">
          {/* The server's message repeats the lines; the list says them one by one. */}
          <p>{lines.length > 0 ? 'Nothing was added. Fix these lines of the CSV and add it again:' : error}</p>
          <CsvLineErrors lines={lines} id={errorsId} />
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add reference set'}
        </button>
        {added && (
          <span role="status" className="ok-text">
            {added}
          </span>
        )}
      </div>
    </form>
  );
}
