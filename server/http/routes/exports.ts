/**
 * File downloads of the data: enterprises matching the same filters as GET /enterprises (the
 * map's "export current view"), and zone layers, in every export format. The file is written to a
 * temporary path, streamed out with Content-Disposition, and removed once sent.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Queryable } from '../../db/database.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { exportEnterprises } from '../../export/export-enterprises.ts';
import { ENTERPRISE_EXPORT_FORMATS, ZONE_EXPORT_FORMATS } from '../../export/export-kinds.ts';
import { exportZones } from '../../export/export-zones.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats/index.ts';
import type { ExportResult } from '../../export/formats/table.ts';
import { type AppDeps, router } from '../context.ts';
import { mapFilter } from '../map-filter.ts';
import { errorResponses } from '../schemas/common.ts';
import { MapFilterQuery } from '../schemas/enterprise.ts';

const fileResponse = {
  200: {
    description: 'The file, as an attachment',
    content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...errorResponses,
} as const;

const enterpriseExport = createRoute({
  method: 'get',
  path: '/enterprises/export',
  tags: ['exports'],
  summary:
    "Enterprises matching the list filters and the map's own (action, rule, zone kind, indicator ranges, drawn shape) as CSV (UTF-8 with BOM), XLSX, GeoJSON, GeoParquet or a zipped shapefile",
  request: { query: MapFilterQuery.extend({ format: z.enum(ENTERPRISE_EXPORT_FORMATS).openapi({ example: 'xlsx' }) }) },
  responses: fileResponse,
});

const zoneExport = createRoute({
  method: 'get',
  path: '/zones/export',
  tags: ['exports'],
  summary: 'Zones of one kind (or all) in an export format; CSV and XLSX carry polygons as WKT',
  request: { query: z.object({ kind: z.enum(ZONE_KINDS).optional(), format: z.enum(ZONE_EXPORT_FORMATS).openapi({ example: 'shp' }) }) },
  responses: fileResponse,
});

/** Writes with `write`, then answers the file and deletes it once the response has been read or dropped. */
async function download(
  c: Context,
  db: AppDeps['db'],
  stem: string,
  format: ExportFormat,
  write: (q: Queryable, path: string) => Promise<ExportResult>,
) {
  const info = EXPORT_FORMATS[format];
  const dir = await mkdtemp(join(tmpdir(), 'greenline-export-'));
  const path = join(dir, `${stem}.${info.extension}`);
  // Exports stream a whole table; their own connection keeps them from queueing other requests.
  // A client that gives up takes its query with it: DuckDB stops where it is.
  const session = await db.session();
  const cancel = () => session.interrupt();
  c.req.raw.signal.addEventListener('abort', cancel, { once: true });
  try {
    await write(session, path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    c.req.raw.signal.removeEventListener('abort', cancel);
    session.close();
  }
  const stream = createReadStream(path);
  stream.on('close', () => {
    rm(dir, { recursive: true, force: true }).catch(() => undefined);
  });
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const name = `${stem}-${date}.${info.extension}`;
  c.header('content-type', info.mediaType);
  c.header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  c.header('cache-control', 'no-store');
  return c.body(Readable.toWeb(stream) as ReadableStream, 200);
}

export function exportRoutes({ db }: AppDeps) {
  return router()
    .openapi(enterpriseExport, async (c) => {
      const { format, ...filters } = c.req.valid('query');
      const filter = await mapFilter(db, filters);
      return download(c, db, 'enterprises', format, (q, path) => exportEnterprises(q, format, path, filter));
    })
    .openapi(zoneExport, async (c) => {
      const { format, kind } = c.req.valid('query');
      return download(c, db, kind ?? 'zones', format, (q, path) => exportZones(q, format, path, kind));
    });
}
