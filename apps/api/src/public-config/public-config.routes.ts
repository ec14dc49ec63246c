import { createRoute, z } from '@hono/zod-openapi';
import { OdsParam, problems } from '../schemas/common.js';

export const PublicConfigSchema = z.record(z.string(), z.unknown()).openapi('PublicPracticeConfig', {
  description:
    'What the widgets show: name, enabled conduct clauses (text in en-GB and cy), policy URL and last review, channels (complaints, the local NHS body — the ICB in England —, reviews, appointments, urgent help), locale, nation, and the nation’s complaints route (`complaintsFacts`, `complaintsRoute` with the complaint guide’s words in en-GB and cy). Never the staff roster or keys.',
});

export const publicConfigRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/public',
  operationId: 'getPublicConfig',
  tags: ['Public'],
  summary: 'The practice’s public configuration for the widgets (no auth, any origin)',
  security: [],
  request: {
    params: OdsParam,
    headers: z.object({
      'if-none-match': z
        .string()
        .optional()
        .openapi({ param: { name: 'if-none-match', in: 'header' } }),
    }),
  },
  responses: {
    200: {
      description: 'The config, with ETag and Cache-Control',
      headers: {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: PublicConfigSchema } },
    },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...problems(404),
  },
});
