import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import type { verifyRoute } from './audit.routes.js';
import { verifyChain } from './verify.js';

export const verify: RouteHandler<typeof verifyRoute, AppEnv> = (c) => {
  const { store, clock } = c.var.deps;
  const result = verifyChain(store, c.var.practice.ods);
  return c.json({ ...result, checkedAt: clock().toISOString() }, 200);
};
