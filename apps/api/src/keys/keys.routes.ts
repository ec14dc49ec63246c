import { createRoute, z } from '@hono/zod-openapi';
import { ACTOR_ROLES } from '@policy/core';
import { requireAdminKeyOrManager } from '../http/auth.js';
import { API_SCOPES } from '../http/env.js';
import { adminKeySecurity, OdsParam, problems, ShortText } from '../schemas/common.js';

/** A web origin: scheme, host and optional port, nothing else (e.g. https://www.example-surgery.nhs.uk). */
const Origin = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/, 'an origin such as https://www.example-surgery.nhs.uk');

export const IssueKeySchema = z
  .strictObject({
    type: z.enum(['api', 'report']),
    scopes: z.array(z.enum(API_SCOPES)).max(API_SCOPES.length).optional().openapi({
      description:
        'API keys only. Default: incidents:read, incidents:write, reports:read (settings:write must be asked for).',
    }),
    allowedOrigins: z.array(Origin).min(1).max(20).optional().openapi({
      description: 'Report keys only, and required for them: the web origins the report form runs on.',
    }),
    practices: z.array(z.string().max(16)).max(50).optional().openapi({
      description: 'API keys only: further practices (ODS codes) the key may act for, besides the path’s.',
    }),
    label: ShortText.optional(),
    maxRole: z.enum(ACTOR_ROLES).optional().openapi({
      description:
        'API keys only: the highest role `X-Acting-User` may claim with this key (staff < manager < partner). Default `manager`: partner-only decisions need a key given `partner`.',
    }),
  })
  .openapi('IssueKey');

export const IssuedKeySchema = z
  .object({
    id: z.string(),
    type: z.enum(['api', 'report']),
    key: z.string().openapi({ description: 'The secret. Shown in this response only.' }),
    prefix: z.string(),
    scopes: z.array(z.string()),
    practices: z.array(z.string()),
    allowedOrigins: z.array(z.string()),
    maxRole: z
      .enum(ACTOR_ROLES)
      .optional()
      .openapi({ description: 'API keys: the highest role it may act as' }),
    createdAt: z.string(),
  })
  .openapi('IssuedKey');

const json = <T>(schema: T) => ({ 'application/json': { schema } });

/** An admin key, or a manager's session for their own practice. */
const keysSecurity = [...adminKeySecurity, { session: [] }];

export const KeyInfoSchema = z
  .object({
    id: z.string(),
    type: z.enum(['api', 'report']),
    prefix: z.string().openapi({ description: 'The characters after `pk_`/`rk_`: identifies the key' }),
    scopes: z.array(z.string()),
    practices: z.array(z.string()),
    allowedOrigins: z.array(z.string()),
    label: z.string().nullable(),
    maxRole: z.enum(ACTOR_ROLES).optional(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('KeyInfo');

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/keys',
  operationId: 'listKeys',
  tags: ['Keys'],
  summary: 'The practice’s API and report keys (never the secrets), revoked ones included',
  security: keysSecurity,
  middleware: [requireAdminKeyOrManager] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'Oldest first', content: json(z.object({ items: z.array(KeyInfoSchema) })) },
    ...problems(401, 403, 404),
  },
});

export const issueKeyRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/keys',
  operationId: 'issueKey',
  tags: ['Keys'],
  summary: 'Issue an API key or a report key for the practice',
  description:
    'With an admin key, or a manager’s session for their own practice: a manager’s keys act for that practice only and at most as a manager (`maxRole`).',
  security: keysSecurity,
  middleware: [requireAdminKeyOrManager] as const,
  request: { params: OdsParam, body: { required: true, content: json(IssueKeySchema) } },
  responses: {
    201: { description: 'The key, shown once', content: json(IssuedKeySchema) },
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/practices/{ods}/keys/{keyId}',
  operationId: 'revokeKey',
  tags: ['Keys'],
  summary: 'Revoke a key: it fails from its very next request',
  security: keysSecurity,
  middleware: [requireAdminKeyOrManager] as const,
  request: {
    params: OdsParam.extend({
      keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' } }),
    }),
  },
  responses: {
    204: { description: 'Revoked (or already revoked)' },
    ...problems(401, 403, 404),
  },
});
