import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

import { WEBHOOK_PAYLOADS } from '../schemas/notifications.js';

// The OpenAPI 3.1 document's top-level `webhooks`: one entry per event type, with the Standard
// Webhooks headers a receiver verifies and the body it gets.

const SignatureHeaders = z.object({
  'webhook-id': z.string().openapi({
    param: { name: 'webhook-id', in: 'header' },
    description: 'The event id (`msg_…`): the same on every retry — de-duplicate on it.',
    example: 'msg_0193a0c8f1a27c4e9d0b3f5e6a7b8c9d',
  }),
  'webhook-timestamp': z.string().openapi({
    param: { name: 'webhook-timestamp', in: 'header' },
    description: 'Unix seconds when this attempt was signed; refuse ones more than 5 minutes off your clock.',
    example: '1765036800',
  }),
  'webhook-signature': z.string().openapi({
    param: { name: 'webhook-signature', in: 'header' },
    description:
      '`v1,<base64 HMAC-SHA256>` over `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of your `whsec_…` secret (space-separated if several).',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  }),
});

export function describeWebhooks(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'webhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description:
      'How a receiver knows a delivery is ours: Standard Webhooks 1.0 — verify `webhook-signature` with the endpoint’s `whsec_…` secret (docs/notifications.md).',
  });
  for (const [type, schema] of Object.entries(WEBHOOK_PAYLOADS)) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `webhook_${type.replace('.', '_')}`,
      tags: ['Webhooks'],
      security: [{ webhookSignature: [] }],
      summary: schema.description ?? type,
      description:
        'Delivered to each registered endpoint that subscribes to this type, signed per Standard Webhooks 1.0. Answer 2xx within 10 s; anything else (redirects included — none is followed) is retried up to 8 attempts over about a day.',
      request: {
        headers: SignatureHeaders,
        body: { required: true, content: { 'application/json': { schema } } },
      },
      responses: {
        200: {
          description: 'Any 2xx: received. Keep the answer short (1 KB of it is kept in the delivery log).',
        },
      },
    });
  }
}
