import type { Classification, Platform } from '@policy/core';
import { retryAfterMs } from './submit.js';

// The live "what the policy sees" check: POST /v1/classify with the practice's report key. The API
// classifies with the practice's staff roster (which never reaches the browser) and is exactly the
// classifier that files the report; in the browser the classifier would be a ~29 KB gzip chunk
// (docs/widgets-report-form.md has the measurements).

export type LiveResult =
  | { ok: true; result: Classification }
  | { ok: false; reason: 'offline' | 'unavailable' | 'aborted' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

export interface LiveRequest {
  api: string;
  practice: string;
  reportKey: string;
  text: string;
  platform?: Platform;
  signal: AbortSignal;
}

const isClassification = (value: unknown): value is Classification =>
  typeof value === 'object' && value !== null && Array.isArray((value as Classification).categories);

export const classifyRemote = async (req: LiveRequest): Promise<LiveResult> => {
  const body: Record<string, string> = { text: req.text, practice: req.practice };
  if (req.platform) body.platform = req.platform;
  let response: Response;
  try {
    response = await fetch(`${req.api.replace(/\/+$/, '')}/v1/classify`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Report-Key': req.reportKey,
      },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: req.signal,
    });
  } catch {
    if (req.signal.aborted) return { ok: false, reason: 'aborted' };
    return { ok: false, reason: globalThis.navigator?.onLine === false ? 'offline' : 'unavailable' };
  }
  if (response.status === 429)
    return {
      ok: false,
      reason: 'rate_limited',
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()) ?? 2000,
    };
  try {
    const json: unknown = response.ok ? await response.json() : null;
    return isClassification(json) ? { ok: true, result: json } : { ok: false, reason: 'unavailable' };
  } catch {
    return { ok: false, reason: req.signal.aborted ? 'aborted' : 'unavailable' };
  }
};
