import type { RouteHandler } from '@hono/zod-openapi';
import { type ClassifyContext, classify as classifyText } from '@policy/core';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/problem.js';
import { settingsOf } from '../services/lifecycle.js';
import type { classifyRoute } from './classify.routes.js';

export const classify: RouteHandler<typeof classifyRoute, AppEnv> = (c) => {
  const body = c.req.valid('json');
  const principal = c.get('principal');
  // A report key always classifies for its own practice; a key names only practices it may see.
  const ods = body.practice ?? (principal.type === 'report' ? principal.practices[0] : undefined);
  const context: ClassifyContext = {};
  if (body.platform) context.platform = body.platform;
  if (ods !== undefined) {
    const practice = principal.practices.includes(ods)
      ? c.get('deps').store.practiceSettings(ods)
      : undefined;
    if (!practice) throw notFound('practice');
    const settings = settingsOf(practice);
    context.staff = settings.staff;
    context.practiceName = settings.name;
  }
  return c.json(classifyText(body.text, context), 200);
};
