import { createRouter } from '../http/router.js';
import { issue, revoke } from './keys.handlers.js';
import { issueKeyRoute, revokeKeyRoute } from './keys.routes.js';

export const keys = createRouter().openapi(issueKeyRoute, issue).openapi(revokeKeyRoute, revoke);
