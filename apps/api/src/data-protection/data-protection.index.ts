import { createRouter } from '../http/router.js';
import { accessLog, legalHold, redact, subjectAccessSearch } from './data-protection.handlers.js';
import { accessLogRoute, legalHoldRoute, redactRoute, subjectAccessRoute } from './data-protection.routes.js';

export const dataProtection = createRouter()
  .openapi(redactRoute, redact)
  .openapi(legalHoldRoute, legalHold)
  .openapi(subjectAccessRoute, subjectAccessSearch)
  .openapi(accessLogRoute, accessLog);
