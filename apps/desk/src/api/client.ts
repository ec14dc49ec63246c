// Every call the desk makes goes through here: same-origin `/v1`, the session cookie sent by the
// browser (HttpOnly, SameSite=Strict: this code never sees it), problem+json turned into ApiProblem.
// No private endpoints: a vendor's portal could make exactly these calls.
import { ApiProblem, type ProblemBody } from './problem.js';

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Multipart uploads: sent as is. */
  form?: FormData;
  accept?: string;
  signal?: AbortSignal;
  /** Writes a person might send twice (a double click, a retry): the server applies them once. */
  idempotencyKey?: string;
}

/** Called on any 401 from a call made with a session (it expired or was signed out elsewhere). */
let onSignedOut: (() => void) | undefined;
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

export function url(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return `/v1${path}${text ? `?${text}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    credentials: 'same-origin',
    cache: 'no-store',
    signal: options.signal,
  });
  if (!response.ok) {
    let problem: ProblemBody = {};
    try {
      problem = (await response.json()) as ProblemBody;
    } catch {
      problem = { status: response.status };
    }
    const retry = Number(response.headers.get('Retry-After'));
    const error = new ApiProblem(response.status, problem, Number.isFinite(retry) ? retry : undefined);
    if (response.status === 401 && !path.startsWith('/session') && !path.startsWith('/invites'))
      onSignedOut?.();
    throw error;
  }
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  return (await send(path, options)).text();
}

/** Every page of a cursor-paginated list, up to `max` items. */
export async function allPages<T>(path: string, query: Query = {}, max = 1000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: T[]; nextCursor: string | null }>(path, {
      query: { ...query, limit: 100, cursor },
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}
