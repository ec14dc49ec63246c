import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, OdsParam, problems } from '../schemas/common.js';

export const VerifySchema = z
  .object({
    intact: z.boolean(),
    events: z.number().int().openapi({ description: 'Events walked before stopping' }),
    head: z.object({ seq: z.number().int(), hash: z.string() }),
    brokenAt: z
      .object({
        seq: z.number().int(),
        eventId: z.string().nullable(),
        incidentId: z.string().nullable(),
        reason: z.string(),
      })
      .nullable()
      .openapi({ description: 'The first broken link, or null when intact' }),
    checkedAt: z.string(),
  })
  .openapi('AuditVerification');

export const verifyRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/audit/verify',
  operationId: 'verifyAuditChain',
  tags: ['Audit'],
  summary: 'Re-walk the practice’s event hash chain: intact, or where it breaks',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'The verification', content: { 'application/json': { schema: VerifySchema } } },
    ...problems(401, 403, 404),
  },
});
