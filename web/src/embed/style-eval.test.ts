import { Color, createPropertyExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS } from '../../../server/domain/actions.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';
import { embedStyle } from './embed-style.ts';
import { evaluate, type Properties, paintValue } from './style-eval.ts';

const tiles = (file: string) => ({ file, layers: [], minZoom: 0, maxZoom: 12 });
const meta = (choropleth: SnapshotMeta['choropleth']) =>
  ({
    tiles: { basemap: tiles('basemap.pmtiles'), zones: tiles('zones.pmtiles'), enterprises: tiles('enterprises.pmtiles') },
    zones: [...ZONE_KINDS],
    choropleth,
  }) as unknown as SnapshotMeta;

// Features of every kind the embed's tiles carry: clusters of each size class, plants of each
// action, done or not, zones of every kind and reserve zoning, prefectures with counts.
const features: Properties[] = [
  ...[2, 9, 10, 99, 100, 999, 1000, 9999, 10000, 250000].map((n, i) => ({ point_count: n, c: i % (ACTIONS.length + 1) })),
  ...Array.from({ length: ACTIONS.length + 1 }, (_, c) => [{ c }, { c, d: 1 }, { c, d: 0 }]).flat(),
  ...ZONE_KINDS.flatMap((kind) => ['core', 'buffer', 'experimental', 'unzoned', 'other'].map((zone_type) => ({ kind, zone_type }))),
  ...[0, 1, 5, 40, 300, 5000].map((n) => ({ n, name: 'x' })),
  {},
];
const zooms = [2, 5.5, 6, 9, 14, 16];

/** What MapLibre itself makes of a paint value, as CSS text for colours. */
function maplibreValue(at: string, type: string, property: string, value: unknown, properties: Properties, zoom: number): unknown {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`]?.[property];
  if (!spec) throw new Error(`MapLibre has no paint property ${type} ${property}`);
  const parsed = createPropertyExpression(value, at, spec as never);
  if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(parsed.value)}`);
  const out = parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never);
  return out instanceof Color ? out.toString() : css(out);
}

const css = (value: unknown) => (typeof value === 'string' ? (Color.parse(value)?.toString() ?? value) : value);

describe('style expressions in the first frame', () => {
  // MapLibre warns on each value it replaces by the default (a prefecture without a count).
  beforeAll(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  for (const [label, m] of [
    ['points and zones', meta(null)],
    ['a choropleth', meta({ breaks: [1, 10, 100, 1000], colours: ['#fee', '#fcc', '#f88', '#c00'] })],
  ] as const) {
    it(`evaluate as MapLibre evaluates them, every paint value and filter of the embed's style (${label})`, () => {
      const style = embedStyle(m, 'http://example.test/v/1/');
      let compared = 0;
      for (const [index, layer] of style.layers.entries()) {
        const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
        const filter = 'filter' in layer ? layer.filter : undefined;
        for (const properties of features) {
          for (const zoom of zooms) {
            if (filter !== undefined) {
              const theirs = featureFilter(filter, `layers[${index}].filter`).filter({ zoom }, { type: 1, properties } as never);
              expect(evaluate(filter, properties, zoom), `${layer.id} filter on ${JSON.stringify(properties)}`).toBe(theirs);
            }
            for (const [property, value] of Object.entries(paint)) {
              if (property === 'line-dasharray' || typeof value === 'boolean') continue;
              const spec = (latest as unknown as Record<string, Record<string, { default?: unknown }>>)[`paint_${layer.type}`]?.[property];
              const ours = css(paintValue(value, properties, zoom, spec?.default));
              const theirs = maplibreValue(`layers[${index}].paint.${property}`, layer.type, property, value, properties, zoom);
              if (typeof theirs === 'number') expect(ours as number).toBeCloseTo(theirs, 9);
              else expect(ours, `${layer.id} ${property} at z${zoom} on ${JSON.stringify(properties)}`).toEqual(theirs);
              compared++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('names an expression it cannot draw rather than guessing', () => {
    expect(() => evaluate(['coalesce', ['get', 'a'], 1], {}, 3)).toThrow(/"coalesce"/);
    expect(() => evaluate(['interpolate', ['exponential', 2], ['zoom'], 1, 1, 5, 5], {}, 3)).toThrow(/linearly/);
  });

  it('interpolates between stops and holds the end values beyond them', () => {
    const width = ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2];
    expect(evaluate(width, {}, 2)).toBe(0.4);
    expect(evaluate(width, {}, 6.5)).toBeCloseTo(0.8, 12);
    expect(evaluate(width, {}, 12)).toBe(1.2);
  });
});
