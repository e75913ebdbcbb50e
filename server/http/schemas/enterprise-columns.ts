/** The map's on-demand columns: their index and the names asked for by key (routes/enterprise-columns.ts). */
import { z } from '@hono/zod-openapi';

export const ColumnIndexSchema = z
  .object({
    data_version: z.number().int(),
    screening_run: z.number().int(),
    years: z.array(z.number().int()),
    rules: z.array(
      z.object({
        rule_id: z.string(),
        title_zh: z.string(),
        title_en: z.string(),
        policy: z.string(),
        action: z.string(),
        enterprises: z.number().int(),
      }),
    ),
  })
  .openapi('ColumnIndex');

export const EnterpriseNameSchema = z
  .object({
    key: z.number().int(),
    id: z.string(),
    name: z.string(),
    name_en: z.string().nullable(),
    credit_code: z.string().nullable(),
  })
  .openapi('EnterpriseName');
