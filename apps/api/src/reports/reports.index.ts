import { createRouter } from '../http/router.js';
import { reportCors } from './report-cors.js';
import { file } from './reports.handlers.js';
import { fileReportRoute } from './reports.routes.js';

export const reports = createRouter();
reports.use('/v1/practices/:ods/reports', reportCors);
reports.openapi(fileReportRoute, file);
