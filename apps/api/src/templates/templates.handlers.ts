import type { RouteHandler } from '@hono/zod-openapi';
import { type RenderOptions, renderTemplate, summarise, TEMPLATES } from '@policy/core';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/problem.js';
import { staffMayReach } from '../http/session-auth.js';
import { settingsOf } from '../services/lifecycle.js';
import type { listTemplatesRoute, renderTemplateRoute } from './templates.routes.js';

const DAY_MS = 86_400_000;

export const list: RouteHandler<typeof listTemplatesRoute, AppEnv> = (c) =>
  c.json({ items: TEMPLATES.map((template) => ({ ...template, locales: [...template.locales] })) }, 200);

export const render: RouteHandler<typeof renderTemplateRoute, AppEnv> = (c) => {
  const { templateId } = c.req.valid('param');
  const body = c.req.valid('json');
  const { store, clock } = c.get('deps');
  const practice = c.get('practice');
  const options: RenderOptions = { practice: settingsOf(practice) };
  if (body.platform) options.platform = body.platform;
  if (body.locale) options.locale = body.locale;
  if (body.incidentId !== undefined) {
    const found = store.incident(practice.ods, body.incidentId);
    if (!found || !staffMayReach(c, body.incidentId)) throw notFound('incident');
    options.incident = found.incident;
  }
  if (templateId === 'monitoring_summary') {
    const to = body.to ? new Date(body.to).toISOString() : clock().toISOString();
    const from = body.from
      ? new Date(body.from).toISOString()
      : new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
    options.summary = summarise(store.incidentsCreatedBetween(practice.ods, from, to), {
      from,
      to,
      now: clock().toISOString(),
    });
  }
  return c.json(renderTemplate(templateId, options), 200);
};
