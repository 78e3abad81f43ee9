import type { SampledPoint, SeriesRead } from '../history/metrics-store';

/**
 * A series as the chart draws it: parallel columns (cheaper to send than one object per
 * point). `y` is null where the value is NaN or ±Infinity — the line breaks there.
 */
export interface SeriesColumns {
  x: number[];
  y: (number | null)[];
  /** The extremes of each bucket; only for sampled series. */
  min: (number | null)[] | null;
  max: (number | null)[] | null;
  /** The first step each point stands for (the bucket start when sampled). */
  steps: number[];
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/** The series against its own steps (x = step, or the sample index for system metrics). */
export function columnsByStep(series: SeriesRead): SeriesColumns {
  return {
    x: series.points.map((p) => p.step),
    y: series.points.map((p) => finite(p.value)),
    min: series.sampled ? series.points.map((p) => finite(p.min)) : null,
    max: series.sampled ? series.points.map((p) => finite(p.max)) : null,
    steps: series.points.map((p) => p.step),
  };
}

/**
 * Puts a series against another series of the same run (time, or any metric), joined by
 * step. Both were read over the same step range with the same point budget, so when both are
 * sampled they share one bucket grid; when only one is, the exact one is folded into the
 * other's buckets (the mean of its values there). Points with no x at their step are left
 * out. `xOffset` is subtracted from x (the run's start, for relative time).
 */
export function columnsAgainst(y: SeriesRead, x: SeriesRead, xOffset = 0): SeriesColumns {
  const width = Math.max(y.sampled ? y.bucketWidth : 1, x.sampled ? x.bucketWidth : 1);
  const xByBucket = new Map<number, { sum: number; n: number }>();
  for (const point of x.points) {
    if (!Number.isFinite(point.value)) continue;
    const bucket = Math.floor(point.step / width);
    const entry = xByBucket.get(bucket);
    if (entry) {
      entry.sum += point.value;
      entry.n++;
    } else xByBucket.set(bucket, { sum: point.value, n: 1 });
  }
  const out: SeriesColumns = {
    x: [],
    y: [],
    min: y.sampled ? [] : null,
    max: y.sampled ? [] : null,
    steps: [],
  };
  for (const point of y.points) {
    const entry = xByBucket.get(Math.floor(point.step / width));
    if (!entry) continue;
    out.x.push(entry.sum / entry.n - xOffset);
    out.y.push(finite(point.value));
    out.steps.push(point.step);
    if (y.sampled) {
      const sampled = point as SampledPoint;
      out.min!.push(finite(sampled.min));
      out.max!.push(finite(sampled.max));
    }
  }
  return out;
}

/**
 * The step range whose x values overlap [minX, maxX], from an overview of the x series
 * (sampled buckets carry their x extremes). Null when nothing overlaps. One bucket is kept on
 * either side so lines run to the edges of the view instead of stopping short.
 */
export function stepRangeForX(
  overview: SeriesRead,
  minX: number,
  maxX: number,
): { fromStep: number; toStep: number } | null {
  const points = overview.points;
  const width = overview.sampled ? overview.bucketWidth : 1;
  let first = -1;
  let last = -1;
  points.forEach((point, index) => {
    const lo = 'min' in point ? (point as SampledPoint).min : point.value;
    const hi = 'max' in point ? (point as SampledPoint).max : point.value;
    if (!(hi >= minX && lo <= maxX)) return;
    if (first < 0) first = index;
    last = index;
  });
  if (first < 0) return null;
  const from = points[Math.max(0, first - 1)]!;
  const to = points[Math.min(points.length - 1, last + 1)]!;
  return {
    fromStep: Math.floor(from.step / width) * width,
    toStep: overview.sampled ? Math.floor(to.step / width) * width + width - 1 : to.step,
  };
}
