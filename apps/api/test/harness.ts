// The in-process test harness: the real app over a real SQLite file in a temporary folder, driven
// through `app.request` (the same fetch handler the server uses, without the socket).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '../src/app.js';
import { type Db, openDatabase } from '../src/db/open.js';
import type { LogLine } from '../src/http/env.js';

export const ADMIN_KEY = `ak_test_${'a'.repeat(40)}`;

export interface Harness {
  app: ReturnType<typeof createApp>;
  db: Db;
  dir: string;
  databasePath: string;
  logs: LogLine[];
  /** Sends a request through the app; `json` sets the body and Content-Type. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): void;
}

export function createHarness(options: Partial<AppOptions> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'policy-api-test-'));
  const databasePath = join(dir, 'api.sqlite');
  const db = openDatabase(databasePath);
  const logs: LogLine[] = [];
  const app = createApp({
    db,
    bootstrapAdminKey: ADMIN_KEY,
    log: (line) => logs.push(line),
    rateLimits: { reports: false, classify: false },
    ...options,
  });
  return {
    app,
    db,
    dir,
    databasePath,
    logs,
    request(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return Promise.resolve(
        app.request(path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) }),
      );
    },
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_KEY}` };
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export const ALL_SCOPES = ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'] as const;

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

/** The password every fixture person sets. */
export const PERSON_PASSWORD = 'correct mauve stapler orbit';

async function ok<T>(response: Response, status: number, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export async function createPractice(h: Harness, ods: string, name = `Practice ${ods}`): Promise<void> {
  await ok(
    await h.request('/v1/practices', {
      method: 'POST',
      headers: adminHeaders,
      json: {
        ods,
        name,
        settings: {
          website: `https://${ods.toLowerCase()}.example.nhs.uk`,
          staff: [{ name: `Dr Ada ${ods}`, role: 'GP', aliases: ['Dr A'] }],
          complaints: { procedureUrl: `https://${ods.toLowerCase()}.example.nhs.uk/complaints` },
        },
      },
    }),
    201,
    `create practice ${ods}`,
  );
}

export async function issueKey(
  h: Harness,
  ods: string,
  body: Record<string, unknown>,
): Promise<{ id: string; key: string }> {
  return ok(
    await h.request(`/v1/practices/${ods}/keys`, { method: 'POST', headers: adminHeaders, json: body }),
    201,
    `issue key for ${ods}`,
  );
}

let seenCounter = 0;
/** A valid report body; `text` is what the classifier sees. */
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
  return ok(
    await h.request(`/v1/practices/${practice.ods}/reports`, {
      method: 'POST',
      headers: { 'x-report-key': practice.reportKey, origin: practice.origin },
      json: body,
    }),
    201,
    `file report for ${practice.ods}`,
  );
}

/** A practice with an all-scopes API key, a report key, `incidents` reports and one text evidence. */
export async function seedPractice(h: Harness, ods: string, incidents = 3): Promise<PracticeFixture> {
  await createPractice(h, ods);
  const origin = `https://${ods.toLowerCase()}.example.nhs.uk`;
  const api = await issueKey(h, ods, { type: 'api', scopes: [...ALL_SCOPES] });
  const report = await issueKey(h, ods, { type: 'report', allowedOrigins: [origin] });
  const fixture: PracticeFixture = {
    ods,
    origin,
    apiKey: api.key,
    apiKeyId: api.id,
    reportKey: report.key,
    reportKeyId: report.id,
    incidentIds: [],
    references: [],
    evidenceIds: [],
    webhookIds: [],
    userIds: [],
    userEmail: `staff@${ods.toLowerCase()}.example.nhs.uk`,
    session: '',
  };
  const invited = await ok<{ id: string; inviteUrl: string }>(
    await h.request(`/v1/practices/${ods}/users`, {
      method: 'POST',
      headers: bearer(api.key),
      json: { email: fixture.userEmail, name: `Staff ${ods}`, role: 'staff' },
    }),
    201,
    `invite a person to ${ods}`,
  );
  fixture.userIds.push(invited.id);
  const accepted = await h.request(`/v1/invites/${invited.inviteUrl.split('/').at(-1)}/accept`, {
    method: 'POST',
    json: { password: PERSON_PASSWORD },
  });
  await ok(accepted, 200, `accept the invitation to ${ods}`);
  fixture.session = /policy_session=([^;]+)/.exec(accepted.headers.get('set-cookie') ?? '')?.[1] ?? '';
  for (let i = 0; i < incidents; i++) {
    const filed = await fileReport(h, fixture);
    fixture.incidentIds.push(filed.id);
    fixture.references.push(filed.reference);
  }
  const first = fixture.incidentIds[0];
  if (first) {
    const stored = await ok<{ evidence: { id: string } }>(
      await h.request(`/v1/practices/${ods}/incidents/${first}/evidence`, {
        method: 'POST',
        headers: { ...bearer(api.key), 'content-type': 'text/plain' },
        body: `Captured text of the post for ${ods}`,
      }),
      201,
      `upload evidence for ${ods}`,
    );
    fixture.evidenceIds.push(stored.evidence.id);
  }
  const webhook = await ok<{ id: string }>(
    await h.request(`/v1/practices/${ods}/webhooks`, {
      method: 'POST',
      headers: bearer(api.key),
      json: { url: `https://203.0.113.10/hooks/${ods.toLowerCase()}` },
    }),
    201,
    `register webhook for ${ods}`,
  );
  fixture.webhookIds.push(webhook.id);
  return fixture;
}

export const freshId = () => randomUUID();

/** Parses a body as JSON if it is JSON, else returns the text. */
export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && text.length > 0) return JSON.parse(text);
  return text;
}
