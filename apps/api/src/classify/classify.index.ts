import { corsHeaders } from '../http/cors.js';
import { createRouter } from '../http/router.js';
import { classify as handler } from './classify.handlers.js';
import { classifyRoute } from './classify.routes.js';

// The report form may classify as the member of staff types. The preflight carries no key, so it
// is answered for any origin; the request itself is held to its report key's origins (auth.ts).
export const classify = createRouter();
classify.use(
  '/v1/classify',
  corsHeaders({
    origin: (origin) => origin,
    methods: 'POST, OPTIONS',
    allowHeaders: 'Content-Type, X-Report-Key, Authorization',
    exposeHeaders: 'Retry-After, X-Request-Id',
    maxAge: 600,
  }),
);
classify.openapi(classifyRoute, handler);
