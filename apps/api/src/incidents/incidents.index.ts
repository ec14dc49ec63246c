import { createRouter } from '../http/router.js';
import { apply, create, get, list, timeline } from './incidents.handlers.js';
import {
  applyEventRoute,
  createIncidentRoute,
  getIncidentRoute,
  listIncidentsRoute,
  timelineRoute,
} from './incidents.routes.js';

export const incidents = createRouter()
  .openapi(listIncidentsRoute, list)
  .openapi(createIncidentRoute, create)
  .openapi(getIncidentRoute, get)
  .openapi(applyEventRoute, apply)
  .openapi(timelineRoute, timeline);
