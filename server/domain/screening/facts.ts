/** Everything screening knows about one enterprise, gathered before any rule is evaluated. */
import type { ComplianceResult, Equipment, LocationAccuracy, PlantStatus } from '../enterprise.ts';
import type { Metrics } from '../rules/metrics.ts';
import type { ReserveZoneType, ZoneKind } from '../zone.ts';

export interface ZoneHit {
  zone_id: string;
  zone_name: string;
  zone_kind: ZoneKind;
  zone_type: ReserveZoneType | null;
  /** 0 inside (boundary included), else geodesic metres to the zone. */
  distance_m: number;
}

export interface EnterpriseFacts {
  id: string;
  region_code: string | null;
  sector: string;
  status: PlantStatus;
  commissioned_year: number | null;
  above_scale: boolean | null;
  in_park: boolean | null;
  scattered_dirty: boolean;
  green_factory: boolean;
  location_accuracy: LocationAccuracy;
  zones: ZoneHit[];
  equipment: Equipment[];
  compliance: ComplianceResult[];
  metrics: Metrics;
}

export const PLANNED_STATUSES: readonly PlantStatus[] = ['announced', 'pre-construction', 'construction'];

/**
 * The facts as a plain object, field by field: screening's facts are a class whose id, zones and
 * metrics are getters, which a spread would drop. `zones` replaces the zone hits when given.
 */
export function plainFacts(f: EnterpriseFacts, zones: ZoneHit[] = f.zones): EnterpriseFacts {
  return {
    id: f.id,
    region_code: f.region_code,
    sector: f.sector,
    status: f.status,
    commissioned_year: f.commissioned_year,
    above_scale: f.above_scale,
    in_park: f.in_park,
    scattered_dirty: f.scattered_dirty,
    green_factory: f.green_factory,
    location_accuracy: f.location_accuracy,
    zones,
    equipment: f.equipment,
    compliance: f.compliance,
    metrics: f.metrics,
  };
}
