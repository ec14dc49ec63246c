import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import type { verifyRoute } from './audit.routes.js';
import { verifyChain } from './verify.js';

export const verify: RouteHandler<typeof verifyRoute, AppEnv> = (c) => {
  const { store, clock } = c.get('deps');
  const result = verifyChain(store, c.get('practice').ods);
  return c.json({ ...result, checkedAt: clock().toISOString() }, 200);
};
