import { createRouter } from '../http/router.js';
import { health as handler } from './health.handlers.js';
import { healthRoute } from './health.routes.js';

export const health = createRouter().openapi(healthRoute, handler);
