import { describe, expect, it } from 'vitest';
import { MAX_FEATURE_DEPTH, tooDeep } from './json-nesting.ts';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** A feature whose coordinates nest `levels` arrays: the feature, its geometry, then the arrays. */
const feature = (levels: number, name = 'x') =>
  `{"type":"Feature","properties":{"name":${JSON.stringify(name)}},"geometry":{"type":"Point","coordinates":${nested(levels)}}}`;
const collection = (...features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;

describe('tooDeep', () => {
  it('accepts a feature exactly at the limit and names the first one past it, with its full depth', () => {
    expect(tooDeep(collection(feature(MAX_FEATURE_DEPTH - 2)))).toBeUndefined();
    expect(tooDeep(collection(feature(MAX_FEATURE_DEPTH - 2), feature(MAX_FEATURE_DEPTH - 1), feature(500)))).toEqual({
      feature: 2,
      depth: MAX_FEATURE_DEPTH + 1,
    });
  });

  it('measures 200,000 levels without recursing', () => {
    expect(tooDeep(collection(feature(1), feature(200_000)))).toEqual({ feature: 2, depth: 200_002 });
  });

  it('counts features past brackets, braces, commas and escaped quotes inside strings', () => {
    const tricky = feature(1, 'a "[[[{,,,"} \\\\ \\" ],[');
    expect(tooDeep(collection(tricky, tricky, feature(70)))).toEqual({ feature: 3, depth: 72 });
  });

  it('finds features after other members of the collection, and ignores a "features" key deeper down', () => {
    const decoy = `{"type":"FeatureCollection","bbox":[1,2,3,4],"meta":{"features":[1,2]},"features":[${feature(1)},${feature(80)}]}`;
    expect(tooDeep(decoy)).toEqual({ feature: 2, depth: 82 });
  });

  it('counts a bare feature or geometry from the top, with no feature number', () => {
    expect(tooDeep(feature(100))).toEqual({ feature: null, depth: 102 });
    expect(tooDeep(`{"type":"Point","coordinates":${nested(70)}}`)).toEqual({ feature: null, depth: 71 });
  });

  it('leaves broken JSON (an unclosed string, unbalanced brackets) to the parser', () => {
    expect(tooDeep('{"type":"Featu')).toBeUndefined();
    expect(tooDeep(']]]}}')).toBeUndefined();
    expect(tooDeep('')).toBeUndefined();
  });
});
