// The one API test harness, for the feature tests beside the code and the cross-cutting quality
// tests in apps/api/test: the real app over a real SQLite file in a temporary folder, driven
// through `app.request` (the server's own fetch handler, without the socket), a movable test
// clock, and the fixtures every test builds on — practices, keys, people with sessions, reports,
// evidence and webhooks — all made through the HTTP API itself. Not part of the build.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PracticeSettingsInput, ReportInput } from '@policy/core';
import { Secret, TOTP } from 'otpauth';
import { type AppOptions, createApp } from '../app.js';
import { type Db, openDatabase } from '../db/open.js';
import type { LogLine } from '../http/env.js';

type RequestBody = NonNullable<RequestInit['body']>;

export const ADMIN_KEY = 'ak_test_admin_key_for_the_feature_tests_0001';
/** The origin `Harness.practice`'s report keys allow. */
export const ORIGIN = 'https://www.test-surgery.example';
/** For tests that send many requests quickly (fuzz, tenancy, auth): no per-key rate limits. */
export const NO_RATE_LIMITS = { reports: false, classify: false } as const;
export const ALL_SCOPES = ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'] as const;
/** The password every fixture person sets. */
export const PASSWORD = 'correct mauve stapler orbit';

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
  bytes: Uint8Array;
}

export interface RequestOptions {
  key?: string;
  reportKey?: string;
  origin?: string;
  body?: unknown;
  rawBody?: RequestBody;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  /** The SQLite file. */
  path: string;
  db: Db;
  logs: LogLine[];
  app: ReturnType<typeof createApp>;
  /** Moves the test clock (unless the test passed a clock of its own). */
  advance: (ms: number) => void;
  /** The app's clock. */
  now: () => Date;
  /** Sends a request through the app as a Response; `json` sets the body and Content-Type. */
  request: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
  /** `request`, with credentials by name, answering status, headers and the body read whole. */
  send: (method: string, path: string, options?: RequestOptions) => Promise<Sent>;
  /** Creates a practice and returns an all-scopes API key and a report key for ORIGIN. */
  practice: (
    ods: string,
    settings?: Partial<PracticeSettingsInput>,
  ) => Promise<{ apiKey: string; reportKey: string }>;
  close: () => void;
}

/** The time the test clock starts at. */
export const TEST_START = '2026-03-10T09:30:00.000Z';

export function createHarness(options: Partial<Omit<AppOptions, 'db'>> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'policy-api-'));
  const path = join(dir, 'policy.sqlite');
  const db = openDatabase(path);
  const logs: LogLine[] = [];
  let time = Date.parse(TEST_START);
  const clock = options.clock ?? (() => new Date(time));
  const app = createApp({
    bootstrapAdminKey: ADMIN_KEY,
    log: (line) => logs.push(line),
    ...options,
    clock,
    db,
  });

  const request: Harness['request'] = (url, init = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return Promise.resolve(
      app.request(url, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) }),
    );
  };

  const send: Harness['send'] = async (method, url, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    if (o.reportKey) headers['x-report-key'] = o.reportKey;
    if (o.origin) headers.origin = o.origin;
    if (o.contentType) headers['content-type'] = o.contentType;
    const response = await request(url, { method, headers, body: o.rawBody, json: o.body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json, bytes };
  };

  const h: Harness = {
    path,
    db,
    logs,
    app,
    advance: (ms) => {
      time += ms;
    },
    now: clock,
    request,
    send,
    practice: async (ods, settings = {}) => {
      await createPractice(h, ods, { name: `Test Surgery ${ods}`, settings });
      // maxRole partner: the feature tests act as every role, partner decisions included.
      const api = await issueKey(h, ods, { type: 'api', scopes: [...ALL_SCOPES], maxRole: 'partner' });
      const report = await issueKey(h, ods, { type: 'report', allowedOrigins: [ORIGIN] });
      return { apiKey: api.key, reportKey: report.key };
    },
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_KEY}` };
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
export const freshId = () => randomUUID();

async function expectStatus<T>(sent: Sent, status: number, what: string): Promise<T> {
  if (sent.status !== status)
    throw new Error(`${what}: expected ${status}, got ${sent.status}: ${sent.text}`);
  return sent.json as T;
}

/** Parses a body as JSON if it is JSON, else returns the text. */
export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && text.length > 0) return JSON.parse(text);
  return text;
}

// ── Practices and keys ──────────────────────────────────────────────────────────────────────────

/** The settings of a practice with a website, a named GP (with an alias) and a complaints page. */
export function practiceSettings(ods: string): Partial<PracticeSettingsInput> {
  return {
    website: `https://${ods.toLowerCase()}.example.nhs.uk`,
    staff: [{ name: `Dr Ada ${ods}`, role: 'GP', aliases: ['Dr A'] }],
    complaints: { procedureUrl: `https://${ods.toLowerCase()}.example.nhs.uk/complaints` },
  } as Partial<PracticeSettingsInput>;
}

export async function createPractice(
  h: Harness,
  ods: string,
  { name = `Practice ${ods}`, settings = practiceSettings(ods) }: { name?: string; settings?: unknown } = {},
): Promise<void> {
  await expectStatus(
    await h.send('POST', '/v1/practices', { key: ADMIN_KEY, body: { ods, name, settings } }),
    201,
    `create practice ${ods}`,
  );
}

export async function issueKey(
  h: Harness,
  ods: string,
  body: Record<string, unknown>,
): Promise<{ id: string; key: string }> {
  return expectStatus(
    await h.send('POST', `/v1/practices/${ods}/keys`, { key: ADMIN_KEY, body }),
    201,
    `issue key for ${ods}`,
  );
}

// ── Reports and evidence ────────────────────────────────────────────────────────────────────────

/** A report as the staff form sends it. */
export function report(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    platform: 'facebook',
    postUrl: 'https://www.facebook.example/posts/123',
    seenAt: '2026-03-10T09:00:00.000Z',
    location: 'practice_page',
    author: { name: 'Pat Example', handle: 'pat.example', kind: 'patient' },
    text: 'You are all useless idiots at this surgery, I waited three weeks for an appointment.',
    atRisk: false,
    reporter: { name: 'Robin Reception', role: 'receptionist' },
    ...overrides,
  };
}

let seenCounter = 0;
/**
 * A valid report body for the quality tests, `text` being what the classifier sees; each call is
 * seen a second later than the last (within a minute), so repeated reports are distinct.
 */
export function reportBody(text = 'The receptionist was rude to me and I am fed up with this surgery') {
  seenCounter += 1;
  return {
    platform: 'facebook',
    postUrl: 'https://facebook.example/posts/1',
    seenAt: new Date(Date.UTC(2026, 10, 20, 9, 0, seenCounter % 60)).toISOString(),
    location: 'practice_page',
    author: { name: 'Sam Poster', handle: '@sam', kind: 'patient' },
    text,
    atRisk: false,
    reporter: { name: 'Jo Receptionist', role: 'reception' },
  };
}

export async function fileReport(
  h: Harness,
  practice: Pick<PracticeFixture, 'ods' | 'reportKey' | 'origin'>,
  body: unknown = reportBody(),
): Promise<{ id: string; reference: string }> {
  return expectStatus(
    await h.send('POST', `/v1/practices/${practice.ods}/reports`, {
      reportKey: practice.reportKey,
      origin: practice.origin,
      body,
    }),
    201,
    `file report for ${practice.ods}`,
  );
}

/** A real 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);
/** The first bytes of a JPEG (JFIF) file: enough for type checking by leading bytes. */
export const JPEG_BYTES = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

// ── People and sessions ─────────────────────────────────────────────────────────────────────────

/** The `policy_session` token from a response's Set-Cookie, if it sets one. */
export function sessionCookieOf(sent: Pick<Sent, 'headers'>): string | undefined {
  const header = sent.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)policy_session=([^;,]*)/.exec(header);
  return match?.[1] || undefined;
}

export const cookie = (token: string) => ({ cookie: `policy_session=${token}` });

/** The current code for a base32 secret at the given time (plus `offsetMs`). */
export function totpCode(secret: string, at: Date, offsetMs = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: at.getTime() + offsetMs });
}

export interface Person {
  id: string;
  email: string;
  role: 'staff' | 'manager' | 'partner';
  /** The session token (cookie value) of the last sign-in. */
  token: string;
  totpSecret?: string;
}

/** Invites a person with a practice's API key and accepts the invitation with PASSWORD. */
async function invitedAndAccepted(
  h: Harness,
  ods: string,
  apiKey: string,
  role: Person['role'],
  email: string,
  name: string,
): Promise<{ id: string; accepted: Sent }> {
  const invited = await h.send('POST', `/v1/practices/${ods}/users`, {
    key: apiKey,
    body: { email, name, role },
  });
  if (invited.status !== 201) throw new Error(`invite a person to ${ods}: ${invited.status} ${invited.text}`);
  const token = invited.json.inviteUrl.split('/').at(-1) as string;
  const accepted = await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: PASSWORD } });
  if (accepted.status !== 200)
    throw new Error(`accept the invitation to ${ods}: ${accepted.status} ${accepted.text}`);
  return { id: invited.json.id, accepted };
}

/**
 * Invites a person with the practice's API key, accepts the invitation and — when the role needs
 * it — enrols TOTP with codes computed by otpauth. The returned token is a full session.
 */
export async function signedInPerson(
  h: Harness,
  ods: string,
  apiKey: string,
  role: Person['role'],
  email = `${role}.${Math.random().toString(36).slice(2, 8)}@${ods.toLowerCase()}.example`,
): Promise<Person> {
  const { id, accepted } = await invitedAndAccepted(h, ods, apiKey, role, email, `Test ${role}`);
  const session = sessionCookieOf(accepted) as string;
  const person: Person = { id, email, role, token: session };
  if (accepted.json.twoFactor === 'enrol') {
    const setup = await h.send('POST', '/v1/session/totp/setup', { headers: cookie(session) });
    person.totpSecret = setup.json.secret;
    const confirmed = await h.send('POST', '/v1/session/totp/confirm', {
      headers: cookie(session),
      body: { code: totpCode(setup.json.secret, h.now()) },
    });
    if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
    person.token = sessionCookieOf(confirmed) as string;
  }
  return person;
}

// ── A seeded practice (the quality tests' fixture) ──────────────────────────────────────────────

export interface PracticeFixture {
  ods: string;
  origin: string;
  /** An API key with every scope. */
  apiKey: string;
  apiKeyId: string;
  reportKey: string;
  reportKeyId: string;
  /** Incidents filed through the report key, newest last. */
  incidentIds: string[];
  references: string[];
  evidenceIds: string[];
  /** One webhook endpoint (a public documentation address: never delivered to in these tests). */
  webhookIds: string[];
  /** A member of staff (invited with the API key, invitation accepted) and their session cookie. */
  userIds: string[];
  userEmail: string;
  session: string;
}

/** A practice with an all-scopes API key, a report key, `incidents` reports and one text evidence. */
export async function seedPractice(h: Harness, ods: string, incidents = 3): Promise<PracticeFixture> {
  await createPractice(h, ods);
  const origin = `https://${ods.toLowerCase()}.example.nhs.uk`;
  const api = await issueKey(h, ods, { type: 'api', scopes: [...ALL_SCOPES] });
  const reportKey = await issueKey(h, ods, { type: 'report', allowedOrigins: [origin] });
  const fixture: PracticeFixture = {
    ods,
    origin,
    apiKey: api.key,
    apiKeyId: api.id,
    reportKey: reportKey.key,
    reportKeyId: reportKey.id,
    incidentIds: [],
    references: [],
    evidenceIds: [],
    webhookIds: [],
    userIds: [],
    userEmail: `staff@${ods.toLowerCase()}.example.nhs.uk`,
    session: '',
  };
  const staff = await invitedAndAccepted(h, ods, api.key, 'staff', fixture.userEmail, `Staff ${ods}`);
  fixture.userIds.push(staff.id);
  fixture.session = sessionCookieOf(staff.accepted) ?? '';
  for (let i = 0; i < incidents; i++) {
    const filed = await fileReport(h, fixture);
    fixture.incidentIds.push(filed.id);
    fixture.references.push(filed.reference);
  }
  const first = fixture.incidentIds[0];
  if (first) {
    const stored = await expectStatus<{ evidence: { id: string } }>(
      await h.send('POST', `/v1/practices/${ods}/incidents/${first}/evidence`, {
        key: api.key,
        contentType: 'text/plain',
        rawBody: `Captured text of the post for ${ods}`,
      }),
      201,
      `upload evidence for ${ods}`,
    );
    fixture.evidenceIds.push(stored.evidence.id);
  }
  const webhook = await expectStatus<{ id: string }>(
    await h.send('POST', `/v1/practices/${ods}/webhooks`, {
      key: api.key,
      body: { url: `https://203.0.113.10/hooks/${ods.toLowerCase()}` },
    }),
    201,
    `register webhook for ${ods}`,
  );
  fixture.webhookIds.push(webhook.id);
  return fixture;
}
