// RFC 9457 problem details as the API sends them, turned into an Error the screens can show.

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Session errors: invalid_credentials, totp_required, invalid_totp, locked, … */
  code?: string;
  /** Policy refusals (409): the guard that refused. */
  rule?: string;
  errors?: FieldError[];
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly body: ProblemBody;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ProblemBody, retryAfter?: number) {
    super(body.detail || body.title || `The server answered ${status}.`);
    this.name = 'ApiProblem';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  get code(): string | undefined {
    return this.body.code;
  }

  get rule(): string | undefined {
    return this.body.rule;
  }
}

/** What to tell a person when a request failed: the server's words, or plainly that it was unreachable. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem) {
    const fields = error.body.errors?.map((field) => `${field.path}: ${field.message}`) ?? [];
    return [error.message, ...fields].join(' ');
  }
  return 'The server could not be reached. Check your connection and try again.';
}
