import { createRoute, z } from '@hono/zod-openapi';
import { type AppDeps, router } from '../context.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Answers once the database is open',
  responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});

export function healthRoutes({ db }: AppDeps) {
  return router().openapi(health, async (c) => {
    await db.one('SELECT 1 AS one');
    return c.json({ ok: true as const }, 200);
  });
}
