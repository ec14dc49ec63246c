import type { Classification, ReportInput } from '@policy/core';
import type { ReporterStepId } from '@policy/core/labels';
import type { Problem, Screenshot } from './model.js';

// Filing a report: one HTTP request, its outcome as data. What to do about each outcome (keep the
// draft, retry, show errors) is the component's business.

export interface FiledReport {
  id: string;
  reference: string;
  classification: Classification;
  /** What the member of staff who reported should do now, in English (the reporter's steps). */
  nextSteps: string[];
  /** The same steps as ids of core's `REPORTER_STEP_TEXT`, so they can be shown in any locale. */
  nextStepIds?: ReporterStepId[];
}

export type SendError =
  /** The request never got an answer (offline, DNS, reset, timeout): safe to retry with the same key. */
  | { code: 'network'; message: string }
  /** 5xx, 408, 409 (the same key still in flight elsewhere) or an unreadable success: retry. */
  | { code: 'server'; status: number }
  | { code: 'rate_limited'; retryAfterMs: number | null }
  /** 401/403/404: the key or practice was refused. Retrying soon will not help; keep the draft. */
  | { code: 'refused'; status: number; problem: Problem }
  /**
   * 403 `/problems/origin-not-allowed`: the key is not allowed on this website. Final: no retry
   * can succeed until the practice manager adds the site to the key's origins.
   */
  | { code: 'origin_refused'; status: number; problem: Problem }
  /** Any other 4xx: this report must change before it can be filed. */
  | { code: 'invalid'; status: number; problem: Problem };

export type SendResult = { ok: true; value: FiledReport } | { ok: false; error: SendError };

export interface SendRequest {
  api: string;
  practice: string;
  reportKey: string;
  idempotencyKey: string;
  report: ReportInput;
  screenshots: readonly Screenshot[];
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export const reportsUrl = (api: string, practice: string): string =>
  `${api.replace(/\/+$/, '')}/v1/practices/${encodeURIComponent(practice)}/reports`;

/** Multipart with a `report` JSON part and one `screenshot` part per file; plain JSON when there are none. */
export const reportBody = (report: ReportInput, screenshots: readonly Screenshot[]): BodyInit => {
  if (screenshots.length === 0) return JSON.stringify(report);
  const form = new FormData();
  form.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }), 'report.json');
  for (const shot of screenshots)
    form.append('screenshot', new Blob([shot.blob], { type: shot.type }), shot.name);
  return form;
};

const readJson = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return null;
  }
};

const isFiled = (body: unknown): body is FiledReport =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as FiledReport).reference === 'string' &&
  typeof (body as FiledReport).classification === 'object';

/** Retry-After is seconds or an HTTP date. */
export const retryAfterMs = (header: string | null, now: number): number | null => {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
};

/** The API's problem type for a report key used from a website it is not allowed on. */
export const ORIGIN_NOT_ALLOWED = '/problems/origin-not-allowed';

const isOriginRefusal = (problem: Problem): boolean =>
  typeof problem.type === 'string' &&
  (problem.type === ORIGIN_NOT_ALLOWED || problem.type.endsWith(ORIGIN_NOT_ALLOWED));

export const sendReport = async (req: SendRequest): Promise<SendResult> => {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Report-Key': req.reportKey,
    'Idempotency-Key': req.idempotencyKey,
  };
  const body = reportBody(req.report, req.screenshots);
  // FormData sets its own multipart boundary; only JSON needs the header.
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await (req.fetch ?? fetch)(reportsUrl(req.api, req.practice), {
      method: 'POST',
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(req.timeoutMs ?? 30_000),
    });
  } catch (error) {
    return {
      ok: false,
      error: { code: 'network', message: error instanceof Error ? error.message : String(error) },
    };
  }
  const status = response.status;
  const json = await readJson(response);
  if (status === 200 || status === 201) {
    return isFiled(json) ? { ok: true, value: json } : { ok: false, error: { code: 'server', status } };
  }
  if (status === 429)
    return {
      ok: false,
      error: {
        code: 'rate_limited',
        retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
      },
    };
  if (status >= 500 || status === 408 || status === 409 || status === 425 || status < 400)
    return { ok: false, error: { code: 'server', status } };
  const problem: Problem = typeof json === 'object' && json !== null ? (json as Problem) : { status };
  if (status === 403 && isOriginRefusal(problem))
    return { ok: false, error: { code: 'origin_refused', status, problem } };
  if (status === 401 || status === 403 || status === 404)
    return { ok: false, error: { code: 'refused', status, problem } };
  return { ok: false, error: { code: 'invalid', status, problem } };
};
