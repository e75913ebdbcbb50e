/** Accounts, for admins. Accounts are made and changed with `greenline user …` on the server. */
import { createRoute, z } from '@hono/zod-openapi';
import { listUsers } from '../../db/user-store.ts';
import { type AppDeps, router } from '../context.ts';
import { AccountSchema } from '../schemas/auth.ts';
import { ledgerDenied } from './cases.ts';

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['auth'],
  summary: 'Every account with its role and region (never a password hash)',
  responses: {
    200: { description: 'Accounts', content: { 'application/json': { schema: z.object({ items: z.array(AccountSchema) }) } } },
    ...ledgerDenied,
  },
});

export function userRoutes({ db }: AppDeps) {
  return router().openapi(list, async (c) => c.json({ items: await listUsers(db) }, 200));
}
