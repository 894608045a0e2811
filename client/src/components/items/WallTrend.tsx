// A trend for the wall: the member's line (white) against the group median (dashed), drawn in
// SVG without text; its words (title, first and last values, legend) are HTML at wall size.
// The quarters it spans are in its accessible name.
interface Point {
  label: string;
  value: number;
  median: number | null;
}

export function WallTrend({ title, points, format, who }: { title: string; points: Point[]; format: (v: number) => string; who: string }) {
  const W = 100;
  const H = 60;
  const all = points.flatMap((p) => (p.median === null ? [p.value] : [p.value, p.median]));
  const min = Math.min(...all);
  const span = Math.max(...all) - min || 1;
  const x = (i: number) => (points.length === 1 ? W / 2 : (i * W) / (points.length - 1));
  const y = (v: number) => 4 + (1 - (v - min) / span) * (H - 8);
  const line = (vals: (number | null)[]) => vals.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <figure className="wall-trend" data-testid="wall-trend">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${title} of ${who} by quarter: ${points.map((p) => `${p.label} ${format(p.value)}`).join(', ')}`}>
        <polyline points={line(points.map((p) => p.median))} fill="none" stroke="#9ca3af" strokeWidth="1.5" strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
        <polyline points={line(points.map((p) => p.value))} fill="none" stroke="#fde68a" strokeWidth="4" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>
        <span className="wall-trend-title">
          {title}: {format(first.value)} → {format(last.value)}
        </span>
        <span className="wall-trend-legend">
          <span className="wall-trend-me">━ {who}</span> <span className="wall-soft">┅ group median</span>
        </span>
      </figcaption>
    </figure>
  );
}
