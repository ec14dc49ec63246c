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
        seq: z.number().int().openapi({
          description:
            'Where the chain breaks: the event number expected there. For an incident record that disagrees with its events: its last event (0 if it has none).',
        }),
        eventId: z.string().nullable(),
        incidentId: z.string().nullable(),
        reference: z
          .string()
          .nullable()
          .openapi({ description: 'The incident’s reference, when the break is in one incident’s record' }),
        field: z.string().nullable().openapi({
          description:
            'For an incident record (what GET …/incidents/{id} shows) that disagrees with its replayed events: the first differing field, e.g. `state`',
        }),
        reason: z.string(),
      })
      .nullable()
      .openapi({
        description:
          'The first problem found, or null when intact: a broken link in the hash chain, else the first incident whose stored record does not match its replayed events',
      }),
    checkedAt: z.string(),
  })
  .openapi('AuditVerification');

export const verifyRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/audit/verify',
  operationId: 'verifyAuditChain',
  tags: ['Audit'],
  summary:
    'Re-walk the practice’s event hash chain and replay each incident against its stored record: intact, or where it breaks',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'The verification', content: { 'application/json': { schema: VerifySchema } } },
    ...problems(401, 403, 404),
  },
});
