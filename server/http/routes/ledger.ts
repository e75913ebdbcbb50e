/** The ledger as a file: XLSX in the officials' columns, or CSV; the same filters as GET /api/cases. */
import { createRoute, z } from '@hono/zod-openapi';
import { LEDGER_FORMATS } from '../../export/export-kinds.ts';
import { LEDGER_EXPORT_COLUMNS, LEDGER_MEDIA_TYPES, ledgerFile, ledgerFileName, SITE_COLUMNS } from '../../export/export-ledger.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { CaseFilterQuery } from '../schemas/case.ts';
import { errorResponses } from '../schemas/common.ts';
import { ledgerDenied, readyCaseFilter } from './cases.ts';

const exportLedger = createRoute({
  method: 'get',
  path: '/ledger/export',
  tags: ['ledger'],
  // The exporter's own list, so the columns documented are the ones written, in their order.
  summary: `Downloads the ledger (台账): ${LEDGER_EXPORT_COLUMNS.join(', ')}`,
  description: `XLSX or CSV of the cases GET /api/cases would list with the same filters. The last ${SITE_COLUMNS.length} columns (${SITE_COLUMNS.join(', ')}) are the relocation destination of relocate and withdraw cases, blank for other cases.`,
  request: { query: CaseFilterQuery.extend({ format: z.enum(LEDGER_FORMATS).default('xlsx') }) },
  responses: {
    200: {
      description: 'The file',
      content: {
        [LEDGER_MEDIA_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
        'text/csv': { schema: z.string() },
      },
    },
    ...ledgerDenied,
    ...errorResponses,
  },
});

export function ledgerRoutes({ db }: AppDeps) {
  return router().openapi(exportLedger, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { body } = await ledgerFile(db, format, await readyCaseFilter(db, query, caller(c)));
    const name = ledgerFileName(format);
    c.header('content-type', LEDGER_MEDIA_TYPES[format]);
    c.header('content-disposition', `attachment; filename="ledger.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    c.header('cache-control', 'private, no-store');
    return c.body(body, 200);
  });
}
