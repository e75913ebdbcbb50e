import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY, openApiPath, policyFor } from './access-policy.ts';

describe('policyFor', () => {
  it('prefers a literal segment to a parameter', () => {
    expect(policyFor('GET', '/api/cases/counts')?.path).toBe('/api/cases/counts');
    expect(policyFor('GET', '/api/cases/12')?.path).toBe('/api/cases/{id}');
    expect(policyFor('GET', '/api/enterprises/points')?.path).toBe('/api/enterprises/points');
  });

  it('matches method as well as path', () => {
    expect(policyFor('PATCH', '/api/cases/3')?.access).toMatchObject({ role: 'official' });
    expect(policyFor('GET', '/api/cases/3')?.access).toMatchObject({ role: 'viewer' });
    expect(policyFor('DELETE', '/api/cases/3')).toBeUndefined();
  });

  it('answers HEAD like GET', () => {
    expect(policyFor('HEAD', '/api/health')?.access.kind).toBe('public');
  });

  it('does not let a parameter swallow a slash or a dot-escape', () => {
    expect(policyFor('GET', '/api/cases/1/history/2')).toBeUndefined();
    expect(policyFor('GET', '/api/openapiXjson')).toBeUndefined();
  });

  it('converts Hono paths to OpenAPI paths', () => {
    expect(openApiPath('/api/cases/:id/evidence/:evidenceId')).toBe('/api/cases/{id}/evidence/{evidenceId}');
  });
});

describe('case data', () => {
  // Cases, their history, audit entries and relocation sites and moves are the officials'; the
  // planner map (open to anonymous readers where public-map is on) reaches none of them.
  const CASE_DATA = ['/api/cases', '/api/ledger', '/api/audit', '/api/relocation'];

  it('lives only behind a role, never on a public or map route', () => {
    const underCaseData = ACCESS_POLICY.filter((e) => CASE_DATA.some((prefix) => e.path === prefix || e.path.startsWith(`${prefix}/`)));
    expect(underCaseData.length).toBeGreaterThan(10);
    expect(underCaseData.filter((e) => e.access.kind !== 'role').map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });
});
