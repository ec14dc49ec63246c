import type { RouteHandler } from '@hono/zod-openapi';
import type { ReportInput } from '@policy/core';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { classifyFor, fileReport, reportAnswer } from '../incidents/lifecycle.js';
import type { fileReportRoute } from './reports.routes.js';

export const file: RouteHandler<typeof fileReportRoute, AppEnv> = (c) => {
  const input = c.req.valid('json') as ReportInput;
  const classification = classifyFor(c, input);
  return idempotent(c, JSON.stringify(input), () => {
    const { incident } = fileReport(c, input, classification);
    return { status: 201 as const, body: reportAnswer(incident) };
  });
};
