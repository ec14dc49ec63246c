import { createRouter } from '../http/router.js';
import { summary as handler } from './summary.handlers.js';
import { summaryRoute } from './summary.routes.js';

export const summary = createRouter().openapi(summaryRoute, handler);
