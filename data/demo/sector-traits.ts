/**
 * What a typical plant of each sector group looks like in the demo: capacity and its unit, energy
 * and water intensity per 10,000 CNY of added value, and the equipment it runs. Illustrative
 * magnitudes only, chosen so that screening has realistic material to work on.
 */
import type { EquipmentKind } from '../../server/domain/enterprise.ts';
import type { SectorGroup } from '../../server/domain/sectors.ts';

export interface SectorTraits {
  capacityUnit: string;
  capacity: [number, number];
  /** tce per 10,000 CNY of added value in 2015. */
  energyIntensity: [number, number];
  /** m³ per 10,000 CNY of added value in 2015. */
  waterIntensity: [number, number];
  outputUnit: string;
  /** Electricity per unit of output, kWh (AC power per tonne of aluminium for smelters). */
  unitPower: [number, number] | null;
}

export const SECTOR_TRAITS: Record<SectorGroup, SectorTraits> = {
  steel: {
    capacityUnit: '万吨/年',
    capacity: [50, 1500],
    energyIntensity: [1.5, 3.2],
    waterIntensity: [8, 20],
    outputUnit: '万吨',
    unitPower: [380, 620],
  },
  nonferrous: {
    capacityUnit: '万吨/年',
    capacity: [5, 120],
    energyIntensity: [2.5, 6],
    waterIntensity: [6, 15],
    outputUnit: '万吨',
    unitPower: [13150, 14050],
  },
  coking_chemical: {
    capacityUnit: '万吨/年',
    capacity: [10, 400],
    energyIntensity: [1.2, 3],
    waterIntensity: [15, 40],
    outputUnit: '万吨',
    unitPower: null,
  },
  building_materials: {
    capacityUnit: '万吨/年',
    capacity: [30, 600],
    energyIntensity: [1.8, 4],
    waterIntensity: [3, 8],
    outputUnit: '万吨',
    unitPower: [75, 115],
  },
  paper: {
    capacityUnit: '万吨/年',
    capacity: [2, 80],
    energyIntensity: [0.6, 1.2],
    waterIntensity: [40, 90],
    outputUnit: '万吨',
    unitPower: null,
  },
  textile_dyeing: {
    capacityUnit: '万米/年',
    capacity: [500, 8000],
    energyIntensity: [0.3, 0.6],
    waterIntensity: [30, 70],
    outputUnit: '万米',
    unitPower: null,
  },
  pharma: {
    capacityUnit: '吨/年',
    capacity: [100, 5000],
    energyIntensity: [0.1, 0.25],
    waterIntensity: [10, 25],
    outputUnit: '吨',
    unitPower: null,
  },
  casting: {
    capacityUnit: '万吨/年',
    capacity: [0.5, 20],
    energyIntensity: [0.4, 0.9],
    waterIntensity: [2, 6],
    outputUnit: '万吨',
    unitPower: [500, 800],
  },
  coal: {
    capacityUnit: '万吨/年',
    capacity: [30, 2000],
    energyIntensity: [0.2, 0.45],
    waterIntensity: [2, 6],
    outputUnit: '万吨',
    unitPower: null,
  },
  power: {
    capacityUnit: 'MW',
    capacity: [100, 2600],
    energyIntensity: [4, 7],
    waterIntensity: [20, 45],
    outputUnit: '亿千瓦时',
    unitPower: null,
  },
  other: {
    capacityUnit: '万元/年',
    capacity: [500, 30000],
    energyIntensity: [0.08, 0.3],
    waterIntensity: [1, 6],
    outputUnit: '万元',
    unitPower: null,
  },
};

export interface EquipmentSpec {
  kind: EquipmentKind;
  unit: string;
  sizes: readonly number[];
  count: [number, number];
}

/** Equipment by sector code prefix; the first matching prefix wins. */
export const EQUIPMENT_BY_SECTOR: readonly (readonly [string, readonly EquipmentSpec[]])[] = [
  // Blast furnaces both inside and outside the restricted 400–1200 m³ band (P4).
  ['C3110', [{ kind: 'blast_furnace', unit: 'm3', sizes: [350, 450, 580, 1080, 1250, 1780, 2500, 3200], count: [1, 4] }]],
  ['C3120', [{ kind: 'converter', unit: 't', sizes: [25, 40, 60, 80, 100, 120, 150, 210], count: [1, 3] }]],
  ['C3216', [{ kind: 'electrolytic_cell', unit: 'kA', sizes: [200, 240, 300, 400, 500], count: [100, 400] }]],
  ['C3011', [{ kind: 'cement_kiln', unit: 't/d', sizes: [1000, 2500, 4000, 5000], count: [1, 2] }]],
  ['C3041', [{ kind: 'glass_furnace', unit: 't/d', sizes: [300, 500, 600, 900, 1200], count: [1, 3] }]],
  ['C2521', [{ kind: 'coke_oven', unit: 'm', sizes: [4.3, 5.5, 6, 6.78, 7.65], count: [1, 4] }]],
  ['C339', [{ kind: 'induction_furnace', unit: 't', sizes: [1, 2, 3, 5], count: [1, 4] }]],
  ['C22', [{ kind: 'paper_machine', unit: 't/d', sizes: [50, 150, 400, 1000], count: [1, 3] }]],
  ['D44', [{ kind: 'boiler', unit: 'MW', sizes: [135, 300, 350, 600, 660, 1000], count: [1, 4] }]],
];
