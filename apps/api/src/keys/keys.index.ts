import { createRouter } from '../http/router.js';
import { issue, list, revoke } from './keys.handlers.js';
import { issueKeyRoute, listKeysRoute, revokeKeyRoute } from './keys.routes.js';

export const keys = createRouter()
  .openapi(listKeysRoute, list)
  .openapi(issueKeyRoute, issue)
  .openapi(revokeKeyRoute, revoke);
