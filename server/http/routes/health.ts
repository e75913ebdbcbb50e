import { createRoute, z } from '@hono/zod-openapi';
import { type AppDeps, router } from '../context.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Answers once the database is open; `screening` says whether screening has caught up with the data',
  responses: {
    200: {
      description: 'Healthy',
      content: {
        'application/json': {
          schema: z.object({
            ok: z.literal(true),
            screening: z.enum(['current', 'pending', 'failed']).openapi({
              description: 'pending: data committed before a restart is being screened; the map shows the last results until then',
            }),
          }),
        },
      },
    },
  },
});

export function healthRoutes({ db, screening }: AppDeps) {
  return router().openapi(health, async (c) => {
    // Its own connection: health stays fast while long reads queue on the shared one.
    await db.ping();
    c.header('cache-control', 'no-store');
    return c.json({ ok: true as const, screening: screening?.state ?? 'current' }, 200);
  });
}
