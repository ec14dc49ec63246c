import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, IsoDate, IsoDateTime, OdsParam, problems } from '../schemas/common.js';

const DateOrDateTime = z.union([IsoDateTime, IsoDate]);

export const MonitoringSummarySchema = z.record(z.string(), z.unknown()).openapi('MonitoringSummary', {
  description:
    'from, to, total; counts byCategory, bySeverity, byPlatform, byOutcome; medianMinutesToTriage, medianMinutesToClose; deadlinesMissed; repeatAuthors.',
});

export const summaryRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/reports/summary',
  operationId: 'getMonitoringSummary',
  tags: ['Monitoring'],
  summary: 'The monitoring report for the partners (JSON, or CSV with `Accept: text/csv`)',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: {
    params: OdsParam,
    query: z.object({
      from: DateOrDateTime.optional().openapi({ description: 'Start (default: 30 days before `to`)' }),
      to: DateOrDateTime.optional().openapi({ description: 'End (default: now; a date includes that day)' }),
    }),
  },
  responses: {
    200: {
      description: 'The summary of incidents reported in the period',
      content: {
        'application/json': { schema: MonitoringSummarySchema },
        'text/csv': { schema: z.string() },
      },
    },
    ...problems(401, 403, 404, 422),
  },
});
