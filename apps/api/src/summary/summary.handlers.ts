import type { RouteHandler } from '@hono/zod-openapi';
import { summarise, summaryToCsv } from '@policy/core';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import type { summaryRoute } from './summary.routes.js';

const DAY_MS = 86_400_000;

const instant = (value: string, end: boolean) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`
    : new Date(value).toISOString();

/** Prefers CSV only when the client asks for it over JSON. */
function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const weights = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(type.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const csv = weights.get('text/csv') ?? 0;
  const json = Math.max(weights.get('application/json') ?? 0, weights.get('*/*') ?? 0);
  return csv > 0 && csv >= json;
}

export const summary: RouteHandler<typeof summaryRoute, AppEnv> = (c) => {
  const query = c.req.valid('query');
  const { store, clock } = c.get('deps');
  const now = clock().toISOString();
  const to = query.to ? instant(query.to, true) : now;
  const from = query.from ? instant(query.from, false) : new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  if (from > to)
    throw new ApiError(422, '`from` must not be after `to`.', {
      errors: [{ path: 'query.from', message: 'after `to`' }],
    });
  const result = summarise(store.incidentsCreatedBetween(c.get('practice').ods, from, to), { from, to, now });
  c.header('Vary', 'Accept');
  if (wantsCsv(c.req.header('accept'))) {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="summary-${c.get('practice').ods}-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`,
    );
    return c.body(summaryToCsv(result), 200) as never;
  }
  return c.json(result as unknown as Record<string, unknown>, 200);
};
