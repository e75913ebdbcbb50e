/**
 * The ledger map's relocation layers, as pure functions of the data: each case's move as an arc
 * from where the plant stands to its site, coloured by the case's status (the colours of the
 * plants under it) and drawn fainter and thinner while only proposed; and the industrial parks,
 * sized and coloured by the land they have left.
 */
import type { Layer } from '@deck.gl/core';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import { CASE_STATUS_COLORS } from '../map/layers/case-status-colors.ts';
import { DIVERGING_RAMP, type RGB, rampColor } from '../map/palette.ts';
import type { ParkRoom, RelocationFlow, SiteStage } from './ledger-api.ts';

export type RGBA = [number, number, number, number];

export const ARC_LAYER_ID = 'relocation-flows';
export const PARK_LAYER_ID = 'relocation-parks';

/** A proposal is not decided yet: lighter and thinner than an approved or applied move. */
export const STAGE_STYLE: Record<SiteStage, { alpha: number; width: number }> = {
  proposed: { alpha: 110, width: 2 },
  approved: { alpha: 235, width: 4 },
  applied: { alpha: 255, width: 3 },
};

export function flowColor(flow: Pick<RelocationFlow, 'status' | 'stage'>): RGBA {
  const [r, g, b] = CASE_STATUS_COLORS[flow.status];
  return [r, g, b, STAGE_STYLE[flow.stage].alpha];
}

/** Land with nothing known about it is grey; otherwise red (none left) through green (all free). */
export const PARK_UNKNOWN_COLOR: RGB = [150, 150, 150];

/** The share of a park's land still free, 0–1; null when the data does not say. */
export function roomShare(park: Pick<ParkRoom, 'land_free_ha' | 'land_total_ha'>): number | null {
  const free = park.land_free_ha;
  if (free === null) return null;
  if (park.land_total_ha && park.land_total_ha > 0) return Math.min(1, Math.max(0, free / park.land_total_ha));
  return free > 0 ? 1 : 0;
}

export function parkColor(park: Pick<ParkRoom, 'land_free_ha' | 'land_total_ha'>): RGBA {
  const share = roomShare(park);
  const [r, g, b] = share === null ? PARK_UNKNOWN_COLOR : rampColor(DIVERGING_RAMP, 1 - share);
  return [r, g, b, 150];
}

/** The park colours from full to roomy, for the legend's swatch. */
export function parkRamp(steps = 5): RGB[] {
  return Array.from({ length: steps }, (_, i) => rampColor(DIVERGING_RAMP, 1 - i / (steps - 1)));
}

/** Radius in pixels: by area, so twice the free land looks twice as large; unknown or none is the smallest. */
export function parkRadius(park: Pick<ParkRoom, 'land_free_ha'>): number {
  const free = park.land_free_ha ?? 0;
  return Math.min(22, 4 + Math.sqrt(Math.max(0, free)));
}

export interface RelocationLayerOptions {
  flows: boolean;
  parks: boolean;
}

export function relocationLayers(flows: readonly RelocationFlow[], parks: readonly ParkRoom[], show: RelocationLayerOptions): Layer[] {
  const layers: Layer[] = [];
  if (show.parks && parks.length > 0)
    layers.push(
      new ScatterplotLayer<ParkRoom>({
        id: PARK_LAYER_ID,
        data: parks as ParkRoom[],
        getPosition: (p) => [p.lon, p.lat],
        getRadius: parkRadius,
        radiusUnits: 'pixels',
        getFillColor: parkColor,
        // Parks where a site is proposed or approved are ringed.
        getLineColor: (p) => (p.proposed + p.approved > 0 ? [20, 20, 20, 230] : [255, 255, 255, 200]),
        getLineWidth: (p) => (p.proposed + p.approved > 0 ? 2 : 1),
        lineWidthUnits: 'pixels',
        stroked: true,
        pickable: true,
      }),
    );
  if (show.flows && flows.length > 0)
    layers.push(
      new ArcLayer<RelocationFlow>({
        id: ARC_LAYER_ID,
        data: flows as RelocationFlow[],
        getSourcePosition: (f) => f.from,
        getTargetPosition: (f) => f.to,
        getSourceColor: flowColor,
        getTargetColor: flowColor,
        getWidth: (f) => STAGE_STYLE[f.stage].width,
        widthUnits: 'pixels',
        getHeight: 0.5,
        greatCircle: false,
        pickable: true,
      }),
    );
  return layers;
}
