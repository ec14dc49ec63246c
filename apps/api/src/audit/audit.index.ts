import { createRouter } from '../http/router.js';
import { verify } from './audit.handlers.js';
import { verifyRoute } from './audit.routes.js';

export const audit = createRouter().openapi(verifyRoute, verify);
