import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, OdsParam, problems } from '../schemas/common.js';

export const CheckpointSchema = z
  .object({
    ods: z.string(),
    seq: z.number().int().openapi({ description: 'The number of events in the chain when it was signed' }),
    head: z
      .string()
      .openapi({ description: 'The hash of event #seq (the chain head then); "" for an empty chain' }),
    at: z.string(),
    keyId: z.string().openapi({ description: 'Which key signed it: GET …/audit/public-key' }),
    signature: z.string().openapi({
      description:
        'Ed25519 over the UTF-8 bytes of `policy-audit-checkpoint/v1\\n{ods}\\n{seq}\\n{head}\\n{at}`, base64url',
    }),
    token: z.string().openapi({
      description:
        'The same checkpoint, compact (base64url of its JSON without `token`): pass it as `?since=`',
    }),
  })
  .openapi('AuditCheckpoint');

export const VerifySchema = z
  .object({
    intact: z.boolean(),
    events: z.number().int().openapi({ description: 'Events walked before stopping' }),
    evidence: z.object({
      checked: z.number().int().openapi({ description: 'Stored evidence files re-hashed' }),
      removed: z
        .number()
        .int()
        .openapi({ description: 'Evidence files whose bytes were removed by a recorded redaction or purge' }),
    }),
    head: z.object({ seq: z.number().int(), hash: z.string() }),
    checkpoints: z
      .array(
        z.object({
          seq: z.number().int(),
          head: z.string(),
          at: z.string(),
          source: z.enum(['given', 'stored']),
          contained: z.boolean(),
        }),
      )
      .openapi({
        description:
          'The checkpoints the chain was checked against: the `since` one, and the newest the server stored itself',
      }),
    brokenAt: z
      .object({
        seq: z.number().int().openapi({
          description:
            'Where the chain breaks: the event number expected there. For an incident record that disagrees with its events: its last event (0 if it has none). For evidence: its record_evidence event (0 if none). For a checkpoint: the checkpoint’s seq.',
        }),
        eventId: z.string().nullable(),
        incidentId: z.string().nullable(),
        reference: z
          .string()
          .nullable()
          .openapi({ description: 'The incident’s reference, when the break is in one incident’s record' }),
        field: z.string().nullable().openapi({
          description:
            'For an incident record (what GET …/incidents/{id} shows) that disagrees with its replayed events: the first differing field, e.g. `state`; `evidence` for stored evidence; `checkpoint` for a checkpoint the chain no longer contains',
        }),
        evidenceId: z.string().nullable().openapi({
          description: 'For evidence whose bytes changed or whose row is missing: which evidence',
        }),
        reason: z.string(),
      })
      .nullable()
      .openapi({
        description:
          'The first problem found, or null when intact: a broken link in the hash chain, personal data or evidence changed or removed without a recorded redaction, a checkpoint the chain no longer contains, changed or missing evidence, else the first incident whose stored record does not match its replayed events',
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
    'Re-walk the practice’s event hash chain, re-hash its stored evidence, check it against signed checkpoints and replay each incident against its stored record: intact, or where it breaks',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: {
    params: OdsParam,
    query: z.object({
      since: z.string().max(2000).optional().openapi({
        description:
          'A checkpoint from GET …/audit/checkpoint (its `token`, or its JSON), kept outside this server: the chain must still contain it. 422 if it is not one this server signed for this practice.',
      }),
    }),
  },
  responses: {
    200: { description: 'The verification', content: { 'application/json': { schema: VerifySchema } } },
    ...problems(401, 403, 404, 422),
  },
});

export const checkpointRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/audit/checkpoint',
  operationId: 'getAuditCheckpoint',
  tags: ['Audit'],
  summary:
    'The practice’s chain head now, signed (Ed25519): keep it elsewhere, and pass it to verify as `since`',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: { params: OdsParam },
  responses: {
    200: {
      description: 'A signed checkpoint',
      content: { 'application/json': { schema: CheckpointSchema } },
    },
    ...problems(401, 403, 404),
  },
});

export const publicKeyRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/audit/public-key',
  operationId: 'getAuditPublicKey',
  tags: ['Audit'],
  summary: 'The public key that checks this server’s checkpoints, to verify them without the server',
  security: apiKeySecurity,
  middleware: [requireApiKey('reports:read')] as const,
  request: { params: OdsParam },
  responses: {
    200: {
      description: 'The Ed25519 public key',
      content: {
        'application/json': {
          schema: z
            .object({
              keyId: z.string(),
              algorithm: z.literal('Ed25519'),
              publicKey: z.string().openapi({ description: 'SPKI, PEM' }),
              statement: z.string().openapi({ description: 'What each checkpoint signature covers' }),
            })
            .openapi('AuditPublicKey'),
        },
      },
    },
    ...problems(401, 403, 404),
  },
});
