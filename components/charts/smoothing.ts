/**
 * Exponential moving average as W&B draws it: `weight` 0 leaves the line as is, 0.99 makes
 * it very smooth. Debiased (divided by 1 − weight^n), so the first points are not dragged
 * towards zero. Gaps (null, NaN, ±Infinity) stay gaps and do not reset the average.
 */
export function emaSmooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  if (!(weight > 0)) return [...values];
  const w = Math.min(weight, 0.999);
  let average = 0;
  let debias = 1;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return null;
    average = average * w + (1 - w) * value;
    debias *= w;
    return average / (1 - debias);
  });
}
