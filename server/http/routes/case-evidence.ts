/**
 * Evidence files of a case: upload (multipart, field `file`; size and type limited) and download
 * (checked against its SHA-256 on the way out).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCase } from '../../db/case-store.ts';
import { getEvidence } from '../../db/evidence-store.ts';
import { chinaToday } from '../../domain/case-lifecycle.ts';
import { EVIDENCE_EXTENSIONS } from '../../domain/evidence-types.ts';
import { reason } from '../../domain/reasons.ts';
import { principalCovers } from '../../domain/roles.ts';
import { attachEvidence } from '../../ledger/attach-evidence.ts';
import { DEFAULT_EVIDENCE_DIR, DEFAULT_EVIDENCE_MAX_BYTES, readEvidenceFile } from '../../ledger/evidence-files.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { CaseIdParam, EvidenceSchema } from '../schemas/case.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import { ledgerDenied } from './cases.ts';

const upload = createRoute({
  method: 'post',
  path: '/cases/{id}/evidence',
  tags: ['ledger'],
  summary: `Attaches an evidence file (${EVIDENCE_EXTENSIONS.join(', ')}) to a case`,
  description: 'multipart/form-data with one field `file`. Stored outside the database under its SHA-256; bumps the case version.',
  request: {
    params: CaseIdParam,
    body: {
      // Checked in the handler, which names what was wrong; zod cannot describe a File to OpenAPI.
      content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } },
      required: true,
    },
  },
  responses: {
    201: { description: 'The stored file', content: { 'application/json': { schema: EvidenceSchema } } },
    ...ledgerDenied,
    ...notFound,
    ...errorResponses,
    413: { description: 'File too large', content: { 'application/json': { schema: ErrorSchema } } },
    415: { description: 'File type not accepted', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const download = createRoute({
  method: 'get',
  path: '/cases/{id}/evidence/{evidenceId}',
  tags: ['ledger'],
  summary: 'Downloads an evidence file',
  request: {
    params: CaseIdParam.extend({
      evidenceId: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'evidenceId', in: 'path' }, example: 1 }),
    }),
  },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...ledgerDenied,
    ...notFound,
  },
});

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function caseEvidenceRoutes({ db, config }: AppDeps) {
  const settings = { dir: config.evidenceDir ?? DEFAULT_EVIDENCE_DIR, maxBytes: config.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES };
  const app = router();
  // Refuses an oversized body before reading it; the multipart envelope adds a little to the file.
  app.use(
    '/cases/:id/evidence',
    bodyLimit({
      maxSize: settings.maxBytes + 64 * 1024,
      onError: () => {
        throw ApiError.because(413, reason('evidence_upload_too_large', { limit: settings.maxBytes }));
      },
    }),
  );
  return app
    .openapi(upload, async (c) => {
      const { id } = c.req.valid('param');
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) throw ApiError.because(415, reason('evidence_not_multipart', { type }));
      const { file } = c.req.valid('form');
      if (!(file instanceof File)) throw ApiError.because(400, reason('evidence_no_file'));
      const bytes = new Uint8Array(await file.arrayBuffer());
      const record = await attachEvidence(db, caller(c), id, { fileName: file.name, bytes }, settings);
      return c.json(record, 201);
    })
    .openapi(download, async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      const principal = caller(c);
      const found = await getCase(db, id, chinaToday());
      if (!found) throw ApiError.because(404, reason('case_not_found', { id }));
      if (!principalCovers(principal, found.region_code)) {
        throw ApiError.because(
          403,
          reason('case_outside_region', { id, region: found.region_code ?? '(none)', scope: principal.region ?? '' }),
        );
      }
      const evidence = await getEvidence(db, id, evidenceId);
      if (!evidence) throw ApiError.because(404, reason('evidence_not_found', { id, evidence: evidenceId }));
      const bytes = await readEvidenceFile(settings.dir, evidence.sha256);
      c.header('content-type', evidence.media_type);
      c.header('content-disposition', contentDisposition(evidence.file_name));
      c.header('cache-control', 'private, no-store');
      return c.body(new Uint8Array(bytes), 200);
    });
}
