import { cors } from 'hono/cors';
import { createRouter } from '../http/router.js';
import { getPublicConfig } from './public-config.handlers.js';
import { publicConfigRoute } from './public-config.routes.js';

// Any web page may read a practice's public config: it holds nothing private.
export const publicConfig = createRouter();
publicConfig.use(
  '/v1/practices/:ods/public',
  cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag'], maxAge: 86400 }),
);
publicConfig.openapi(publicConfigRoute, getPublicConfig);
