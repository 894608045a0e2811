// A small line chart in SVG with a text alternative (a table follows every chart on the page).
export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  values: (number | null)[];
}

export function LineChart({ title, labels, series, format }: { title: string; labels: string[]; series: Series[]; format: (v: number) => string }) {
  const W = 360;
  const H = 140;
  const pad = { l: 26, r: 26, t: 12, b: 22 };
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0 || labels.length === 0) return <p className="muted">No figures yet.</p>;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || Math.abs(max) || 1;
  const x = (i: number) => pad.l + (labels.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (labels.length - 1));
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (H - pad.t - pad.b);
  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${series.map((s) => `${s.label} ${s.values.map((v) => (v === null ? 'none' : format(v))).join(', ')}`).join('; ')}`}>
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
          return (
            <g key={s.label}>
              <polyline points={pts.join(' ')} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dashed ? '6 4' : undefined} />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={s.color} />))}
            </g>
          );
        })}
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={H - 6} textAnchor="middle" fontSize="10" fill="#374151">
            {l}
          </text>
        ))}
      </svg>
      <figcaption>
        {title}:{' '}
        {series.map((s) => (
          <span key={s.label} className="legend">
            <span className="swatch" style={{ borderColor: s.color, borderStyle: s.dashed ? 'dashed' : 'solid' }} /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
