/** The ledger as a file: XLSX in the officials' columns, or CSV; the same filters as GET /api/cases. */
import { createRoute, z } from '@hono/zod-openapi';
import { LEDGER_FORMATS } from '../../export/export-kinds.ts';
import { LEDGER_MEDIA_TYPES, ledgerFile, ledgerFileName } from '../../export/export-ledger.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { CaseFilterQuery } from '../schemas/case.ts';
import { errorResponses } from '../schemas/common.ts';
import { caseFilter, ledgerDenied } from './cases.ts';

const exportLedger = createRoute({
  method: 'get',
  path: '/ledger/export',
  tags: ['ledger'],
  summary:
    'Downloads the ledger (台账): 序号, 企业名称, 统一社会信用代码, 所在地区, 行业, 问题类型, 整治措施, 完成时限, 责任单位, 进展情况, 是否销号',
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
    const { body } = await ledgerFile(db, format, caseFilter(query, caller(c)));
    const name = ledgerFileName(format);
    c.header('content-type', LEDGER_MEDIA_TYPES[format]);
    c.header('content-disposition', `attachment; filename="ledger.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    c.header('cache-control', 'private, no-store');
    return c.body(body, 200);
  });
}
