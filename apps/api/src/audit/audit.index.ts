import { createRouter } from '../http/router.js';
import { checkpoint, publicKey, verify } from './audit.handlers.js';
import { checkpointRoute, publicKeyRoute, verifyRoute } from './audit.routes.js';

export const audit = createRouter()
  .openapi(verifyRoute, verify)
  .openapi(checkpointRoute, checkpoint)
  .openapi(publicKeyRoute, publicKey);
