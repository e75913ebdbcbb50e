/** Reads and validates data/targets/targets.json; a bad file names the field and value. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Targets } from '../domain/targets/targets.ts';

export const TARGETS_FILE = 'data/targets/targets.json';

const jurisdiction = z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code');
const year = z.number().int().min(1990).max(2100);

const TargetsSchema = z.object({
  baseline_year: year,
  intensity: z.array(
    z.object({
      indicator: z.enum(['energy_intensity', 'water_intensity']),
      jurisdiction,
      change_percent: z.number(),
      by: year,
      source: z.string().min(1),
    }),
  ),
  growth: z.array(
    z.object({ indicator: z.literal('added_value'), jurisdiction, change_percent: z.number(), year, source: z.string().min(1) }),
  ),
  steel_caps: z.array(
    z.object({
      region: jurisdiction,
      cap_mt: z.number().positive(),
      by: year,
      sector_prefixes: z.array(z.string().regex(/^[A-T]\d{0,4}$/)).min(1),
      source: z.string().min(1),
    }),
  ),
});

export function parseTargets(text: string, file = TARGETS_FILE): Targets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = TargetsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    let value: unknown = json;
    for (const key of issue?.path ?? []) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    throw new Error(`${file}: ${path}: ${issue?.message} (got ${JSON.stringify(value)})`);
  }
  return parsed.data;
}

export function loadTargets(file = TARGETS_FILE): Targets {
  return parseTargets(readFileSync(file, 'utf8'), file);
}
