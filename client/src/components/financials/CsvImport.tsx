// Figures from a spreadsheet: the file goes to the server as text/csv; all or nothing, and a
// refused file lists every bad line so the member can fix them in one go.
import { useId, useState, type ChangeEvent } from 'react';
import { csvLineErrors, errorMessage, type CsvLineError } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { CsvLineErrors } from '../CsvLineErrors.tsx';

export function CsvImport({ groupId, quarter, onImported }: { groupId: string; quarter: string; onImported: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<CsvLineError[]>([]);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after fixing it
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    setLines([]);
    try {
      const { imported } = await recordsApi.importCsv(groupId, quarter, await file.text());
      setResult(`Imported ${imported} figure${imported === 1 ? '' : 's'} from ${file.name}.`);
      onImported();
    } catch (err) {
      setError(errorMessage(err));
      setLines(csvLineErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="csv-import" data-testid="csv-import">
      <label htmlFor={id}>Import a CSV file for {quarter}</label>
      <input id={id} type="file" accept=".csv,text/csv" onChange={(e) => void pick(e)} disabled={busy} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        Header <code>quarter,kpi,value,coach_only</code> (the last column is optional), one row per figure, e.g. <code>{quarter},total_revenue,1250000,false</code>.
      </p>
      {result && <p role="status">{result}</p>}
      {error && (
        <div role="alert" className="alert alert-block">
          <p>{error}</p>
          <CsvLineErrors lines={lines} />
        </div>
      )}
    </div>
  );
}
