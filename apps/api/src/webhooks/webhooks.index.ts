import { createRouter } from '../http/router.js';
import { create, deliveries, list, remove, test } from './webhooks.handlers.js';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  testWebhookRoute,
} from './webhooks.routes.js';

export const webhooks = createRouter();
webhooks
  .openapi(createWebhookRoute, create)
  .openapi(listWebhooksRoute, list)
  .openapi(deleteWebhookRoute, remove)
  .openapi(testWebhookRoute, test)
  .openapi(listDeliveriesRoute, deliveries);
