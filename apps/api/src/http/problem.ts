import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// RFC 9457 problem details. `type` is a relative URI under /problems/ naming the kind of problem;
// clients switch on it (and on `rule` for policy refusals), never on `detail`.

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  rule?: string;
  [extra: string]: unknown;
}

export const PROBLEM_TYPES = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  410: ['gone', 'Gone'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['validation-error', 'The request is not valid'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal-error', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
} as const satisfies Record<number, readonly [string, string]>;

export type ProblemStatus = keyof typeof PROBLEM_TYPES;

/** Thrown anywhere in a request; app.onError turns it into problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly detail: string,
    readonly extra: {
      type?: string;
      title?: string;
      errors?: FieldError[];
      rule?: string;
      headers?: Record<string, string>;
    } & Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export const notFound = (what = 'resource'): ApiError =>
  new ApiError(404, `No such ${what}, or it is not visible to this key.`);

export function problemBody(status: ProblemStatus, detail: string, extra: Partial<Problem> = {}): Problem {
  const [slug, title] = PROBLEM_TYPES[status];
  return { type: `/problems/${slug}`, title, status, detail, ...extra };
}

export function problemResponse(
  c: Context,
  status: ProblemStatus,
  detail: string,
  extra: Partial<Problem> = {},
) {
  const { headers, ...rest } = extra as Partial<Problem> & { headers?: Record<string, string> };
  for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
  c.header('Content-Type', 'application/problem+json');
  return c.body(JSON.stringify(problemBody(status, detail, rest)), status as ContentfulStatusCode);
}
