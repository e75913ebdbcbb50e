import { describe, expect, it } from 'vitest';
import { latToY, lonToX } from '../../../../server/domain/geometry/mercator.ts';
import { fadeAt, LABEL_PADDING, type MeasureText, type PlacedLabel, placeLabelsAt, zoomStep } from './label-placement.ts';
import type { PlaceLabel } from './place-labels.ts';

/** A CJK glyph is about one em wide, a Latin one about 0.6 em. */
const measure: MeasureText = (text, size) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : 0.6 * size), 0);

function label(text: string, lon: number, lat: number, priority: number, minZoom = 0, maxZoom = 24): PlaceLabel {
  return { text, position: [lon, lat], level: 'town', priority, minZoom, maxZoom, size: 12 };
}

/** Screen boxes of placed labels at a zoom, padding included, as placement sees them. */
function boxes(placed: PlacedLabel[], zoom: number) {
  const scale = 512 * 2 ** zoom;
  return placed.map((l) => {
    const x = lonToX(l.position[0]) * scale;
    const y = latToY(l.position[1]) * scale;
    return [
      x - l.width / 2 - LABEL_PADDING,
      y - l.height / 2 - LABEL_PADDING,
      x + l.width / 2 + LABEL_PADDING,
      y + l.height / 2 + LABEL_PADDING,
    ];
  });
}

const overlaps = (a: number[], b: number[]) =>
  (a[0] as number) < (b[2] as number) &&
  (b[0] as number) < (a[2] as number) &&
  (a[1] as number) < (b[3] as number) &&
  (b[1] as number) < (a[3] as number);

describe('placeLabelsAt', () => {
  it('zero labels: none placed', () => {
    expect(placeLabelsAt([], 8, measure)).toEqual([]);
  });

  it('of two labels on the same spot, the higher priority stays', () => {
    const placed = placeLabelsAt([label('萨拉齐镇', 110.51, 40.54, 150), label('土默特右旗', 110.51, 40.54, 200)], 8, measure);
    expect(placed.map((l) => l.text)).toEqual(['土默特右旗']);
  });

  it('equal priorities: the first given stays', () => {
    const placed = placeLabelsAt([label('甲', 110, 40, 100), label('乙', 110, 40, 100)], 8, measure);
    expect(placed.map((l) => l.text)).toEqual(['甲']);
  });

  it('labels overlapping only at their ends, far from both anchors, still collide', () => {
    // Two long labels side by side: anchors 0.2° apart (≈ 36 px at zoom 8), each over 100 px wide.
    const placed = placeLabelsAt([label('达尔罕茂明安联合旗', 110.0, 41.0, 200), label('白云鄂博矿区东山', 110.2, 41.0, 150)], 8, measure);
    expect(placed).toHaveLength(1);
  });

  it('labels apart at a zoom are both placed, and stay apart zooming in', () => {
    const labels = [label('石拐', 110.06, 40.68, 200), label('东河', 110.04, 40.58, 150)];
    expect(placeLabelsAt(labels, 7, measure)).toHaveLength(1);
    expect(placeLabelsAt(labels, 9, measure)).toHaveLength(2);
  });

  it('no two placed labels overlap, among a dense field of 2,000', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const labels = Array.from({ length: 2000 }, (_, i) =>
      label(`镇${i}`.repeat(1 + (i % 3)), 109 + random() * 2, 40 + random() * 1.5, Math.floor(random() * 400)),
    );
    const placed = placeLabelsAt(labels, 8.5, measure);
    expect(placed.length).toBeGreaterThan(20);
    const b = boxes(placed, 8.5);
    const overlapping: string[] = [];
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        if (overlaps(b[i] as number[], b[j] as number[])) overlapping.push(`${placed[i]?.text} × ${placed[j]?.text}`);
    expect(overlapping).toEqual([]);
  });

  it('leaves out labels below their minZoom or from their maxZoom on', () => {
    const labels = [label('省', 112, 43, 400, 0, 8), label('镇', 110, 40, 100, 8)];
    expect(placeLabelsAt(labels, 7.75, measure).map((l) => l.text)).toEqual(['省']);
    expect(placeLabelsAt(labels, 8, measure).map((l) => l.text)).toEqual(['镇']);
  });

  it('crosses the antimeridian without wrapping boxes onto each other', () => {
    const placed = placeLabelsAt([label('East', 179.99, 0, 100), label('West', -179.99, 0, 100)], 3, measure);
    expect(placed).toHaveLength(2);
  });
});

describe('fadeAt', () => {
  it('0 below minZoom, a quarter at minZoom, full 0.75 zoom later, 0 from maxZoom', () => {
    const l = { minZoom: 8, maxZoom: 12 };
    expect(fadeAt(l, 7.99)).toBe(0);
    expect(fadeAt(l, 8)).toBe(0.25);
    expect(fadeAt(l, 8.375)).toBeCloseTo(0.625, 9);
    expect(fadeAt(l, 8.75)).toBe(1);
    expect(fadeAt(l, 12)).toBe(0);
  });
});

describe('zoomStep', () => {
  it('rounds down to quarter zooms', () => {
    expect(zoomStep(8)).toBe(8);
    expect(zoomStep(8.24)).toBe(8);
    expect(zoomStep(8.25)).toBe(8.25);
    expect(zoomStep(8.99)).toBe(8.75);
  });
});
