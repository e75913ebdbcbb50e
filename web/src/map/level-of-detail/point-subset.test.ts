import { describe, expect, it } from 'vitest';
import { countVisible, pointSubset } from './point-subset.ts';

/** Enterprise i sits at (i, 10 + i), coloured [i, 0, 0, 255], radius i + 2. */
function columns(n: number, visible: number[]) {
  const position = new Float32Array(2 * n);
  const colors = new Uint8Array(4 * n);
  const radii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    position.set([i, 10 + i], 2 * i);
    colors.set([i, 0, 0, 255], 4 * i);
    radii[i] = i + 2;
  }
  return { position, style: { colors, radii, visible: new Float32Array(visible) } };
}

describe('pointSubset', () => {
  it('maps each plant drawn back to its global index, with its own position, colour and radius', () => {
    const { position, style } = columns(6, [1, 1, 1, 1, 1, 1]);
    const s = pointSubset([2, 5], style, position);
    expect(s.count).toBe(2);
    expect([...s.index]).toEqual([2, 5]);
    expect([...s.positions]).toEqual([2, 12, 0, 5, 15, 0]);
    expect([...s.colors]).toEqual([2, 0, 0, 255, 5, 0, 0, 255]);
    expect([...(s.radii ?? [])]).toEqual([4, 7]);
  });

  it('keeps only the candidates the filter lets through, in candidate order', () => {
    const { position, style } = columns(5, [0, 1, 0, 1, 1]);
    expect([...pointSubset([0, 1, 2, 3, 4], style, position).index]).toEqual([1, 3, 4]);
    expect(countVisible([0, 1, 2, 3, 4], style.visible)).toBe(3);
  });

  it('is empty when the filter lets nothing through', () => {
    const { position, style } = columns(3, [0, 0, 0]);
    const s = pointSubset([0, 1, 2], style, position);
    expect([s.count, s.index.length, s.positions.length, s.colors.length]).toEqual([0, 0, 0, 0]);
  });

  it('is empty for no candidates', () => {
    const { position, style } = columns(3, [1, 1, 1]);
    expect(pointSubset([], style, position).count).toBe(0);
  });

  it('has no radii when every plant is drawn the same size', () => {
    const { position, style } = columns(2, [1, 1]);
    expect(pointSubset([0, 1], { ...style, radii: null }, position).radii).toBeNull();
  });
});
