// Every bad line of a refused CSV, so the file can be fixed in one go (line 0: the whole file).
import type { CsvLineError } from '../api/http.ts';

export function CsvLineErrors({ lines, id }: { lines: readonly CsvLineError[]; id?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className="csv-errors" id={id}>
      {lines.map((l, i) => (
        <li key={`${l.line}-${i}`}>
          {l.line === 0 ? 'The file' : `Line ${l.line}`}: {l.message}
        </li>
      ))}
    </ul>
  );
}
