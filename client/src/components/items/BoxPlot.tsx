// One KPI across the group as a small box plot (whiskers min..max, box the middle half, line
// the median) with the member in focus as a dot. The label carries the same facts as text.
import type { KpiGroupStats } from '../../../../shared/financials/types.ts';

interface Props {
  stats: KpiGroupStats | undefined;
  value?: number | null;
  who?: string;
  label: string;
  format: (v: number) => string;
}

const W = 160;
const H = 26;
const PAD = 8;

export function BoxPlot({ stats, value, who, label, format }: Props) {
  if (!stats || stats.n < 2 || stats.min === null || stats.max === null || stats.q1 === null || stats.q3 === null || stats.median === null) {
    return <span className="muted small">too few figures</span>;
  }
  const { min, max, q1, q3, median } = stats;
  const lo = Math.min(min, value ?? min);
  const hi = Math.max(max, value ?? max);
  const span = hi - lo || 1;
  const x = (v: number) => PAD + ((v - lo) / span) * (W - 2 * PAD);
  const text =
    `${label}: group from ${format(min)} to ${format(max)}, middle half ${format(q1)} to ${format(q3)}, median ${format(median)}` +
    (value !== null && value !== undefined && who ? `; ${who} ${format(value)}` : '');
  return (
    <svg className="box-plot" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={text}>
      <title>{text}</title>
      <line x1={x(min)} x2={x(max)} y1={H / 2} y2={H / 2} stroke="#6b7280" strokeWidth={1.5} />
      <line x1={x(min)} x2={x(min)} y1={H / 2 - 5} y2={H / 2 + 5} stroke="#6b7280" strokeWidth={1.5} />
      <line x1={x(max)} x2={x(max)} y1={H / 2 - 5} y2={H / 2 + 5} stroke="#6b7280" strokeWidth={1.5} />
      <rect x={x(q1)} y={H / 2 - 7} width={Math.max(2, x(q3) - x(q1))} height={14} fill="#dbeafe" stroke="#1e3a8a" strokeWidth={1} />
      <line x1={x(median)} x2={x(median)} y1={H / 2 - 7} y2={H / 2 + 7} stroke="#1e3a8a" strokeWidth={2.5} />
      {value !== null && value !== undefined && <circle cx={x(value)} cy={H / 2} r={5} fill="#b45309" stroke="#fff" strokeWidth={1.5} />}
    </svg>
  );
}
