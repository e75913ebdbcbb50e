/**
 * The plants to draw, gathered into compact columns: of the candidates (the plants in a region of
 * the map), those the filter lets through, with their position, colour and radius, and `index`
 * mapping each back to its place in the full columns. deck.gl reports a picked plant by its place
 * here; `index` turns that into the enterprise index the rest of the app uses.
 */

export interface SubsetStyle {
  /** RGBA per enterprise. */
  colors: Uint8Array;
  /** Pixels per enterprise; null draws every plant the same size. */
  radii: Float32Array | null;
  /** 1 where the filter lets the enterprise through, 0 elsewhere. */
  visible: Float32Array;
}

export interface PointSubset {
  count: number;
  /** Global enterprise index of each plant drawn, ascending when the candidates are. */
  index: Uint32Array;
  /**
   * x, y, 0 per plant in degrees: deck.gl 9 ignores `size` on binary attributes
   * (visgl/deck.gl#8152), so positions must arrive as three components.
   */
  positions: Float32Array;
  colors: Uint8Array;
  radii: Float32Array | null;
}

export function countVisible(candidates: ArrayLike<number>, visible: Float32Array): number {
  let n = 0;
  for (let k = 0; k < candidates.length; k++) if (visible[candidates[k] as number] === 1) n++;
  return n;
}

export function pointSubset(candidates: ArrayLike<number>, style: SubsetStyle, position: Float32Array): PointSubset {
  const { visible, colors, radii } = style;
  const count = countVisible(candidates, visible);
  const index = new Uint32Array(count);
  const positions = new Float32Array(count * 3);
  const outColors = new Uint8Array(count * 4);
  const outRadii = radii ? new Float32Array(count) : null;
  let j = 0;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k] as number;
    if (visible[i] !== 1) continue;
    index[j] = i;
    positions[3 * j] = position[2 * i] as number;
    positions[3 * j + 1] = position[2 * i + 1] as number;
    outColors[4 * j] = colors[4 * i] as number;
    outColors[4 * j + 1] = colors[4 * i + 1] as number;
    outColors[4 * j + 2] = colors[4 * i + 2] as number;
    outColors[4 * j + 3] = colors[4 * i + 3] as number;
    if (outRadii) outRadii[j] = (radii as Float32Array)[i] as number;
    j++;
  }
  return { count, index, positions, colors: outColors, radii: outRadii };
}
