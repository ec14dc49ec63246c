import { createRoute, z } from '@hono/zod-openapi';

export const HealthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unreachable']) })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['Operations'],
  summary: 'Liveness and database reachability',
  security: [],
  responses: {
    200: {
      description: 'Serving, database reachable',
      content: { 'application/json': { schema: HealthSchema } },
    },
    503: {
      description: 'The database cannot be read',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});
