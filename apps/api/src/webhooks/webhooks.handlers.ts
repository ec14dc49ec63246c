import type { RouteHandler } from '@hono/zod-openapi';
import { uuidv7 } from '../db/ids.js';
import { notificationStore } from '../db/notification-store.js';
import type { OutboxDeliveryRow, WebhookEndpointRow } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ApiError, notFound } from '../http/problem.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../schemas/notifications.js';
import { queueTestDelivery } from '../services/notifier.js';
import { newWebhookSecret } from '../services/webhook-delivery.js';
import { checkWebhookUrl, WebhookUrlError } from '../services/webhook-guard.js';
import type {
  createWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  testWebhookRoute,
} from './webhooks.routes.js';

/** A practice may have this many live endpoints (each event is delivered to each). */
export const MAX_ENDPOINTS = 10;
const DEFAULT_LIMIT = 25;

const view = (row: WebhookEndpointRow) => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  createdAt: row.createdAt,
});

export const create: RouteHandler<typeof createWebhookRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const { store, clock, notifications } = c.get('deps');
  const practice = c.get('practice');
  let url: URL;
  try {
    url = await checkWebhookUrl(body.url, notifications.policy);
  } catch (error) {
    if (!(error instanceof WebhookUrlError)) throw error;
    throw new ApiError(422, `The webhook URL ${error.message}.`, {
      errors: [{ path: 'body.url', message: error.message }],
    });
  }
  const events = [...new Set(body.events ?? [])].sort(
    (a, b) => WEBHOOK_EVENT_TYPES.indexOf(a) - WEBHOOK_EVENT_TYPES.indexOf(b),
  );
  const notes = notificationStore(store.db);
  c.header('Cache-Control', 'no-store');
  return idempotent(c, JSON.stringify(body), () => {
    if (notes.endpointsOf(practice.ods).length >= MAX_ENDPOINTS)
      throw new ApiError(
        409,
        `A practice may have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`,
      );
    const row = {
      id: `whk_${uuidv7().replaceAll('-', '')}`,
      practiceOds: practice.ods,
      url: url.href,
      events: JSON.stringify(events),
      secret: newWebhookSecret(),
      createdAt: clock().toISOString(),
      createdBy: c.get('principal').keyId,
    };
    notes.insertEndpoint(row);
    return {
      status: 201 as const,
      body: { ...view({ ...row, deletedAt: null, deletedBy: null }), secret: row.secret },
    };
  });
};

export const list: RouteHandler<typeof listWebhooksRoute, AppEnv> = (c) => {
  const { store } = c.get('deps');
  return c.json({ items: notificationStore(store.db).endpointsOf(c.get('practice').ods).map(view) }, 200);
};

export const remove: RouteHandler<typeof deleteWebhookRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { store, clock } = c.get('deps');
  const ods = c.get('practice').ods;
  const deleted = await store.write(() =>
    notificationStore(store.db).deleteEndpoint(ods, id, clock().toISOString(), c.get('principal').keyId),
  );
  if (!deleted) throw notFound('webhook');
  return c.body(null, 204);
};

export const test: RouteHandler<typeof testWebhookRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { store, clock } = c.get('deps');
  const ods = c.get('practice').ods;
  const queued = await store.write(() => {
    const endpoint = notificationStore(store.db).endpoint(ods, id);
    if (!endpoint) throw notFound('webhook');
    return queueTestDelivery(store, endpoint, clock().toISOString());
  });
  return c.json({ ...queued, type: 'webhook.test' as const, status: 'pending' as const }, 202);
};

const encodeCursor = (id: string) => Buffer.from(`d:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const match = /^d:([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1])
    throw new ApiError(422, 'The cursor is not one this API gave out.', {
      errors: [{ path: 'query.cursor', message: 'use nextCursor from the previous page' }],
    });
  return match[1];
}

type Attempt = { attempt: number; at: string; responseStatus?: number; error?: string; ms: number };

const deliveryView = (row: OutboxDeliveryRow & { type: string }) => ({
  id: row.id,
  eventId: row.eventId,
  type: row.type as WebhookEventType | 'webhook.test',
  attempt: row.attempts,
  status: row.status,
  ...(row.responseStatus !== null ? { responseStatus: row.responseStatus } : {}),
  at: row.lastAttemptAt ?? row.createdAt,
  ...(row.status === 'pending' && row.nextAttemptAt ? { nextAttemptAt: row.nextAttemptAt } : {}),
  ...(row.lastResult !== null ? { lastResult: row.lastResult } : {}),
  attempts: JSON.parse(row.history) as Attempt[],
});

export const deliveries: RouteHandler<typeof listDeliveriesRoute, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const query = c.req.valid('query');
  const { store } = c.get('deps');
  const ods = c.get('practice').ods;
  const notes = notificationStore(store.db);
  if (!notes.endpoint(ods, id)) throw notFound('webhook');
  const limit = query.limit ?? DEFAULT_LIMIT;
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = notes.deliveriesOf(ods, id, before, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map(deliveryView),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    },
    200,
  );
};
