/**
 * A value axis people read at a glance: about `ticks` steps of 1, 2, 2.5 or 5 × 10ⁿ, from a
 * multiple of the step at or below every value to one at or above. The chart sets it itself rather
 * than leaving it to ECharts, whose extent covers only the series: a target line outside the data
 * (−18% over intensities that fell 5%) would be drawn off the plot.
 */

export interface Scale {
  min: number;
  max: number;
  interval: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

export interface ScaleOptions {
  /** About how many steps. */
  ticks?: number;
  /** Counts: steps of at least 1 (no tick at half an enterprise). */
  integer?: boolean;
}

/** The scale over `values` (nulls and non-finite values skipped); 0 to 1 when none is left. */
export function niceScale(values: readonly (number | null)[], { ticks = 5, integer = false }: ScaleOptions = {}): Scale {
  if (!(Number.isInteger(ticks) && ticks >= 1)) throw new RangeError(`Unexpected ticks value: ${ticks}.`);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return integer ? { min: 0, max: 1, interval: 1 } : { min: 0, max: 1, interval: 0.2 };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    // One value: a step around it, so its line sits mid-plot instead of on an edge.
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const raw = (hi - lo) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = tidy((STEPS.find((s) => s * magnitude >= raw * (1 - 1e-9)) ?? 10) * magnitude);
  // 2.5 is no step for counts either: 2.5 × 10ⁿ below 10 would tick halves.
  const interval = integer ? Math.max(1, nice === 2.5 ? 2 : nice) : nice;
  return { min: tidy(Math.floor(lo / interval + 1e-9) * interval), max: tidy(Math.ceil(hi / interval - 1e-9) * interval), interval };
}

/** 0.30000000000000004 → 0.3: the ticks are printed. */
const tidy = (x: number) => Number(x.toPrecision(12)) + 0;
