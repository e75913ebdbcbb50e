/**
 * Classes for a choropleth of counts: up to five, split at quantiles of the non-zero counts and
 * rounded down to 1-2-5 steps a reader takes in at a glance (1, 2, 5, 10, 20, 50 …). Zero is a
 * class of its own, drawn as "none".
 */

export const COUNT_RAMP = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

/** Lower bounds of each class, ascending, the first always 1. */
export function countBreaks(counts: readonly number[], classes = COUNT_RAMP.length): number[] {
  const values = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (values.length === 0) return [1];
  const breaks = new Set<number>([1]);
  for (let k = 1; k < classes; k++) {
    const q = values[Math.floor((k * values.length) / classes)] as number;
    const nice = niceFloor(q);
    if (nice > 1) breaks.add(nice);
  }
  return [...breaks].sort((a, b) => a - b);
}

/** The class of a count: −1 for zero, else the index of the highest break not above it. */
export function countClass(count: number, breaks: readonly number[]): number {
  if (count <= 0) return -1;
  let k = 0;
  while (k + 1 < breaks.length && count >= (breaks[k + 1] as number)) k++;
  return k;
}

function niceFloor(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  const m = n / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}
