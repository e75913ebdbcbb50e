/**
 * Screens a batch of enterprises given as named columns (batch-columns.ts) — the shape in which
 * DuckDB hands data over and in which it crosses to a worker thread cheaply — and returns the flags
 * and notes as columns, ready to append. Pure: the same function runs on the main thread for small
 * scopes and in the worker pool for large ones, so both paths give identical results.
 *
 * Columns are read by row index with `!`: the index is in range by construction, and unlike a cast
 * the assertion cannot change a column's type.
 */
import { actionCode } from '../actions.ts';
import type { ComplianceResult, Equipment, IndicatorYear, LocationAccuracy, PlantStatus } from '../enterprise.ts';
import { computeMetrics, type Metrics } from '../rules/metrics.ts';
import type { RuleSetT, RuleT } from '../rules/rule-schema.ts';
import type { ReserveZoneType, ZoneKind } from '../zone.ts';
import type { BatchInput, EnterpriseColumns, HitColumns } from './batch-columns.ts';
import { EvidenceTexts } from './evidence-texts.ts';
import { type EnterpriseFacts, plainFacts, type ZoneHit } from './facts.ts';
import { RulePlan } from './rule-plan.ts';
import { screenEnterprise } from './screen-enterprise.ts';

/** The zones a batch's hits point into, by index. */
export interface ZoneTable {
  id: string[];
  name: string[];
  kind: ZoneKind[];
  zone_type: (ReserveZoneType | null)[];
}

/**
 * Flags as numbers where they can be: the enterprise key, the rule's index in the rule set, the
 * action code (actions.ts) and the evidence as an index into the batch's evidence texts. Strings
 * cost on every hop — the copy from a worker and the append to DuckDB — and the ids and texts are
 * joined back in by SQL when the flags are stored. Evidence repeats a great deal (every steel
 * plant in one built-up area cites the same zone and sector list): a million-plant run has about
 * twelve flags per distinct evidence text, so each text crosses once per batch.
 */
export interface BatchOutput {
  flags: {
    key: Int32Array;
    rule: Int32Array;
    action: Int32Array;
    severity: Int32Array;
    /** Days since 1970-01-01, or NO_DEADLINE. */
    deadline: Int32Array;
    /** Index into evidenceTexts. */
    evidence: Int32Array;
  };
  /** Each distinct evidence (JSON) of the batch once. */
  evidenceTexts: string[];
  /** Notes by enterprise key, as flags. */
  notes: { key: number[]; rule_id: (string | null)[]; message: string[] };
}

/** A flag without a deadline, in BatchOutput's day-number column. */
export const NO_DEADLINE = -2_147_483_648;

const MS_PER_DAY = 86_400_000;

/** Child rows grouped by enterprise key. */
function byKey<T>(key: Int32Array, make: (i: number) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (let i = 0; i < key.length; i++) {
    const k = key[i]!;
    const list = out.get(k);
    if (list) list.push(make(i));
    else out.set(k, [make(i)]);
  }
  return out;
}

const NONE = Object.freeze([]) as unknown as never[];

const bool = (byte: number): boolean | null => (byte === 0 ? false : byte === 1 ? true : null);
const valueOrNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

type IndicatorRow = Pick<IndicatorYear, 'year' | 'energy_tce' | 'added_value' | 'water_m3' | 'unit_power_kwh'>;

/**
 * One row of a batch as EnterpriseFacts. A class rather than an object literal with a getter:
 * each such literal carries its own getter closure and so its own hidden class, which made every
 * property read in every rule megamorphic. Zone hits and metrics are worked out only when a rule
 * reads them — most enterprises are judged on sector, status and zone alone.
 */
class RowFacts implements EnterpriseFacts {
  readonly region_code: string | null;
  readonly sector: string;
  readonly status: PlantStatus;
  readonly commissioned_year: number | null;
  readonly above_scale: boolean | null;
  readonly in_park: boolean | null;
  readonly scattered_dirty: boolean;
  readonly green_factory: boolean;
  readonly location_accuracy: LocationAccuracy;
  private zoneHits: ZoneHit[] | null = null;
  private computed: Metrics | null = null;

  constructor(
    private readonly batch: BatchContext,
    private readonly row: number,
    readonly equipment: Equipment[],
    readonly compliance: ComplianceResult[],
    private readonly indicators: readonly IndicatorRow[],
  ) {
    const e = batch.enterprises;
    const { dicts } = e;
    this.region_code = dicts.region[e.region[row]!] ?? null;
    this.sector = dicts.sector[e.sector[row]!]!;
    this.status = dicts.status[e.status[row]!]!;
    this.commissioned_year = e.commissioned_year[row] || null;
    this.above_scale = bool(e.above_scale[row]!);
    this.in_park = bool(e.in_park[row]!);
    this.scattered_dirty = e.scattered_dirty[row] === 1;
    this.green_factory = e.green_factory[row] === 1;
    this.location_accuracy = dicts.accuracy[e.accuracy[row]!]!;
  }

  /**
   * Flags and notes leave a batch by key and SQL joins the ids back in, so the id a rule would
   * quote is the key as text.
   */
  get id(): string {
    return String(this.batch.enterprises.key[this.row]);
  }

  get zones(): ZoneHit[] {
    if (this.zoneHits) return this.zoneHits;
    const { start, zone, distance: distances } = this.batch.hits;
    const row = this.row;
    const hits: ZoneHit[] = [];
    for (let j = start[row]!; j < start[row + 1]!; j++) {
      const z = zone[j]!;
      const distance = distances[j]!;
      // Plants inside a zone share one hit object per zone, so its evidence is built once.
      hits.push(distance === 0 ? this.batch.insideHit(z) : this.batch.hit(z, distance));
    }
    this.zoneHits = hits;
    return hits;
  }

  get metrics(): Metrics {
    this.computed ??= computeMetrics(this.indicators, this.batch.asOfYear);
    return this.computed;
  }
}

/** What the rows of one batch share. */
class BatchContext {
  private readonly inside: ZoneHit[] = [];

  constructor(
    readonly enterprises: EnterpriseColumns,
    readonly hits: HitColumns,
    private readonly zones: ZoneTable,
    readonly asOfYear: number,
  ) {}

  /** The one hit object of zone z for every plant inside it. */
  insideHit(z: number): ZoneHit {
    let hit = this.inside[z];
    if (!hit) {
      hit = this.hit(z, 0);
      this.inside[z] = hit;
    }
    return hit;
  }

  hit(z: number, distance: number): ZoneHit {
    const t = this.zones;
    return {
      zone_id: t.id[z]!,
      zone_name: t.name[z]!,
      zone_kind: t.kind[z]!,
      zone_type: t.zone_type[z] ?? null,
      distance_m: distance,
    };
  }
}

/** A batch's indicators, equipment and compliance results grouped by enterprise key. */
function childRowsByKey(input: BatchInput) {
  const { indicators: ind, equipment: eq, compliance: co } = input;
  const indicatorsByKey = byKey<IndicatorRow>(ind.key, (i) => ({
    year: ind.year[i]!,
    energy_tce: valueOrNull(ind.energy_tce[i]!),
    added_value: valueOrNull(ind.added_value[i]!),
    water_m3: valueOrNull(ind.water_m3[i]!),
    unit_power_kwh: valueOrNull(ind.unit_power_kwh[i]!),
  }));
  const equipmentByKey = byKey<Equipment>(eq.key, (i) => ({
    kind: eq.kind[i]!,
    size: eq.size[i] ?? null,
    unit: eq.unit[i] ?? null,
    count: eq.count[i]!,
    commissioned_year: eq.commissioned_year[i] ?? null,
  }));
  const complianceByKey = byKey<ComplianceResult>(co.key, (i) => ({
    standard: co.standard[i]!,
    passed: co.passed[i] === 1,
    assessed_on: co.assessed_on[i]!,
    rectify_by: co.rectify_by[i] ?? null,
    note: co.note[i] ?? null,
  }));
  return { indicatorsByKey, equipmentByKey, complianceByKey };
}

export function screenBatch(input: BatchInput, zones: ZoneTable, plan: RulePlan): BatchOutput {
  const asOfYear = Number(plan.asOf.slice(0, 4));
  const { enterprises: rows, hits } = input;
  const { indicatorsByKey, equipmentByKey, complianceByKey } = childRowsByKey(input);
  const batch = new BatchContext(rows, hits, zones, asOfYear);
  const evidence = new EvidenceTexts();
  // Flags gather in plain lists and leave as typed columns: those cross to the main thread and
  // into DuckDB as memory copies.
  const flags: Record<keyof BatchOutput['flags'], number[]> = { key: [], rule: [], action: [], severity: [], deadline: [], evidence: [] };
  const notes: BatchOutput['notes'] = { key: [], rule_id: [], message: [] };
  const days = new Map<string, number>();
  const dayOf = (date: string | null): number => {
    if (date === null) return NO_DEADLINE;
    let day = days.get(date);
    if (day === undefined) {
      day = Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
      days.set(date, day);
    }
    return day;
  };
  const { dicts } = rows;
  const ruleIndex = new Map(plan.ruleSet.rules.map((r, i) => [r.id, i]));
  // Rules per (region, sector, status) profile, keyed by the integer codes rather than a string.
  const profiles = new Map<number, RuleT[]>();
  const sectors = dicts.sector.length;
  const statuses = dicts.status.length;
  for (let row = 0; row < rows.key.length; row++) {
    const r = rows.region[row]!;
    const sc = rows.sector[row]!;
    const st = rows.status[row]!;
    const profile = (r * sectors + sc) * statuses + st;
    let rules = profiles.get(profile);
    if (rules === undefined) {
      rules = plan.rulesForProfile(dicts.region[r] ?? null, dicts.sector[sc]!, dicts.status[st]!);
      profiles.set(profile, rules);
    }
    // Enterprises no rule can touch cost nothing more.
    if (rules.length === 0) continue;
    const key = rows.key[row]!;
    const facts = new RowFacts(
      batch,
      row,
      equipmentByKey.get(key) ?? NONE,
      complianceByKey.get(key) ?? NONE,
      indicatorsByKey.get(key) ?? NONE,
    );
    const result = screenEnterprise(facts, plan, rules);
    for (const f of result.flags) {
      flags.key.push(key);
      flags.rule.push(ruleIndex.get(f.rule_id)!);
      flags.action.push(actionCode(f.action));
      flags.severity.push(f.severity);
      flags.deadline.push(dayOf(f.deadline));
      flags.evidence.push(evidence.indexOf(f.evidence));
    }
    for (const n of result.notes) {
      notes.key.push(key);
      notes.rule_id.push(n.rule_id);
      notes.message.push(n.message);
    }
  }
  return {
    flags: {
      key: Int32Array.from(flags.key),
      rule: Int32Array.from(flags.rule),
      action: Int32Array.from(flags.action),
      severity: Int32Array.from(flags.severity),
      deadline: Int32Array.from(flags.deadline),
      evidence: Int32Array.from(flags.evidence),
    },
    evidenceTexts: evidence.texts,
    notes,
  };
}

/** A plan from a rule set and date, for callers (workers) that receive them as plain data. */
export function planOf(ruleSet: RuleSetT, asOf: string): RulePlan {
  return new RulePlan(ruleSet, asOf);
}

/**
 * Each row of a batch as plain EnterpriseFacts, in key order, with its zone hits and metrics
 * worked out and the key as text for its id (the caller maps keys back to ids): for callers that
 * screen the same plant more than once, such as relocation, which moves it from site to site.
 */
export function factsOfBatch(input: BatchInput, zones: ZoneTable, asOf: string): EnterpriseFacts[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const rows = input.enterprises;
  const { indicatorsByKey, equipmentByKey, complianceByKey } = childRowsByKey(input);
  const batch = new BatchContext(rows, input.hits, zones, asOfYear);
  return Array.from(rows.key, (key, row) =>
    plainFacts(new RowFacts(batch, row, equipmentByKey.get(key) ?? [], complianceByKey.get(key) ?? [], indicatorsByKey.get(key) ?? [])),
  );
}
