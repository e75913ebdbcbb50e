/** Request and response schemas of the import routes. */
import { z } from '@hono/zod-openapi';

/** A reason as the catalogue in server/domain/reasons.ts keys it; the UI words it, else shows the message. */
const ReasonSchema = z
  .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
  .openapi('ImportReason', { description: 'Stable key and parameters of server/domain/reasons.ts' });

import { IMPORT_KINDS } from '../../import/import-options.ts';
import { IMPORT_TARGETS } from '../../import/preview-import.ts';

const yes = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'on');

/** Options that change how the file is read; sent with the upload, again with a re-preview or the commit. */
export const ReadOptionsSchema = z.object({
  crs: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .optional()
    .openapi({ example: 'EPSG:4547', description: 'Source CRS; default from the file, else WGS84' }),
  encoding: z.string().trim().min(1).max(40).optional().openapi({ example: 'gbk', description: 'Text encoding; default detected' }),
  sheet: z.string().trim().min(1).max(200).optional().openapi({ description: 'XLSX sheet or shapefile in a zip' }),
  map: z.string().trim().min(1).max(2000).optional().openapi({ example: '经度=lon,纬度=lat' }),
});

export const UploadFieldsSchema = ReadOptionsSchema.extend({
  layer: z.enum(IMPORT_TARGETS).openapi({ description: 'What the file holds' }),
  kind: z.enum(IMPORT_KINDS).optional().openapi({ description: 'The zone layer, when layer is zones' }),
}).refine((f) => f.layer !== 'zones' || f.kind !== undefined, { message: 'zones need a kind', path: ['kind'] });

export const CommitBodySchema = ReadOptionsSchema.extend({
  skip_invalid: yes.optional().openapi({ description: 'Import the valid rows and report the rest' }),
  replace: yes.optional().openapi({ description: 'Replace the whole layer' }),
});

export const UploadIdParam = z.object({
  id: z
    .string()
    .regex(/^u[0-9a-f]{24}$/, 'expected an upload id such as u0123456789abcdef01234567')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const ProblemSchema = z
  .object({
    row: z.number().nullable(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    // Always sent; optional for clients written before it.
    reason: ReasonSchema.optional(),
    message: z.string().openapi({ description: 'The reason in English' }),
  })
  .openapi('ImportProblem');

export const ReportSchema = z
  .object({
    file: z.string(),
    imported: z.number(),
    updated: z.number(),
    skipped: z.number(),
    errors: z.array(ProblemSchema),
    warnings: z.array(ProblemSchema),
  })
  .openapi('ImportReport');

export const PreviewSchema = z
  .object({
    id: z.string(),
    file: z.string(),
    size: z.number(),
    layer: z.enum(IMPORT_TARGETS),
    kind: z.string().nullable(),
    format: z.string().nullable(),
    encoding: z.string().nullable(),
    encodingBy: z.string().nullable(),
    crs: z
      .object({
        name: z.string(),
        from: z.enum(['option', 'file', 'assumed']),
        suggestion: z.string().nullable(),
        suggestionReason: ReasonSchema.nullable().optional(),
      })
      .nullable(),
    headers: z.array(z.string()),
    columns: z.record(z.string(), z.string()),
    sheet: z.string().nullable(),
    sheets: z.array(z.string()),
    rows: z.array(z.object({ row: z.number(), values: z.record(z.string(), z.unknown()), geometry: z.string().nullable() })),
    errors: z.array(ProblemSchema),
    warnings: z.array(ProblemSchema),
  })
  .openapi('ImportPreview');

export const ImportLogSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        imported_at: z.string(),
        username: z.string(),
        layer: z.string(),
        file_name: z.string(),
        file_sha256: z.string(),
        format: z.string().nullable(),
        encoding: z.string().nullable(),
        crs: z.string().nullable(),
        mode: z.string(),
        imported: z.number(),
        updated: z.number(),
        skipped: z.number(),
        warning_count: z.number(),
      }),
    ),
  })
  .openapi('ImportLog');
