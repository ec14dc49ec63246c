import { createRoute } from '@hono/zod-openapi';
import { rateLimit, requireReportKey } from '../http/auth.js';
import { IdempotencyHeader, OdsParam, problems, reportKeySecurity } from '../schemas/common.js';
import { ReportCreatedSchema, ReportInputSchema } from '../schemas/incident.js';
import { reportForm } from '../services/report-filing.js';
import { reportFormContent, reportFormDescription } from '../services/report-form-docs.js';

export const fileReportRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/reports',
  operationId: 'fileReport',
  tags: ['Reports'],
  summary: 'A member of staff files a report (the staff report form)',
  description: `Needs the practice’s report key, sent from one of its allowed web origins (the \`Origin\` header must match). Rate limited. Answers with the reference, the classification and the first steps; nothing else about the practice’s incidents can be read with this key.\n\n${reportFormDescription}`,
  security: reportKeySecurity,
  middleware: [requireReportKey, rateLimit('reports'), reportForm()] as const,
  request: {
    params: OdsParam,
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: { 'application/json': { schema: ReportInputSchema }, ...reportFormContent },
    },
  },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: ReportCreatedSchema } } },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429),
  },
});
