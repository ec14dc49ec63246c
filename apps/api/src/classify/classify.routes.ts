import { createRoute, z } from '@hono/zod-openapi';
import { MAX_POST_TEXT_LENGTH, PLATFORMS } from '@policy/core';
import { rateLimit, requireApiOrReportKey } from '../http/auth.js';
import { apiKeySecurity, problems, reportKeySecurity } from '../schemas/common.js';
import { ClassificationSchema } from '../schemas/incident.js';

export const ClassifyInputSchema = z
  .strictObject({
    text: z.string().min(1).max(MAX_POST_TEXT_LENGTH),
    practice: z
      .string()
      .max(16)
      .optional()
      .openapi({ description: 'ODS code: use this practice’s staff roster' }),
    platform: z.enum(PLATFORMS).optional(),
  })
  .openapi('ClassifyInput');

export const classifyRoute = createRoute({
  method: 'post',
  path: '/v1/classify',
  operationId: 'classifyText',
  tags: ['Classification'],
  summary: 'Classify a text: categories with rule ids and matched spans, severity, actions, templates',
  security: [...apiKeySecurity, ...reportKeySecurity],
  middleware: [requireApiOrReportKey, rateLimit('classify')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ClassifyInputSchema } } } },
  responses: {
    200: {
      description: 'The classification',
      content: { 'application/json': { schema: ClassificationSchema } },
    },
    ...problems(400, 401, 403, 404, 413, 415, 422, 429),
  },
});
