import { corsHeaders } from '../http/cors.js';
import { createRouter } from '../http/router.js';
import { getPublicConfig, PUBLIC_CORS } from './public-config.handlers.js';
import { publicConfigRoute } from './public-config.routes.js';

// Any web page may read a practice's public config: it holds nothing private.
export const publicConfig = createRouter();
publicConfig.use('/v1/practices/:ods/public', corsHeaders(PUBLIC_CORS));
// The hottest route: documented from its route definition, but served without the zod validators
// (an ODS code is only ever looked up, so there is nothing to validate; If-None-Match is compared
// verbatim). A plain GET of a known practice does not even get here: app.ts answers it in the fast
// lane (public-config.fast.ts) with the same headers and body.
publicConfig.openAPIRegistry.registerPath(publicConfigRoute);
publicConfig.get(publicConfigRoute.getRoutingPath(), getPublicConfig);
