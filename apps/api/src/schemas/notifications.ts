import { z } from '@hono/zod-openapi';
import { CATEGORIES, DEADLINE_KINDS, EVENT_TYPES, SEVERITIES, STATES } from '@policy/core';
import { IsoDateTime } from './common.js';

// The notification catalogue (docs/notifications.md): event types, their thin `data`, and the
// webhook endpoints' shapes. Payloads carry ids, the reference, severity, categories, state and
// deadlines — never post text, names, handles or evidence: the receiver reads those with its key.

/** What a vendor may subscribe to (spec: api.md, Additions v1.1, Notifications). */
export const WEBHOOK_EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'deadline.approaching',
  'deadline.missed',
  'audit.checkpoint',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by `POST …/webhooks/{id}/test`, to that endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = 'webhook.test' as const;
/** The morning email digest: email only, never a webhook. */
export const DIGEST_EVENT_TYPE = 'email.digest' as const;

export const OUTBOX_TYPES = [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE, DIGEST_EVENT_TYPE] as const;
export type OutboxType = (typeof OUTBOX_TYPES)[number];

const DeadlineRef = z
  .object({ kind: z.enum(DEADLINE_KINDS), due: IsoDateTime })
  .openapi('NotificationDeadline', {
    description: 'A running deadline: which target, and when it falls due.',
  });

export const IncidentNotificationSchema = z
  .object({
    practiceOds: z.string().openapi({ example: 'Y90001' }),
    incidentId: z.string(),
    reference: z.string().openapi({ example: 'Y90001-2026-0042' }),
    state: z.enum(STATES),
    severity: z.enum(SEVERITIES),
    categories: z.array(z.enum(CATEGORIES)),
    categoriesConfirmed: z.boolean().openapi({ description: 'Whether triage has confirmed the categories' }),
    deadlines: z.array(DeadlineRef),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int().openapi({ description: 'Events folded into the incident so far' }),
    links: z.object({
      incident: z
        .string()
        .openapi({ description: 'GET this (with an `incidents:read` key) for the details' }),
    }),
  })
  .openapi('IncidentNotification', {
    description:
      'An incident, thin: identifiers, state, severity, categories and deadlines. No post text, names, handles or evidence — read the incident with your API key for those.',
  });
export type IncidentNotification = z.infer<typeof IncidentNotificationSchema>;

export const IncidentUpdatedNotificationSchema = IncidentNotificationSchema.extend({
  event: z.object({
    type: z.enum(EVENT_TYPES),
    seq: z.number().int().openapi({ description: 'Position in the practice’s audit chain' }),
    at: IsoDateTime,
  }),
  previous: z.object({ state: z.enum(STATES), severity: z.enum(SEVERITIES) }),
}).openapi('IncidentUpdatedNotification');
export type IncidentUpdatedNotification = z.infer<typeof IncidentUpdatedNotificationSchema>;

export const DeadlineNotificationSchema = IncidentNotificationSchema.extend({
  deadline: DeadlineRef,
  businessMinutesLeft: z
    .number()
    .int()
    .openapi({ description: 'Minutes of the practice’s open hours until it falls due (0 once missed)' }),
}).openapi('DeadlineNotification');
export type DeadlineNotification = z.infer<typeof DeadlineNotificationSchema>;

export const AuditCheckpointNotificationSchema = z
  .object({
    practiceOds: z.string(),
    seq: z.number().int(),
    head: z.string().openapi({ description: 'Hash of the chain at `seq`' }),
    at: IsoDateTime,
    keyId: z
      .string()
      .optional()
      .openapi({ description: 'Which audit signing key signed it (GET …/audit/public-key)' }),
    signature: z
      .string()
      .optional()
      .openapi({ description: 'Ed25519 over the checkpoint statement, base64url' }),
  })
  .openapi('AuditCheckpointNotification', {
    description: 'A signed checkpoint of the practice’s audit chain (GET …/audit/checkpoint gives the same).',
  });
export type AuditCheckpointNotification = z.infer<typeof AuditCheckpointNotificationSchema>;

export const TestNotificationSchema = z
  .object({ practiceOds: z.string(), webhookId: z.string(), message: z.string() })
  .openapi('TestNotification');

const envelope = <T extends z.ZodType>(type: string, data: T, description: string) =>
  z
    .object({
      type: z.literal(type),
      timestamp: IsoDateTime.openapi({ description: 'When the change happened' }),
      data,
    })
    .openapi(`Webhook_${type.replace('.', '_')}`, { description });

export const WEBHOOK_PAYLOADS = {
  'incident.created': envelope(
    'incident.created',
    IncidentNotificationSchema,
    'A new incident: a staff report or vendor intake was filed. Sent once the incident is stored.',
  ),
  'incident.updated': envelope(
    'incident.updated',
    IncidentUpdatedNotificationSchema,
    'A lifecycle event was applied to an incident (triage, a reply, evidence, closing…). `event.type` says which.',
  ),
  'deadline.approaching': envelope(
    'deadline.approaching',
    DeadlineNotificationSchema,
    'A running deadline falls due within its lead of the practice’s open hours (triage 2 h, public reply 1 h, others 4 h). Once per deadline.',
  ),
  'deadline.missed': envelope(
    'deadline.missed',
    DeadlineNotificationSchema,
    'A running deadline has passed with the incident still open. Once per deadline.',
  ),
  'audit.checkpoint': envelope(
    'audit.checkpoint',
    AuditCheckpointNotificationSchema,
    'A signed checkpoint of the practice’s audit hash chain, to keep outside the practice’s system.',
  ),
  [TEST_EVENT_TYPE]: envelope(
    TEST_EVENT_TYPE,
    TestNotificationSchema,
    'Sent only by `POST /v1/practices/{ods}/webhooks/{id}/test`, to that endpoint: check your receiver verifies the signature.',
  ),
} as const;

// ------------------------------------------------------------------ endpoints

export const WebhookInputSchema = z
  .strictObject({
    url: z.string().max(2000).openapi({
      description:
        '`https` URL on a public address (no credentials in it). Loopback, private, link-local and metadata addresses are refused, here and again at every delivery.',
      example: 'https://vendor.example.com/hooks/policy',
    }),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES))
      .max(WEBHOOK_EVENT_TYPES.length)
      .optional()
      .openapi({ description: 'Event types to receive; omitted or empty means all' }),
  })
  .openapi('WebhookInput');

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    createdAt: IsoDateTime,
  })
  .openapi('Webhook');

export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    description:
      'The signing secret, `whsec_…`, for Standard Webhooks verification. Shown in this response only: store it now.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
}).openapi('WebhookCreated');

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).openapi('WebhookList');

export const DELIVERY_STATUSES = ['delivered', 'failed', 'pending'] as const;

export const DeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().openapi({ description: 'The `webhook-id` header: the same on every retry' }),
    type: z.enum([...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE]),
    attempt: z.number().int().openapi({ description: 'Attempts made so far (0: not yet tried)' }),
    status: z.enum(DELIVERY_STATUSES),
    responseStatus: z.number().int().optional().openapi({ description: 'HTTP status of the last attempt' }),
    at: IsoDateTime.openapi({ description: 'The last attempt, or when the delivery was queued' }),
    nextAttemptAt: IsoDateTime.optional(),
    lastResult: z
      .string()
      .optional()
      .openapi({ description: 'What went wrong, or the start of the receiver’s answer (≤ 1 KB)' }),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        at: IsoDateTime,
        responseStatus: z.number().int().optional(),
        error: z.string().optional(),
        ms: z.number().int(),
      }),
    ),
  })
  .openapi('WebhookDelivery');

export const DeliveryPageSchema = z
  .object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');

export const TestQueuedSchema = z
  .object({
    deliveryId: z.string(),
    eventId: z.string(),
    type: z.literal(TEST_EVENT_TYPE),
    status: z.literal('pending'),
  })
  .openapi('WebhookTestQueued');
