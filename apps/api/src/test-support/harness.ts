// Test harness for the feature tests beside the code: a real SQLite file in a temporary folder, the
// real app, and helpers that speak HTTP to it through app.request. Not part of the build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PracticeSettingsInput, ReportInput } from '@policy/core';
import { type AppOptions, createApp } from '../app.js';
import { type Db, openDatabase } from '../db/open.js';
import type { LogLine } from '../http/env.js';

type RequestBody = NonNullable<RequestInit['body']>;

export const ADMIN_KEY = 'ak_test_admin_key_for_the_feature_tests_0001';
export const ORIGIN = 'https://www.test-surgery.example';

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
  path: string;
  db: Db;
  logs: LogLine[];
  app: ReturnType<typeof createApp>;
  /** Moves the test clock. */
  advance: (ms: number) => void;
  now: () => Date;
  send: (method: string, path: string, options?: RequestOptions) => Promise<Sent>;
  /** Creates a practice and returns an all-scopes API key and a report key for ORIGIN. */
  practice: (
    ods: string,
    settings?: Partial<PracticeSettingsInput>,
  ) => Promise<{ apiKey: string; reportKey: string }>;
  close: () => void;
}

export async function harness(options: Partial<Omit<AppOptions, 'db'>> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-api-'));
  const path = join(dir, 'policy.sqlite');
  const db = openDatabase(path);
  const logs: LogLine[] = [];
  let time = Date.parse('2026-03-10T09:30:00.000Z');
  const now = () => new Date(time);
  const app = createApp({
    clock: now,
    log: (line) => logs.push(line),
    bootstrapAdminKey: ADMIN_KEY,
    ...options,
    db,
  });

  const send: Harness['send'] = async (method, url, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    if (o.reportKey) headers['x-report-key'] = o.reportKey;
    if (o.origin) headers.origin = o.origin;
    let body: RequestBody | undefined = o.rawBody;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    if (o.contentType) headers['content-type'] = o.contentType;
    const response = await app.request(url, { method, headers, body });
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

  const practice: Harness['practice'] = async (ods, settings = {}) => {
    const created = await send('POST', '/v1/practices', {
      key: ADMIN_KEY,
      body: { ods, name: `Test Surgery ${ods}`, settings },
    });
    if (created.status !== 201) throw new Error(`practice: ${created.status} ${created.text}`);
    const api = await send('POST', `/v1/practices/${ods}/keys`, {
      key: ADMIN_KEY,
      // maxRole partner: the feature tests act as every role, partner decisions included.
      body: {
        type: 'api',
        scopes: ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'],
        maxRole: 'partner',
      },
    });
    const report = await send('POST', `/v1/practices/${ods}/keys`, {
      key: ADMIN_KEY,
      body: { type: 'report', allowedOrigins: [ORIGIN] },
    });
    return { apiKey: api.json.key, reportKey: report.json.key };
  };

  return {
    path,
    db,
    logs,
    app,
    advance: (ms) => {
      time += ms;
    },
    now,
    send,
    practice,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
