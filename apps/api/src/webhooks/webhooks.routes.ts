import { createRoute, z } from '@hono/zod-openapi';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, IdempotencyHeader, OdsParam, problems } from '../schemas/common.js';
import {
  DeliveryPageSchema,
  TestQueuedSchema,
  WebhookCreatedSchema,
  WebhookInputSchema,
  WebhookListSchema,
} from '../schemas/notifications.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

// Webhook endpoints are integration settings: every operation needs `settings:write` (reads too —
// an endpoint's URL and delivery log are for whoever administers the integration, not for a key
// that only reads incidents).
const SCOPE = 'settings:write' as const;

export const WebhookParams = OdsParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'Webhook endpoint id' }),
});

export const createWebhookRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/webhooks',
  operationId: 'createWebhook',
  tags: ['Webhooks'],
  summary: 'Register a webhook endpoint (its signing secret is shown once)',
  description:
    'Deliveries follow Standard Webhooks 1.0 (see the `webhooks` section and docs/notifications.md). The URL must be `https` on a public address; one that names or resolves to a loopback, private, link-local or metadata address is 422. An endpoint receives events that happen after it is registered.',
  security: apiKeySecurity,
  middleware: [requireApiKey(SCOPE)] as const,
  request: {
    params: OdsParam,
    headers: IdempotencyHeader,
    body: { required: true, content: json(WebhookInputSchema) },
  },
  responses: {
    201: {
      description: 'Registered; `secret` appears in this response only',
      content: json(WebhookCreatedSchema),
    },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/webhooks',
  operationId: 'listWebhooks',
  tags: ['Webhooks'],
  summary: 'The practice’s webhook endpoints (without their secrets)',
  security: apiKeySecurity,
  middleware: [requireApiKey(SCOPE)] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'Every live endpoint, oldest first', content: json(WebhookListSchema) },
    ...problems(401, 403, 404),
  },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/v1/practices/{ods}/webhooks/{id}',
  operationId: 'deleteWebhook',
  tags: ['Webhooks'],
  summary: 'Delete an endpoint: it receives nothing more; its pending deliveries are given up',
  security: apiKeySecurity,
  middleware: [requireApiKey(SCOPE)] as const,
  request: { params: WebhookParams },
  responses: {
    204: { description: 'Deleted' },
    ...problems(401, 403, 404),
  },
});

export const testWebhookRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/webhooks/{id}/test',
  operationId: 'testWebhook',
  tags: ['Webhooks'],
  summary: 'Send a signed `webhook.test` delivery to this endpoint now',
  description:
    'Queued at once and delivered like any event (same signing, same retries); follow it in the endpoint’s deliveries.',
  security: apiKeySecurity,
  middleware: [requireApiKey(SCOPE)] as const,
  request: {
    params: WebhookParams,
    body: {
      required: false,
      content: json(
        z
          .strictObject({})
          .openapi('WebhookTestInput', { description: 'No fields; the body may be omitted.' }),
      ),
    },
  },
  responses: {
    202: { description: 'Queued', content: json(TestQueuedSchema) },
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});

export const DeliveriesQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Page size, 1–100 (default 25)' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` from the previous page' }),
});

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['Webhooks'],
  summary: 'The endpoint’s delivery log, newest first: status, attempts, the receiver’s answers',
  security: apiKeySecurity,
  middleware: [requireApiKey(SCOPE)] as const,
  request: { params: WebhookParams, query: DeliveriesQuery },
  responses: {
    200: { description: 'One page', content: json(DeliveryPageSchema) },
    ...problems(401, 403, 404, 422),
  },
});
