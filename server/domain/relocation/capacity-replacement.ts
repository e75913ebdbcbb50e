/**
 * Capacity replacement (产能置换): a plant in steel, cement, flat glass or electrolytic aluminium
 * that relocates may rebuild only a share of the capacity it retires — retired / ratio, with the
 * ratio set per jurisdiction and period by MIIT's implementation measures. The table is data
 * (data/relocation/capacity-replacement.json), validated by the schema here; the lookup is pure.
 */
import { z } from 'zod';
import { isRegionCode, jurisdictionContains } from '../regions.ts';

export const REPLACEMENT_SECTORS = ['steel', 'cement', 'flat_glass', 'aluminium'] as const;
export type ReplacementSector = (typeof REPLACEMENT_SECTORS)[number];

/** GB/T 4754 prefixes of each sector; the longest matching prefix decides (C3216 before C31). */
const SECTOR_PREFIXES: readonly (readonly [string, ReplacementSector])[] = [
  ['C3216', 'aluminium'],
  ['C3041', 'flat_glass'],
  ['C3011', 'cement'],
  ['C31', 'steel'],
];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const jurisdiction = z.string().refine(isRegionCode, 'expected a six-digit GB/T 2260 code');

const SourceSchema = z.strictObject({
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  document_number: z.string().min(1),
  date: isoDate,
  note: z.string().optional(),
});

const RatioSchema = z.strictObject({
  sector: z.enum(REPLACEMENT_SECTORS),
  jurisdiction,
  from: isoDate,
  to: isoDate.nullable(),
  ratio: z.number().positive(),
  source: z.string(),
  /** What the curator of the data says of the value, in English and in Chinese. */
  note: z.string().optional(),
  note_zh: z.string().optional(),
});

export const CapacityReplacementTableSchema = z
  .strictObject({
    title: z.string(),
    note: z.string(),
    sources: z.record(z.string(), SourceSchema),
    key_regions: z.strictObject({ note: z.string(), jurisdictions: z.array(jurisdiction) }),
    ratios: z.array(RatioSchema).min(1),
  })
  .superRefine((table, ctx) => {
    table.ratios.forEach((r, i) => {
      if (!(r.source in table.sources)) {
        ctx.addIssue({ code: 'custom', path: ['ratios', i, 'source'], message: `no source "${r.source}" in sources` });
      }
      if (r.to !== null && r.to < r.from) {
        ctx.addIssue({ code: 'custom', path: ['ratios', i, 'to'], message: `to ${r.to} is before from ${r.from}` });
      }
    });
  });

export type CapacityReplacementTable = z.infer<typeof CapacityReplacementTableSchema>;
export type ReplacementSource = z.infer<typeof SourceSchema>;

export interface ReplacementQuery {
  sector: string;
  region_code: string | null;
  capacity: number | null;
  capacity_unit: string | null;
}

export interface CapacityReplacement {
  sector: ReplacementSector;
  /** Capacity retired for each unit built. */
  ratio: number;
  jurisdiction: string;
  /** The plant's capacity, all of it retired when it moves. */
  retired: number;
  /** What it may build at the new site: retired / ratio. */
  may_rebuild: number;
  unit: string | null;
  source: ReplacementSource & { id: string };
  note: string | null;
  note_zh: string | null;
}

export function replacementSector(sector: string): ReplacementSector | null {
  return SECTOR_PREFIXES.find(([prefix]) => sector.startsWith(prefix))?.[1] ?? null;
}

/** 0 national, 1 province, 2 prefecture, 3 county: a more specific rule wins. */
function specificity(code: string): number {
  if (code === '000000') return 0;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/**
 * The ratio in force on `asOf` for the plant's sector where it stands, and what it may rebuild;
 * null when its sector needs no replacement, its capacity is unknown, or no ratio covers the date.
 */
export function capacityReplacement(table: CapacityReplacementTable, query: ReplacementQuery, asOf: string): CapacityReplacement | null {
  const sector = replacementSector(query.sector);
  if (!sector || query.capacity === null || !Number.isFinite(query.capacity)) return null;
  const region = query.region_code;
  const candidates = table.ratios.filter(
    (r) =>
      r.sector === sector &&
      r.from <= asOf &&
      (r.to === null || asOf <= r.to) &&
      (r.jurisdiction === '000000' || (region !== null && jurisdictionContains(r.jurisdiction, region))),
  );
  const best = candidates.reduce<(typeof candidates)[number] | null>(
    (a, b) => (a === null || specificity(b.jurisdiction) > specificity(a.jurisdiction) ? b : a),
    null,
  );
  if (!best) return null;
  const source = table.sources[best.source] as ReplacementSource;
  return {
    sector,
    ratio: best.ratio,
    jurisdiction: best.jurisdiction,
    retired: query.capacity,
    may_rebuild: Math.round((query.capacity / best.ratio) * 1000) / 1000,
    unit: query.capacity_unit,
    source: { id: best.source, ...source },
    note: best.note ?? null,
    note_zh: best.note_zh ?? best.note ?? null,
  };
}
