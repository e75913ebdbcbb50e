import { describe, expect, it } from 'vitest';
import { allocatePoints, decodePoints, MAX_REGIONS, POINT_BYTES, POINT_HEADER_BYTES } from './point-payload.ts';

describe('point payload', () => {
  it('round-trips every column, the region up to 65,535', () => {
    const { buffer, columns } = allocatePoints(3, 7, 9);
    columns.position.set([110.5, 40.25, -180, 90, 179.5, -45.5]);
    columns.key.set([1, 2, 4_000_000_000]);
    columns.region.set([0, 256, MAX_REGIONS]);
    columns.group.set([0, 5, 255]);
    columns.action.set([0, 1, 11]);
    columns.packed.set([3, 0b1000_0101, 255]);
    const decoded = decodePoints(buffer);
    expect(decoded).toMatchObject({ count: 3, dataVersion: 7, screeningRun: 9 });
    expect(Array.from(decoded.region)).toEqual([0, 256, MAX_REGIONS]);
    expect(Array.from(decoded.key)).toEqual([1, 2, 4_000_000_000]);
    expect(Array.from(decoded.group)).toEqual([0, 5, 255]);
    expect(Array.from(decoded.action)).toEqual([0, 1, 11]);
    expect(Array.from(decoded.packed)).toEqual([3, 0b1000_0101, 255]);
    expect(Array.from(decoded.position)).toEqual([110.5, 40.25, -180, 90, 179.5, -45.5]);
  });

  it('odd counts keep the 16-bit region column aligned', () => {
    for (const n of [1, 3, 5]) {
      const { buffer, columns } = allocatePoints(n);
      columns.region.fill(300);
      expect(buffer.byteLength).toBe(POINT_HEADER_BYTES + n * POINT_BYTES);
      expect(Array.from(decodePoints(buffer).region)).toEqual(new Array(n).fill(300));
    }
  });

  it('zero points', () => {
    expect(decodePoints(allocatePoints(0).buffer).count).toBe(0);
  });

  it('refuses the retired GLP1 layout, whose region was a byte, by name', () => {
    const old = new ArrayBuffer(POINT_HEADER_BYTES + 16);
    new Uint32Array(old, 0, 2).set([0x31504c47, 1]);
    expect(() => decodePoints(old)).toThrow('retired GLP1 layout');
  });

  it('names the size it expected of a truncated payload', () => {
    const { buffer } = allocatePoints(2);
    expect(() => decodePoints(buffer.slice(0, buffer.byteLength - 1))).toThrow('point payload of 2 points should be 50 bytes, got 49');
  });
});
