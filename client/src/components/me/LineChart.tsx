// A small line chart in SVG; its aria-label reads the values out, and SeriesTable shows them as a table.
export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  values: (number | null)[];
}

/** `domain` fixes the value axis (e.g. 0..1 for rates) so a flat trend doesn't look dramatic. */
export function LineChart({ title, labels, series, format, domain }: { title: string; labels: string[]; series: Series[]; format: (v: number) => string; domain?: [number, number] }) {
  const W = 360;
  const H = 140;
  const pad = { l: 52, r: 20, t: 12, b: 22 };
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0 || labels.length === 0) return <p className="muted">No figures yet.</p>;
  const min = Math.min(...all, ...(domain ? [domain[0]] : []));
  const max = Math.max(...all, ...(domain ? [domain[1]] : []));
  const span = max - min || Math.abs(max) || 1;
  const x = (i: number) => pad.l + (labels.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (labels.length - 1));
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (H - pad.t - pad.b);
  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${series.map((s) => `${s.label} ${s.values.map((v) => (v === null ? 'none' : format(v))).join(', ')}`).join('; ')}`}>
        {/* The value axis: its two ends, with faint guide lines. */}
        {[min, max].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#e4e8ee" />
            <text x={pad.l - 6} y={y(v) + 3} textAnchor="end" fontSize="10" fill="#374151">
              {format(v)}
            </text>
          </g>
        ))}
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
          return (
            <g key={s.label}>
              <polyline points={pts.join(' ')} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dashed ? '6 4' : undefined} />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={s.color} />))}
            </g>
          );
        })}
        {/* The last label ends at its point so it stays inside the frame. */}
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={H - 6} textAnchor={labels.length > 1 && i === labels.length - 1 ? 'end' : 'middle'} fontSize="10" fill="#374151">
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
