import { describe, expect, it } from 'vitest';
import { isProtomapsSchema, protomapsLayers } from './protomaps-style.ts';

const ids = (...names: string[]) => names.map((id) => ({ id }));

describe('Protomaps schema detection', () => {
  it('the full Protomaps layer set', () => {
    expect(
      isProtomapsSchema(ids('boundaries', 'buildings', 'earth', 'landcover', 'landuse', 'places', 'pois', 'roads', 'transit', 'water')),
    ).toBe(true);
  });

  it('a regional extract with only earth, boundaries and places', () => {
    expect(isProtomapsSchema(ids('earth', 'boundaries', 'places'))).toBe(true);
  });

  it('OpenMapTiles (water, landuse, transportation, place, boundary) is not Protomaps', () => {
    expect(isProtomapsSchema(ids('water', 'landuse', 'landcover', 'transportation', 'place', 'boundary', 'building'))).toBe(false);
  });

  it('an archive with a layer that happens to be called earth, and nothing else of the schema', () => {
    expect(isProtomapsSchema(ids('earth', 'enterprises'))).toBe(false);
  });

  it('zero vector layers', () => {
    expect(isProtomapsSchema([])).toBe(false);
  });
});

describe('Protomaps layers', () => {
  it('need no sprite: no layer asks for an icon', () => {
    const layers = protomapsLayers('basemap', 'zh');
    expect(layers.length).toBeGreaterThan(50);
    expect(JSON.stringify(layers)).not.toContain('icon-image');
    expect(layers.map((l) => l.id)).not.toContain('basemap-roads_shields');
  });

  it('keep their labels, prefixed so no id meets one of ours', () => {
    const layers = protomapsLayers('basemap', 'en');
    expect(layers.every((l) => l.id.startsWith('basemap-'))).toBe(true);
    const locality = layers.find((l) => l.id === 'basemap-places_locality');
    expect(locality?.type).toBe('symbol');
    expect(JSON.stringify(locality)).toContain('name:en');
  });

  it('label in Simplified Chinese for the Chinese UI', () => {
    const locality = protomapsLayers('basemap', 'zh').find((l) => l.id === 'basemap-places_locality');
    expect(JSON.stringify(locality)).toContain('name:zh-Hans');
  });
});
