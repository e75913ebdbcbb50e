/** The pure rules of relocation destinations: which step a case and its site allow, and how a refused site is named. */
import { describe, expect, it } from 'vitest';
import type { SiteVerdict } from '../domain/relocation/site.ts';
import { siteCells } from '../export/export-ledger.ts';
import { siteNotQualifying, siteRefusal } from './case-sites.ts';

const official = { username: 'bt', region: '150200' };
const relocate = { id: 7, action: 'relocate' as const, status: 'identified' as const, version: 3, region_code: '150203' };
const ref = { id: 7, version: 3 };
const proposedBy = (by: string) => ({ proposed_by: by, approved_by: null, applied_at: null });

describe('siteRefusal', () => {
  it('refuses a case that does not exist with 404', () => {
    expect(siteRefusal('propose', official, ref, undefined, undefined)).toMatchObject({ status: 404, reason: { key: 'case_not_found' } });
  });

  it('refuses a case outside the official’s region before anything else about it', () => {
    const hebei = { username: 'hb', region: '130000' };
    expect(siteRefusal('propose', hebei, { id: 7, version: 1 }, relocate, undefined)).toMatchObject({
      status: 403,
      reason: { key: 'case_outside_region' },
    });
  });

  it('refuses a stale version with 409, naming both versions', () => {
    expect(siteRefusal('propose', official, { id: 7, version: 2 }, relocate, undefined)).toMatchObject({
      status: 409,
      reason: { key: 'case_stale', params: { current: 3, based: 2 } },
    });
  });

  it.each(['upgrade', 'close', 'rectify'] as const)('refuses a site for a %s case', (action) => {
    expect(siteRefusal('propose', official, ref, { ...relocate, action }, undefined)).toMatchObject({
      status: 409,
      reason: { key: 'site_action_not_moving', params: { action } },
    });
  });

  it('lets a withdraw case propose a site', () => {
    expect(siteRefusal('propose', official, ref, { ...relocate, action: 'withdraw' }, undefined)).toBeNull();
  });

  it('lets a proposal replace an earlier one, even an approved one', () => {
    expect(siteRefusal('propose', official, ref, relocate, { proposed_by: 'x', approved_by: 'y', applied_at: null })).toBeNull();
  });

  it('refuses approval, withdrawal and applying without a proposal', () => {
    for (const change of ['approve', 'withdraw', 'apply'] as const) {
      expect(siteRefusal(change, official, ref, relocate, undefined)?.reason.key).toBe('site_none_proposed');
    }
  });

  it('refuses approval by the official who proposed it (four eyes)', () => {
    expect(siteRefusal('approve', official, ref, relocate, proposedBy('bt'))).toMatchObject({
      status: 403,
      reason: { key: 'site_four_eyes', params: { username: 'bt' } },
    });
    expect(siteRefusal('approve', official, ref, relocate, proposedBy('other'))).toBeNull();
  });

  it('refuses a second approval', () => {
    expect(siteRefusal('approve', official, ref, relocate, { proposed_by: 'x', approved_by: 'y', applied_at: null })?.reason.key).toBe(
      'site_already_approved',
    );
  });

  it('applies only an approved site of a completed or accepted case', () => {
    const approved = { proposed_by: 'x', approved_by: 'y', applied_at: null };
    expect(siteRefusal('apply', official, ref, relocate, proposedBy('x'))?.reason.key).toBe('site_not_approved');
    expect(siteRefusal('apply', official, ref, { ...relocate, status: 'in_progress' }, approved)?.reason).toMatchObject({
      key: 'site_apply_status',
      params: { status: 'in_progress' },
    });
    expect(siteRefusal('apply', official, ref, { ...relocate, status: 'completed' }, approved)).toBeNull();
    expect(siteRefusal('apply', official, ref, { ...relocate, status: 'accepted' }, approved)).toBeNull();
  });

  it('refuses every step once the location was applied', () => {
    const applied = { proposed_by: 'x', approved_by: 'y', applied_at: '2026-12-06T02:00:00.000Z' };
    for (const change of ['propose', 'approve', 'withdraw', 'apply'] as const) {
      expect(siteRefusal(change, official, ref, { ...relocate, status: 'completed' }, applied)?.reason.key).toBe('site_already_applied');
    }
  });
});

const verdict = (qualifies: boolean, reasons: SiteVerdict['reasons']): SiteVerdict => ({
  site: { source: 'point', park_id: null, name: null, name_en: null, lon: 109.85, lat: 40.65, region_code: '150200' },
  qualifies,
  rank: qualifies ? 1 : null,
  distance_km: 3.2,
  same_prefecture: true,
  same_province: true,
  sector_fit: 'open',
  land_free_ha: null,
  reasons,
});

const because = (kind: SiteVerdict['reasons'][number]['kind'], rule_id: string | null, zone_name: string | null = null) => ({
  kind,
  rule_id,
  policy: null,
  title_zh: null,
  title_en: null,
  zone_id: null,
  zone_name,
});

describe('siteNotQualifying', () => {
  it('passes a qualifying site', () => {
    expect(siteNotQualifying(verdict(true, [because('clears', 'P2-built-up-polluting')]))).toBeNull();
  });

  it('names each rule the site breaks with its zone, and leaves out the rules it clears', () => {
    const refused = siteNotQualifying(
      verdict(false, [
        because('clears', 'P1-reserve-core'),
        because('still_breaks', 'P2-built-up-polluting', '包头市城市建成区'),
        because('no_room', null),
      ]),
    );
    expect(refused?.reason).toMatchObject({
      key: 'site_not_qualifying',
      params: { rules: 'P2-built-up-polluting 包头市城市建成区; no_room' },
    });
    expect(refused?.details.reasons.map((r) => r.kind)).toEqual(['still_breaks', 'no_room']);
  });
});

describe('siteCells', () => {
  it('leaves the destination columns blank for a case without a site', () => {
    expect(Object.values(siteCells(undefined))).toEqual(['', '', '', '', '']);
  });

  it('writes the approval time on China’s clock', () => {
    const cells = siteCells({
      case_id: 7,
      park_id: 'IP-baotou-jiuyuan',
      site_name: '包头九原工业园区',
      lon: 109.557,
      lat: 40.64,
      site_region_code: '150200',
      reason: 'r',
      proposed_by: 'a',
      proposed_at: '2026-12-05T10:00:00.000Z',
      approved_by: 'b',
      approved_at: '2026-12-05T17:30:00.000Z',
      approval_note: null,
      applied_at: null,
      from_lon: null,
      from_lat: null,
    });
    expect(cells).toEqual({
      拟迁入地: '包头九原工业园区',
      迁入地经纬度: '109.557000, 40.640000',
      迁入地批准人: 'b',
      迁入地批准时间: '2026-12-06 01:30',
      位置更新时间: '',
    });
  });
});
