import { corsHeaders } from '../http/cors.js';
import { createRouter } from '../http/router.js';
import { getPublicConfig } from './public-config.handlers.js';
import { publicConfigRoute } from './public-config.routes.js';

// Any web page may read a practice's public config: it holds nothing private.
export const publicConfig = createRouter();
publicConfig.use(
  '/v1/practices/:ods/public',
  corsHeaders({ origin: '*', methods: 'GET, HEAD, OPTIONS', exposeHeaders: 'ETag', maxAge: 86400 }),
);
// The hottest route: documented from its route definition, but served without the zod validators
// (an ODS code is only ever looked up, so there is nothing to validate; If-None-Match is compared
// verbatim). That keeps it close to a bare c.json.
publicConfig.openAPIRegistry.registerPath(publicConfigRoute);
publicConfig.get(publicConfigRoute.getRoutingPath(), getPublicConfig);
