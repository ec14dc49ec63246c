// Loading a practice's public configuration: inline (no network) or from the API origin, which
// defaults to the origin the widget script itself was served from. One request per practice per
// page, however many components show it.
import type { PublicPracticeConfig } from '@policy/core';

export type { PublicPracticeConfig };

export type ConfigErrorCode =
  | 'invalid_practice'
  | 'not_found'
  | 'network'
  | 'bad_response'
  | 'invalid_config';

export interface ConfigError {
  code: ConfigErrorCode;
  message: string;
}

export type ConfigResult = { ok: true; config: PublicPracticeConfig } | { ok: false; error: ConfigError };

/** NHS ODS practice code: a letter and five digits (core's ODS_CODE_PATTERN; retyped to keep core's runtime out of the bundle). */
const ODS_CODE = /^[A-Z][0-9]{5}$/;

/** The origin this module was loaded from: the API that serves the widget bundle. */
export function scriptOrigin(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return globalThis.location?.origin ?? '';
  }
}

/** The API origin: the `api` attribute if it is an http(s) URL, else the script's own origin. */
export function apiOrigin(apiAttribute: string | undefined | null): string {
  if (apiAttribute) {
    try {
      const url = new URL(apiAttribute, globalThis.location?.href);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href.replace(/\/+$/, '');
    } catch {
      // fall through to the script origin
    }
  }
  return scriptOrigin();
}

/** The complaint guide's words each nation's route carries (core's `ComplaintRouteWords`). */
const ROUTE_WORDS = [
  'procedure',
  'alternativeHeading',
  'alternativeText',
  'timeLimit',
  'acknowledgement',
  'ombudsmanText',
  'support',
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * A structural check of the fields the widgets read, so a wrong or stale response shows an error
 * state instead of throwing mid-render. Unknown extra fields are allowed (the API may grow).
 */
export function isPublicPracticeConfig(value: unknown): value is PublicPracticeConfig {
  if (!isRecord(value)) return false;
  const { policy, conduct, channels, complaintsFacts, complaintsRoute } = value;
  if (!isString(value.ods) || !isString(value.name)) return false;
  if (value.locale !== 'en-GB' && value.locale !== 'cy') return false;
  if (!isRecord(policy) || !isString(policy.version) || !optionalString(policy.url)) return false;
  if (!optionalString(policy.lastReviewed)) return false;
  if (!Array.isArray(conduct)) return false;
  for (const clause of conduct) {
    if (!isRecord(clause) || !isString(clause.id) || !isRecord(clause.text)) return false;
    if (!isString(clause.text['en-GB']) || !isString(clause.text.cy)) return false;
  }
  if (!isRecord(channels)) return false;
  for (const key of ['complaints', 'icb', 'reviews', 'appointments', 'urgent'] as const) {
    if (!isRecord(channels[key])) return false;
  }
  if (!isRecord(channels.icb) || !isString(channels.icb.name)) return false;
  if (channels.socialAccounts !== undefined && !Array.isArray(channels.socialAccounts)) return false;
  if (!isRecord(complaintsFacts) || !isRecord(complaintsFacts.ombudsman)) return false;
  // The nation's complaints route in both languages: the guide shows these words as they are.
  if (!isRecord(complaintsRoute) || !isRecord(complaintsRoute.advocacy) || !isRecord(complaintsRoute.words))
    return false;
  for (const locale of ['en-GB', 'cy'] as const) {
    const words = complaintsRoute.words[locale];
    if (!isRecord(words)) return false;
    for (const key of ROUTE_WORDS) if (!isString(words[key])) return false;
  }
  return true;
}

/** Parses a `config` JSON attribute; a syntax error becomes a value the validator rejects. */
export function parseConfigAttribute(value: string | null): unknown {
  if (value === null || value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return { invalidJson: true };
  }
}

const cache = new Map<string, Promise<ConfigResult>>();

/** Fetches `GET {api}/v1/practices/{ods}/public` once per page; failures are not cached. */
export function loadPublicConfig(api: string, ods: string): Promise<ConfigResult> {
  const code = ods.trim().toUpperCase();
  if (!ODS_CODE.test(code)) {
    return Promise.resolve({
      ok: false,
      error: {
        code: 'invalid_practice',
        message: `Not an ODS code: ${ods}`,
      },
    });
  }
  const url = `${api}/v1/practices/${code}/public`;
  const cached = cache.get(url);
  if (cached) return cached;
  const pending = request(url);
  cache.set(url, pending);
  pending.then((result) => {
    if (!result.ok) cache.delete(url);
  });
  return pending;
}

async function request(url: string): Promise<ConfigResult> {
  let response: Response;
  try {
    // No cookies or credentials ever: the public config is public.
    response = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, error: { code: 'network', message: 'Network error' } };
  }
  if (response.status === 404) {
    return {
      ok: false,
      error: { code: 'not_found', message: 'No such practice' },
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      error: { code: 'network', message: `HTTP ${response.status}` },
    };
  }
  try {
    const body: unknown = await response.json();
    if (isPublicPracticeConfig(body)) return { ok: true, config: body };
  } catch {
    // fall through
  }
  return {
    ok: false,
    error: { code: 'bad_response', message: 'Unexpected response' },
  };
}

/** Forget cached responses (tests, or a host page that changes practice). */
export function clearConfigCache(): void {
  cache.clear();
}
