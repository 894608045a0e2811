// The figures behind a LineChart as a table: the fallback for anyone who can't read the lines
// (screen readers, print, colour blindness), folded away so the charts stay at a glance.
import type { Series } from './LineChart.tsx';
import { TableWrap } from '../TableWrap.tsx';

export function SeriesTable({ title, labels, series, format }: { title: string; labels: string[]; series: Series[]; format: (v: number) => string }) {
  return (
    <details className="series-table">
      <summary>{title} as a table</summary>
      <TableWrap label={title}>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {series.map((s) => {
                  const v = s.values[i];
                  return <td key={s.label}>{v === null || v === undefined ? '–' : format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
