/**
 * Writes an enterprise ledger as CSV the way government spreadsheets arrive: Chinese headers,
 * the demo generator's plausible enterprises (deterministic for a seed), with its planted problems
 * (credit codes failing their check, missing codes) left in so the import does its full work.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { generateEnterprises } from '../data/demo/generate-enterprises.ts';
import { loadDemoGeography } from '../data/demo/geography.ts';

const HEADERS = [
  '企业编号',
  '企业名称',
  '统一社会信用代码',
  '行业代码',
  '所在地区代码',
  '经度',
  '纬度',
  '生产状态',
  '投产年份',
  '产能',
  '产能单位',
  '英文名称',
];

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function writeEnterpriseCsv(path: string, count: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADERS.join(',')}\n`);
  for (const batch of generateEnterprises({ enterprises: count, seed }, loadDemoGeography())) {
    const lines = batch.enterprises.map((e) =>
      [
        e.id,
        e.name,
        e.credit_code,
        e.sector,
        e.region_code,
        e.lon,
        e.lat,
        e.status,
        e.commissioned_year,
        e.capacity,
        e.capacity_unit,
        (e.attributes as { name_en?: string } | null)?.name_en,
      ]
        .map(cell)
        .join(','),
    );
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
