import { createRouter } from '../http/router.js';
import { list, render } from './templates.handlers.js';
import { listTemplatesRoute, renderTemplateRoute } from './templates.routes.js';

export const templates = createRouter()
  .openapi(listTemplatesRoute, list)
  .openapi(renderTemplateRoute, render);
