import type { Hook } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { type FieldError, problemResponse } from './problem.js';

interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

const LOCATIONS: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

export function issuesToErrors(issues: readonly ZodLikeIssue[], target?: string): FieldError[] {
  const where = target ? (LOCATIONS[target] ?? target) : 'body';
  return issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Every validation failure becomes a 422 problem listing each field and what is wrong with it. */
// biome-ignore lint/suspicious/noExplicitAny: one hook serves routes of every shape
export const defaultHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (result.success) return;
  const target = (result as { target?: string }).target;
  const errors = issuesToErrors(result.error.issues, target);
  return problemResponse(c, 422, `The request ${LOCATIONS[target ?? 'json'] ?? 'body'} is not valid.`, {
    errors,
  });
};

/** A feature's router: an OpenAPIHono that reports validation failures as problem+json. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook });
