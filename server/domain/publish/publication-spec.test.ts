import { describe, expect, it } from 'vitest';
import { describeSpecProblems, PublicationSpec, type PublicationSpecInput } from './publication-spec.ts';

const base: PublicationSpecInput = {
  title: { zh: '自然保护区内须退出的企业' },
  view: { center: [111, 41], zoom: 6 },
  draw: 'prefecture',
  fields: ['name', 'action'],
};

const problems = (input: unknown) => {
  const r = PublicationSpec.safeParse(input);
  return r.success ? '' : describeSpecProblems(r.error);
};

describe('PublicationSpec', () => {
  it('fills the defaults: English title empty, no zones, any host site, no review number', () => {
    const spec = PublicationSpec.parse(base);
    expect(spec).toMatchObject({
      title: { zh: '自然保护区内须退出的企业', en: '' },
      zones: [],
      frameAncestors: [],
      reviewNumber: '',
      bounds: null,
      filter: '',
    });
  });

  it('refuses points without the location field: exact coordinates only when ticked', () => {
    expect(problems({ ...base, draw: 'points' })).toMatch(/^draw: drawing points shows exact coordinates/);
    expect(problems({ ...base, draw: 'points', fields: ['name', 'location'] })).toBe('');
  });

  it('refuses a field outside the allowlist, such as indicators or notes', () => {
    expect(problems({ ...base, fields: ['name', 'indicators'] })).toMatch(/fields\.1/);
    expect(problems({ ...base, fields: ['last_note'] })).toMatch(/fields\.0/);
  });

  it('refuses frame ancestors that are not origins: paths, bare wildcards, other schemes', () => {
    for (const bad of ['*', 'https://example.org/page', 'javascript:alert(1)', "'self'", 'ftp://example.org']) {
      expect(problems({ ...base, frameAncestors: [bad] }), bad).toMatch(/frameAncestors\.0: expected an origin/);
    }
    expect(
      PublicationSpec.parse({ ...base, frameAncestors: ['https://WWW.Example.gov.cn', 'https://*.gov.cn:8443'] }).frameAncestors,
    ).toEqual(['https://www.example.gov.cn', 'https://*.gov.cn:8443']);
  });

  it('refuses a view outside its zoom range or bounds, and bounds that are inside out', () => {
    expect(problems({ ...base, minZoom: 8 })).toMatch(/view\.zoom: the initial zoom 6 lies outside the zoom range 8–16/);
    expect(problems({ ...base, bounds: [100, 30, 110, 40] })).toMatch(/view\.center: the initial centre 111,41 lies outside/);
    expect(problems({ ...base, bounds: [120, 30, 110, 40] })).toMatch(/bounds: west must be below east/);
    expect(problems({ ...base, minZoom: 9, maxZoom: 4, view: null })).toMatch(/minZoom: the lowest zoom 9 is above the highest 4/);
  });

  it('an empty title is refused by name', () => {
    expect(problems({ ...base, title: { zh: '  ' } })).toBe('title.zh: a publication needs a title');
  });
});
