import { randomBytes } from 'node:crypto';
// Every operation of the API, as the cross-cutting tests drive it: its auth, and how to build a valid
// request against one practice's records. openapi.test.ts checks this list against the served
// /openapi.json, so an operation added to the API without a line here fails the suite.
import { PASSWORD, type PracticeFixture, reportBody } from '../src/test-support/harness.js';

/** `session`: the practice's person's `policy_session` cookie (staff). */
export type AuthKind = 'none' | 'admin' | 'api' | 'report' | 'apiOrReport' | 'session';

export interface RequestSpec {
  /** Concrete path, query string included. */
  path: string;
  method: string;
  headers?: Record<string, string>;
  /** JSON body (serialised with Content-Type: application/json). */
  json?: unknown;
  /** Raw body with its own Content-Type. */
  raw?: { body: string | Uint8Array; contentType: string };
}

/**
 * The records a request names. `ods` fills the path's practice; the rest (incident, evidence, key,
 * body references) come from `ids`, so tests can mix one practice's path with another's ids.
 */
export interface Target {
  ods: string;
  ids: Pick<
    PracticeFixture,
    'ods' | 'incidentIds' | 'evidenceIds' | 'apiKeyId' | 'reportKeyId' | 'webhookIds'
  > &
    Partial<Pick<PracticeFixture, 'userIds' | 'userEmail'>>;
}

export interface Operation {
  /** `METHOD /openapi/path/{param}` exactly as in the document. */
  id: string;
  auth: AuthKind;
  scope?: string;
  /** Whether the operation reads or writes a practice's records (and so must hide other practices'). */
  tenant: boolean;
  /** Whether `ids` (beyond the path's ods) change the request: incident/evidence/key ids or body references. */
  usesIds: boolean;
  /** Whether a valid request writes (used to check nothing foreign was written). */
  writes: boolean;
  build(target: Target): RequestSpec;
}

const first = (list: string[], what: string): string => {
  const value = list[0];
  if (value === undefined) throw new Error(`fixture has no ${what}`);
  return value;
};

/** A link token no one was given (the shape of a real one). */
const unknownToken = () => randomBytes(32).toString('base64url');

const userPath = (t: Target) => `/v1/practices/${t.ods}/users/${first(t.ids.userIds ?? [], 'user')}`;

const webhookPath = (t: Target) => `/v1/practices/${t.ods}/webhooks/${first(t.ids.webhookIds, 'webhook')}`;

const incidentPath = (t: Target) =>
  `/v1/practices/${t.ods}/incidents/${first(t.ids.incidentIds, 'incident')}`;

export const OPERATIONS: Operation[] = [
  {
    id: 'GET /healthz',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: false,
    build: () => ({ method: 'GET', path: '/healthz' }),
  },
  {
    id: 'GET /v1/practices/{ods}/public',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/public` }),
  },
  {
    id: 'POST /v1/practices',
    auth: 'admin',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({
      method: 'POST',
      path: '/v1/practices',
      json: { ods: `Q${String(Math.floor(Math.random() * 90000) + 10000)}`, name: 'New practice' },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}',
    auth: 'api',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}` }),
  },
  {
    id: 'PATCH /v1/practices/{ods}',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: false,
    writes: true,
    build: (t) => ({
      method: 'PATCH',
      path: `/v1/practices/${t.ods}`,
      json: { name: 'Renamed by someone', settings: { staff: [{ name: 'Injected Person' }] } },
    }),
  },
  {
    id: 'POST /v1/practices/{ods}/keys',
    auth: 'admin',
    tenant: false,
    usesIds: false,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `/v1/practices/${t.ods}/keys`,
      json: { type: 'api', scopes: ['incidents:read'] },
    }),
  },
  {
    id: 'DELETE /v1/practices/{ods}/keys/{keyId}',
    auth: 'admin',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({ method: 'DELETE', path: `/v1/practices/${t.ods}/keys/${t.ids.reportKeyId}` }),
  },
  {
    id: 'POST /v1/practices/{ods}/reports',
    auth: 'report',
    tenant: true,
    usesIds: false,
    writes: true,
    build: (t) => ({ method: 'POST', path: `/v1/practices/${t.ods}/reports`, json: reportBody() }),
  },
  {
    id: 'POST /v1/classify',
    auth: 'apiOrReport',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({
      method: 'POST',
      path: '/v1/classify',
      json: {
        text: 'Dr Ada is a disgrace and should be struck off',
        practice: t.ids.ods,
        platform: 'facebook',
      },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/incidents',
    auth: 'api',
    scope: 'incidents:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/incidents?limit=100` }),
  },
  {
    id: 'POST /v1/practices/{ods}/incidents',
    auth: 'api',
    scope: 'incidents:write',
    tenant: true,
    usesIds: false,
    writes: true,
    build: (t) => ({ method: 'POST', path: `/v1/practices/${t.ods}/incidents`, json: reportBody() }),
  },
  {
    id: 'GET /v1/practices/{ods}/incidents/{id}',
    auth: 'api',
    scope: 'incidents:read',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({ method: 'GET', path: incidentPath(t) }),
  },
  {
    id: 'POST /v1/practices/{ods}/incidents/{id}/events',
    auth: 'api',
    scope: 'incidents:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `${incidentPath(t)}/events`,
      headers: { 'x-acting-user': 'u-1; role=manager' },
      json: { type: 'add_note', text: 'A note someone should not be able to add' },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/incidents/{id}/events',
    auth: 'api',
    scope: 'incidents:read',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({ method: 'GET', path: `${incidentPath(t)}/events` }),
  },
  {
    id: 'POST /v1/practices/{ods}/incidents/{id}/evidence',
    auth: 'api',
    scope: 'incidents:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `${incidentPath(t)}/evidence`,
      raw: { body: 'A captured post, as text', contentType: 'text/plain' },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/incidents/{id}/evidence/{evidenceId}',
    auth: 'api',
    scope: 'incidents:read',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({
      method: 'GET',
      path: `${incidentPath(t)}/evidence/${first(t.ids.evidenceIds, 'evidence')}`,
    }),
  },
  {
    id: 'GET /v1/templates',
    auth: 'api',
    tenant: false,
    usesIds: false,
    writes: false,
    build: () => ({ method: 'GET', path: '/v1/templates' }),
  },
  {
    id: 'POST /v1/practices/{ods}/templates/{templateId}/render',
    auth: 'api',
    scope: 'incidents:read',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({
      method: 'POST',
      path: `/v1/practices/${t.ods}/templates/public_acknowledgement/render`,
      json: { incidentId: first(t.ids.incidentIds, 'incident'), platform: 'x', locale: 'en-GB' },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/reports/summary',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({
      method: 'GET',
      path: `/v1/practices/${t.ods}/reports/summary?from=2020-01-01&to=2030-01-01`,
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/audit/verify',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/audit/verify` }),
  },
  {
    id: 'POST /v1/practices/{ods}/webhooks',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: false,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `/v1/practices/${t.ods}/webhooks`,
      json: { url: 'https://203.0.113.20/hooks/policy', events: ['incident.created'] },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/webhooks',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/webhooks` }),
  },
  {
    id: 'POST /v1/practices/{ods}/webhooks/{id}/test',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({ method: 'POST', path: `${webhookPath(t)}/test` }),
  },
  {
    id: 'GET /v1/practices/{ods}/webhooks/{id}/deliveries',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: true,
    writes: false,
    build: (t) => ({ method: 'GET', path: `${webhookPath(t)}/deliveries?limit=10` }),
  },
  {
    id: 'DELETE /v1/practices/{ods}/webhooks/{id}',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({ method: 'DELETE', path: webhookPath(t) }),
  },
  {
    id: 'GET /v1/practices/{ods}/audit/checkpoint',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/audit/checkpoint` }),
  },
  {
    id: 'GET /v1/practices/{ods}/audit/public-key',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/audit/public-key` }),
  },
  {
    id: 'POST /v1/practices/{ods}/incidents/{id}/redact',
    auth: 'api',
    scope: 'incidents:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `${incidentPath(t)}/redact`,
      headers: { 'x-acting-user': 'u-1; role=manager' },
      json: { reason: 'Erasure request DP-1' },
    }),
  },
  {
    id: 'POST /v1/practices/{ods}/incidents/{id}/legal-hold',
    auth: 'api',
    scope: 'incidents:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `${incidentPath(t)}/legal-hold`,
      headers: { 'x-acting-user': 'u-1; role=manager' },
      json: { legalHold: true, reason: 'Solicitor’s letter received' },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/subject-access',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/subject-access?handle=sam` }),
  },
  {
    id: 'GET /v1/practices/{ods}/access-log',
    auth: 'api',
    scope: 'reports:read',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/access-log?limit=100` }),
  },
  {
    id: 'GET /v1/practices/{ods}/keys',
    auth: 'admin',
    tenant: false,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/keys` }),
  },
  {
    // A well-formed sign-in with a wrong password: after a few, the account is locked (429) and
    // further attempts cost no password hashing — generated tests send this one thousands of times.
    id: 'POST /v1/session',
    auth: 'none',
    tenant: false,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: '/v1/session',
      json: { email: t.ids.userEmail ?? 'nobody@example.org', password: `not ${PASSWORD}` },
    }),
  },
  {
    id: 'GET /v1/session',
    auth: 'session',
    tenant: false,
    usesIds: false,
    writes: false,
    build: () => ({ method: 'GET', path: '/v1/session' }),
  },
  {
    // Signing out without a session is a no-op (204): it needs no credential.
    id: 'DELETE /v1/session',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({ method: 'DELETE', path: '/v1/session' }),
  },
  {
    id: 'POST /v1/session/sign-out-everywhere',
    auth: 'session',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({ method: 'POST', path: '/v1/session/sign-out-everywhere' }),
  },
  {
    id: 'POST /v1/session/totp/setup',
    auth: 'session',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({ method: 'POST', path: '/v1/session/totp/setup' }),
  },
  {
    id: 'POST /v1/session/totp/confirm',
    auth: 'session',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({ method: 'POST', path: '/v1/session/totp/confirm', json: { code: '123456' } }),
  },
  {
    id: 'GET /v1/invites/{token}',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: false,
    build: () => ({ method: 'GET', path: `/v1/invites/${unknownToken()}` }),
  },
  {
    id: 'POST /v1/invites/{token}/accept',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({
      method: 'POST',
      path: `/v1/invites/${unknownToken()}/accept`,
      json: { password: 'a perfectly long passphrase' },
    }),
  },
  {
    id: 'POST /v1/password-resets',
    auth: 'none',
    tenant: false,
    usesIds: true,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: '/v1/password-resets',
      json: { email: t.ids.userEmail ?? 'nobody@example.org' },
    }),
  },
  {
    id: 'POST /v1/password-resets/{token}',
    auth: 'none',
    tenant: false,
    usesIds: false,
    writes: true,
    build: () => ({
      method: 'POST',
      path: `/v1/password-resets/${unknownToken()}`,
      json: { password: 'a perfectly long passphrase' },
    }),
  },
  {
    id: 'POST /v1/practices/{ods}/users',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: false,
    writes: true,
    build: (t) => ({
      method: 'POST',
      path: `/v1/practices/${t.ods}/users`,
      json: {
        email: `person.${randomBytes(6).toString('hex')}@example.org`,
        name: 'Someone New',
        role: 'staff',
      },
    }),
  },
  {
    id: 'GET /v1/practices/{ods}/users',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: false,
    writes: false,
    build: (t) => ({ method: 'GET', path: `/v1/practices/${t.ods}/users` }),
  },
  {
    id: 'PATCH /v1/practices/{ods}/users/{id}',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({ method: 'PATCH', path: userPath(t), json: { disabled: false } }),
  },
  {
    id: 'POST /v1/practices/{ods}/users/{id}/password-reset',
    auth: 'api',
    scope: 'settings:write',
    tenant: true,
    usesIds: true,
    writes: true,
    build: (t) => ({ method: 'POST', path: `${userPath(t)}/password-reset` }),
  },
];

/** Operations outside /v1 that the document need not list (served by other routers). */
export const UNDOCUMENTED_PATHS = ['/openapi.json', '/docs', '/demo', '/widgets/policy-widgets.js'];

export interface Credentials {
  admin: string;
  apiKey: string;
  reportKey: string;
  origin: string;
  /** The `policy_session` cookie value of a signed-in person of the practice. */
  session?: string;
}

/** Headers that authenticate `op` with the given practice's credentials. */
export function authHeaders(op: Operation, creds: Credentials): Record<string, string> {
  switch (op.auth) {
    case 'none':
      return {};
    case 'admin':
      return { authorization: `Bearer ${creds.admin}` };
    case 'api':
      return { authorization: `Bearer ${creds.apiKey}` };
    case 'report':
      return { 'x-report-key': creds.reportKey, origin: creds.origin };
    case 'apiOrReport':
      return { authorization: `Bearer ${creds.apiKey}` };
    case 'session':
      return creds.session ? { cookie: `policy_session=${creds.session}` } : {};
  }
}

/** A RequestInit for `app.request` / fetch. */
export function toInit(
  spec: RequestSpec,
  extraHeaders: Record<string, string> = {},
): RequestInit & { path: string } {
  const headers = new Headers({ ...spec.headers, ...extraHeaders });
  let body: RequestInit['body'];
  if (spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (spec.raw) {
    body = spec.raw.body as RequestInit['body'];
    headers.set('content-type', spec.raw.contentType);
  }
  return { path: spec.path, method: spec.method, headers, body };
}

export const operation = (id: string): Operation => {
  const op = OPERATIONS.find((candidate) => candidate.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};
