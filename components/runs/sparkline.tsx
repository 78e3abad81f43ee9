import type { SeriesRead } from '@/lib/history/metrics-store';

/**
 * A small server-rendered line (with the min–max band when the series is sampled), enough to
 * see a metric's shape on the run overview; interactive charts come with the Charts tab.
 */
export function Sparkline({
  series,
  label,
  width = 240,
  height = 48,
}: {
  series: SeriesRead;
  label: string;
  width?: number;
  height?: number;
}) {
  const points = series.points.filter((p) => Number.isFinite(p.value));
  if (points.length < 2) return <span className="text-xs text-zinc-500">not enough points</span>;
  const lows = series.sampled
    ? series.points.map((p) => p.min).filter(Number.isFinite)
    : points.map((p) => p.value);
  const highs = series.sampled
    ? series.points.map((p) => p.max).filter(Number.isFinite)
    : points.map((p) => p.value);
  const minY = Math.min(...lows);
  const maxY = Math.max(...highs);
  const firstX = points[0]!.step;
  const spanX = points.at(-1)!.step - firstX || 1;
  const spanY = maxY - minY || 1;
  const x = (step: number) => ((step - firstX) / spanX) * (width - 2) + 1;
  const y = (value: number) => height - 1 - ((value - minY) / spanY) * (height - 2);
  const line = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join('');
  const band = series.sampled
    ? [
        ...series.points
          .filter((p) => Number.isFinite(p.max))
          .map((p) => `${x(p.step).toFixed(1)},${y(p.max).toFixed(1)}`),
        ...series.points
          .filter((p) => Number.isFinite(p.min))
          .reverse()
          .map((p) => `${x(p.step).toFixed(1)},${y(p.min).toFixed(1)}`),
      ].join(' ')
    : null;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible"
    >
      {band && <polygon points={band} className="fill-brand-500/15" />}
      <path
        d={line}
        fill="none"
        strokeWidth={1.5}
        className="stroke-brand-600 dark:stroke-brand-500"
      />
    </svg>
  );
}
