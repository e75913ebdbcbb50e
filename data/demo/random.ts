/**
 * A small seeded PRNG (mulberry32) so that every demo build is the same for the same seed on every
 * machine; Math.random cannot be seeded.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.range(min, maxInclusive + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /**
   * `weighted` for many picks from one long list: the running totals are summed once and each
   * pick is a binary search, so choosing among the country's 342 prefectures costs 9 steps, not 342.
   * A pick returns what `weighted` would for the same draw.
   */
  picker<T>(items: readonly (readonly [T, number])[]): () => T {
    if (items.length === 0) throw new Error('weighted pick from an empty list');
    const totals: number[] = [];
    let total = 0;
    for (const [, w] of items) {
      total += w;
      totals.push(total);
    }
    return () => {
      const r = this.next() * total;
      let lo = 0;
      let hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (r < (totals[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      return (items[lo] as readonly [T, number])[0];
    };
  }

  /** Standard normal by Box–Muller. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Kilometres to degrees at a latitude, for laying out approximate demo shapes. */
export function kmToDegrees(km: number, lat: number): { dLon: number; dLat: number } {
  return { dLon: km / (111.32 * Math.cos((lat * Math.PI) / 180)), dLat: km / 110.57 };
}
