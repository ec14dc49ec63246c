import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import type { healthRoute } from './health.routes.js';

export const health: RouteHandler<typeof healthRoute, AppEnv> = (c) => {
  c.header('Cache-Control', 'no-store');
  let reachable = false;
  try {
    reachable = c.get('deps').store.ping();
  } catch {
    reachable = false;
  }
  return reachable
    ? c.json({ status: 'ok' as const, database: 'ok' as const }, 200)
    : c.json({ status: 'unavailable' as const, database: 'unreachable' as const }, 503);
};
