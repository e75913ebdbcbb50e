/**
 * Screens a batch of enterprises given as columns — the shape in which DuckDB hands data over
 * and in which it crosses to a worker thread cheaply — and returns the flags and notes as columns,
 * ready to append. Pure: the same function runs on the main thread for small scopes and in the
 * worker pool for large ones, so both paths give identical results.
 */
import { actionCode } from '../actions.ts';
import type { ComplianceResult, Equipment, LocationAccuracy, PlantStatus } from '../enterprise.ts';
import { computeMetrics, type Metrics } from '../rules/metrics.ts';
import type { RuleSetT, RuleT } from '../rules/rule-schema.ts';
import type { ReserveZoneType, ZoneKind } from '../zone.ts';
import { EvidenceTexts } from './evidence-texts.ts';
import type { EnterpriseFacts, ZoneHit } from './facts.ts';
import { RulePlan } from './rule-plan.ts';
import { screenEnterprise } from './screen-enterprise.ts';

type Cell = string | number | boolean | null;

export interface ZoneTable {
  id: string[];
  name: string[];
  kind: ZoneKind[];
  zone_type: (ReserveZoneType | null)[];
}

export interface BatchInput {
  /** Enterprises by key: ids cost a string per enterprise on every hop and SQL joins them back. */
  key: Int32Array;
  /** Codes into dicts.region, dicts.sector, dicts.status, dicts.accuracy. */
  region: Int32Array;
  sector: Int32Array;
  status: Int32Array;
  accuracy: Int32Array;
  dicts: { region: (string | null)[]; sector: string[]; status: PlantStatus[]; accuracy: LocationAccuracy[] };
  /** 0 where unknown. */
  commissioned_year: Int32Array;
  /** 0 false, 1 true, anything else unknown. */
  above_scale: Uint8Array;
  in_park: Uint8Array;
  scattered_dirty: Uint8Array;
  green_factory: Uint8Array;
  /** Zone hits of row r are zone[hitStart[r] .. hitStart[r + 1]), as indexes into the ZoneTable. */
  hitStart: Uint32Array;
  hitZone: Uint32Array;
  hitDistance: Float64Array;
  /** key, year, energy_tce, added_value, water_m3, unit_power_kwh (NaN where missing) */
  indicators: readonly ArrayLike<Cell>[];
  /** key, kind, size, unit, count, commissioned_year */
  equipment: readonly ArrayLike<Cell>[];
  /** key, standard, passed, assessed_on, rectify_by, note */
  compliance: readonly ArrayLike<Cell>[];
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

/** Rows grouped by their first column, the enterprise key. */
function group<T>(c: readonly ArrayLike<Cell>[], make: (i: number) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  const ids = (c[0] ?? []) as ArrayLike<number>;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const list = out.get(id);
    if (list) list.push(make(i));
    else out.set(id, [make(i)]);
  }
  return out;
}

const NONE = Object.freeze([]) as unknown as never[];

const bool = (byte: number): boolean | null => (byte === 0 ? false : byte === 1 ? true : null);
const number = (v: Cell): number | null => (typeof v === 'number' && !Number.isNaN(v) ? v : null);

type IndicatorRow = Parameters<typeof computeMetrics>[0][number];

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
    const { input } = batch;
    const { dicts } = input;
    this.region_code = dicts.region[input.region[row] as number] ?? null;
    this.sector = dicts.sector[input.sector[row] as number] as string;
    this.status = dicts.status[input.status[row] as number] as PlantStatus;
    this.commissioned_year = input.commissioned_year[row] || null;
    this.above_scale = bool(input.above_scale[row] as number);
    this.in_park = bool(input.in_park[row] as number);
    this.scattered_dirty = input.scattered_dirty[row] === 1;
    this.green_factory = input.green_factory[row] === 1;
    this.location_accuracy = dicts.accuracy[input.accuracy[row] as number] as LocationAccuracy;
  }

  /**
   * Flags and notes leave a batch by key and SQL joins the ids back in, so the id a rule would
   * quote is the key as text.
   */
  get id(): string {
    return String(this.batch.input.key[this.row]);
  }

  get zones(): ZoneHit[] {
    if (this.zoneHits) return this.zoneHits;
    const { input } = this.batch;
    const row = this.row;
    const hits: ZoneHit[] = [];
    for (let j = input.hitStart[row] as number; j < (input.hitStart[row + 1] as number); j++) {
      const z = input.hitZone[j] as number;
      const distance = input.hitDistance[j] as number;
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
    readonly input: BatchInput,
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
      zone_id: t.id[z] as string,
      zone_name: t.name[z] as string,
      zone_kind: t.kind[z] as ZoneKind,
      zone_type: t.zone_type[z] ?? null,
      distance_m: distance,
    };
  }
}

export function screenBatch(input: BatchInput, zones: ZoneTable, plan: RulePlan): BatchOutput {
  const asOfYear = Number(plan.asOf.slice(0, 4));
  const ind = input.indicators;
  const indicatorsById = group(ind, (i) => ({
    year: ind[1]?.[i] as number,
    energy_tce: number(ind[2]?.[i] ?? null),
    added_value: number(ind[3]?.[i] ?? null),
    water_m3: number(ind[4]?.[i] ?? null),
    unit_power_kwh: number(ind[5]?.[i] ?? null),
  }));
  const eq = input.equipment;
  const equipmentById = group<Equipment>(eq, (i) => ({
    kind: eq[1]?.[i] as string,
    size: eq[2]?.[i] as number | null,
    unit: eq[3]?.[i] as string | null,
    count: eq[4]?.[i] as number,
    commissioned_year: eq[5]?.[i] as number | null,
  }));
  const co = input.compliance;
  const complianceById = group<ComplianceResult>(co, (i) => ({
    standard: co[1]?.[i] as ComplianceResult['standard'],
    passed: co[2]?.[i] as boolean,
    assessed_on: co[3]?.[i] as string,
    rectify_by: co[4]?.[i] as string | null,
    note: co[5]?.[i] as string | null,
  }));
  const batch = new BatchContext(input, zones, asOfYear);
  const evidence = new EvidenceTexts();
  // Flags gather in plain lists and leave as typed columns: those cross to the main thread and
  // into DuckDB as memory copies.
  const flags = {
    key: [] as number[],
    rule: [] as number[],
    action: [] as number[],
    severity: [] as number[],
    deadline: [] as number[],
    evidence: [] as number[],
  };
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
  const { dicts } = input;
  const ruleIndex = new Map(plan.ruleSet.rules.map((r, i) => [r.id, i]));
  // Rules per (region, sector, status) profile, keyed by the integer codes rather than a string.
  const profiles = new Map<number, RuleT[]>();
  const sectors = dicts.sector.length;
  const statuses = dicts.status.length;
  for (let row = 0; row < input.key.length; row++) {
    const r = input.region[row] as number;
    const sc = input.sector[row] as number;
    const st = input.status[row] as number;
    const profile = (r * sectors + sc) * statuses + st;
    let rules = profiles.get(profile);
    if (rules === undefined) {
      rules = plan.rulesForProfile(dicts.region[r] ?? null, dicts.sector[sc] as string, dicts.status[st] as PlantStatus);
      profiles.set(profile, rules);
    }
    // Enterprises no rule can touch cost nothing more.
    if (rules.length === 0) continue;
    const key = input.key[row] as number;
    const facts = new RowFacts(
      batch,
      row,
      equipmentById.get(key) ?? NONE,
      complianceById.get(key) ?? NONE,
      indicatorsById.get(key) ?? NONE,
    );
    const result = screenEnterprise(facts, plan, rules);
    for (const f of result.flags) {
      flags.key.push(key);
      flags.rule.push(ruleIndex.get(f.rule_id) as number);
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
