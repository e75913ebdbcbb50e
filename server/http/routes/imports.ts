/**
 * Imports over HTTP, for the upload dialog. Every route here changes or reveals data an admin
 * owns and needs the admin role: POST /imports (upload → preview), GET /imports/{id} (preview
 * again with other options), POST /imports/{id}/commit (the import, with progress as server-sent
 * events), DELETE /imports/{id}, and GET /imports (the import log). They all sit under /imports
 * so that a role guard attaches to the path prefix.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { listImportLog } from '../../db/import-log-store.ts';
import { reason } from '../../domain/reasons.ts';
import { failpoint } from '../../faults.ts';
import { type ImportTarget, previewImport } from '../../import/preview-import.ts';
import { ImportFailedError } from '../../import/problems.ts';
import { checkColumnMap, runImport } from '../../import/run-import.ts';
import { screenChanged } from '../../screening/screen-changed.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError, invalidRequest } from '../errors.ts';
import { readUpload } from '../read-upload.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import {
  CommitBodySchema,
  ImportLogSchema,
  PreviewSchema,
  ReadOptionsSchema,
  UploadFieldsSchema,
  UploadIdParam,
} from '../schemas/imports.ts';
import { type Upload, UploadStore, uploadDir } from '../upload-store.ts';

type ReadOptions = z.infer<typeof ReadOptionsSchema>;

const previewRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['imports'],
  summary: 'Preview an upload again, read with other options (CRS, encoding, sheet, column map)',
  request: { params: UploadIdParam, query: ReadOptionsSchema },
  responses: {
    200: { description: 'The preview', content: { 'application/json': { schema: PreviewSchema } } },
    ...errorResponses,
    ...notFound,
  },
});

const commitRoute = createRoute({
  method: 'post',
  path: '/imports/{id}/commit',
  tags: ['imports'],
  summary: 'Import an upload; progress and the row-level report arrive as server-sent events',
  description:
    'Events: `progress` {rows, rowsPerSecond, seconds}; then `done` {report} or `failed` {message, report?}. All or nothing unless skip_invalid; a failed import changes nothing.',
  request: { params: UploadIdParam, body: { content: { 'application/json': { schema: CommitBodySchema } }, required: true } },
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses,
    ...notFound,
  },
});

const discardRoute = createRoute({
  method: 'delete',
  path: '/imports/{id}',
  tags: ['imports'],
  summary: 'Discard an upload without importing it',
  request: { params: UploadIdParam },
  responses: { 204: { description: 'Discarded' }, ...notFound },
});

const logRoute = createRoute({
  method: 'get',
  path: '/imports',
  tags: ['imports'],
  summary: 'The import log: who imported which file (name and SHA-256) when, and what it did',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
  responses: { 200: { description: 'Newest first', content: { 'application/json': { schema: ImportLogSchema } } }, ...errorResponses },
});

/** A column map the layer does not understand is the caller's mistake, found before anything runs. */
function checkMap(target: ImportTarget, map: string | undefined): void {
  try {
    checkColumnMap(target, map);
  } catch (error) {
    throw new ApiError(400, (error as Error).message.replace(/^--map/, 'map'));
  }
}

export function importRoutes({ db, config }: AppDeps) {
  const store = new UploadStore(uploadDir(config.dbPath));
  // One import at a time: each runs in its own transaction, and two at once would conflict.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };

  const preview = async (upload: Upload, options: ReadOptions) => {
    const fields = UploadFieldsSchema.parse(upload.fields);
    checkMap(fields.layer, options.map);
    const result = await previewImport(db, {
      path: upload.path,
      fileName: upload.fileName,
      unzippedDir: upload.unzippedDir,
      target: fields.layer,
      ...(fields.kind ? { kind: fields.kind } : {}),
      ...(options.crs ? { crs: options.crs } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.sheet ? { layer: options.sheet } : {}),
      ...(options.map ? { map: options.map } : {}),
    });
    const { layer, layers, ...rest } = result;
    return { id: upload.id, size: upload.size, layer: fields.layer, kind: fields.kind ?? null, sheet: layer, sheets: layers, ...rest };
  };

  const app = router();
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/imports',
    tags: ['imports'],
    summary: 'Upload a file to import; answers a preview (format, encoding, CRS, columns, first rows, their problems)',
    request: {
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({ format: 'binary' }),
              layer: z.enum(['enterprises', 'zones', 'indicators']),
              kind: z.string().optional(),
              crs: z.string().optional(),
              encoding: z.string().optional(),
              sheet: z.string().optional(),
              map: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Stored; the preview', content: { 'application/json': { schema: PreviewSchema } } },
      400: { description: 'Bad fields', content: { 'application/json': { schema: ErrorSchema } } },
      413: { description: 'Larger than GREENLINE_MAX_UPLOAD_MB', content: { 'application/json': { schema: ErrorSchema } } },
      415: { description: 'Not multipart/form-data', content: { 'application/json': { schema: ErrorSchema } } },
    },
  });

  app.post('/imports', async (c) => {
    const upload = await readUpload(c, store);
    const fields = upload.fields;
    const parsed = UploadFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      await store.remove(upload.id);
      throw invalidRequest(parsed.error, fields);
    }
    try {
      return c.json(await preview(upload, parsed.data), 201);
    } catch (error) {
      await store.remove(upload.id);
      throw error;
    }
  });

  return app
    .openapi(previewRoute, async (c) => {
      const { id } = c.req.valid('param');
      const upload = await store.get(id);
      if (!upload) throw ApiError.because(404, reason('upload_expired', { id }));
      return c.json(await preview(upload, c.req.valid('query')), 200);
    })
    .openapi(commitRoute, async (c) => {
      const { id } = c.req.valid('param');
      const options = c.req.valid('json');
      const upload = await store.get(id);
      if (!upload) throw ApiError.because(404, reason('upload_expired', { id }));
      const fields = UploadFieldsSchema.parse(upload.fields);
      checkMap(fields.layer, options.map);
      const username = caller(c).username;
      const run = (onProgress: (rows: number) => void) =>
        runImport(db, {
          target: fields.layer,
          ...(fields.kind ? { kind: fields.kind } : {}),
          path: upload.path,
          fileName: upload.fileName,
          unzippedDir: upload.unzippedDir,
          ...(options.crs ? { crs: options.crs } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.sheet ? { layer: options.sheet } : {}),
          ...(options.map ? { map: options.map } : {}),
          skipInvalid: options.skip_invalid === true,
          replace: options.replace === true,
          username,
          onProgress,
        });
      return streamSSE(c, async (sse) => {
        const started = Date.now();
        let lastSent = 0;
        const progress = (rows: number) => {
          const now = Date.now();
          if (now - lastSent < 200) return;
          lastSent = now;
          const seconds = (now - started) / 1000;
          sse
            .writeSSE({
              event: 'progress',
              data: JSON.stringify({ rows, rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)), seconds }),
            })
            .catch(() => undefined);
        };
        await sse.writeSSE({ event: 'progress', data: JSON.stringify({ rows: 0, rowsPerSecond: 0, seconds: 0 }) });
        try {
          // Screening follows every import, as in the CLI, inside the same turn so that no other
          // import lands between them and the map never shows flags of data that has gone.
          const { report, screening } = await exclusive(async () => {
            const report = await run(progress);
            failpoint('import-committed');
            await store.remove(id);
            await sse.writeSSE({ event: 'screening', data: '{}' });
            return { report, screening: await screenChanged(db) };
          });
          await sse.writeSSE({
            event: 'done',
            data: JSON.stringify({ report, screening: screening && { enterprises: screening.enterprises, flags: screening.flags } }),
          });
        } catch (error) {
          if (error instanceof ImportFailedError) {
            await sse.writeSSE({ event: 'failed', data: JSON.stringify({ message: error.message, report: error.report }) });
          } else {
            console.error(`[greenline] import of ${upload.fileName} failed:`, error);
            await sse.writeSSE({
              event: 'failed',
              data: JSON.stringify({ message: 'the import failed; nothing was changed, and the server log has the details' }),
            });
          }
        }
      });
    })
    .openapi(discardRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.get(id))) throw ApiError.because(404, reason('upload_expired', { id }));
      await store.remove(id);
      return c.body(null, 204);
    })
    .openapi(logRoute, async (c) => {
      const { limit } = c.req.valid('query');
      const items = await listImportLog(db, limit);
      return c.json({ items }, 200);
    });
}
