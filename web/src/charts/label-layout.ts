/**
 * Line-end labels without overlap: moves each label as little as it can, vertically, so that
 * neighbours are at least `minGap` apart, keeping their order and staying within [min, max].
 *
 * Labels that would collide form a group centred on the mean of where its labels want to be (the
 * least squares placement); a group pushed past an edge is clamped, and groups that then touch
 * merge. One pass over the labels sorted by position, each merge undoing one push: O(n log n).
 * When even the whole range cannot hold them minGap apart, the gap shrinks to fit and they spread
 * evenly from min to max.
 */

export interface LabelLayoutOptions {
  /** Least distance between neighbouring labels' positions (a line height). */
  minGap: number;
  /** The plot's extent along the axis the labels move on: no label is placed outside it. */
  min: number;
  max: number;
}

interface Group {
  /** Index, in sorted order, of the group's first label. */
  first: number;
  size: number;
  /** Σ (wanted position − offset within the group × gap): the group's mean, times its size. */
  sum: number;
  /** Position of the group's first label. */
  start: number;
}

/** Positions for labels that want to be at `wanted`, in the same order as `wanted`. */
export function spreadLabels(wanted: readonly number[], { minGap, min, max }: LabelLayoutOptions): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError(`Unexpected label range: min ${min}, max ${max}.`);
  }
  if (!(Number.isFinite(minGap) && minGap >= 0)) throw new RangeError(`Unexpected minGap value: ${minGap}.`);
  wanted.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new RangeError(`Unexpected label position ${y} at index ${i}.`);
  });
  const n = wanted.length;
  if (n === 0) return [];

  // Equal positions keep their input order, so ties are placed the same way every time.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (wanted[a] as number) - (wanted[b] as number) || a - b);
  const gap = n > 1 ? Math.min(minGap, (max - min) / (n - 1)) : minGap;
  const place = (g: Group) => {
    g.start = Math.min(Math.max(g.sum / g.size, min), max - (g.size - 1) * gap);
  };

  const groups: Group[] = [];
  order.forEach((index, k) => {
    let g: Group = { first: k, size: 1, sum: wanted[index] as number, start: 0 };
    place(g);
    for (let prev = groups.at(-1); prev && prev.start + prev.size * gap > g.start; prev = groups.at(-1)) {
      groups.pop();
      // The later group's labels sit prev.size places further along the merged group.
      prev.sum += g.sum - g.size * prev.size * gap;
      prev.size += g.size;
      place(prev);
      g = prev;
    }
    groups.push(g);
  });

  const out = new Array<number>(n);
  for (const g of groups) {
    for (let j = 0; j < g.size; j++) out[order[g.first + j] as number] = g.start + j * gap;
  }
  return out;
}
