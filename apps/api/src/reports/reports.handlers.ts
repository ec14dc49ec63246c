import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.js';
import { fileWithScreenshots, validReport } from '../services/report-filing.js';
import type { fileReportRoute } from './reports.routes.js';

/** A JSON body; multipart bodies are answered by the route's reportForm middleware. */
export const file: RouteHandler<typeof fileReportRoute, AppEnv> = (c) =>
  fileWithScreenshots(c, validReport(c), []);
