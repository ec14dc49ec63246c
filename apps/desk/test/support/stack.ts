// The real thing on loopback: the API server (its exported entry, which also serves the built desk
// at /desk/) over a temporary SQLite file, a practice and keys made through the API itself, and a
// second origin on the same host — the practice website with the staff report form, and the page
// a cross-site attacker would use.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@policy/api/server';

export const ADMIN_KEY = `ak_desk_${'0'.repeat(40)}`;

export const PRACTICE = {
  ods: 'Y90234',
  name: 'Hollins Brook Surgery',
  staff: [
    { name: 'Dr Amira Khan', role: 'GP partner', aliases: ['Dr Khan'] },
    { name: 'Lee Barnes', role: 'Receptionist', aliases: ['Lee'] },
  ],
};

export interface DeskStack {
  apiUrl: string;
  deskUrl: string;
  siteOrigin: string;
  databasePath: string;
  ods: string;
  apiKey: string;
  reportKey: string;
  server: RunningServer;
  /** The server's request log lines (method, route pattern, status: never bodies or paths). */
  logs: Record<string, unknown>[];
  /** Moves the server's clock forward (idle timeouts, deadlines) without waiting. */
  advanceClock(ms: number): void;
  /** The practice website's page with the staff report form. */
  reportFormUrl: string;
  /** Serves `html` at `path` on the other origin and returns its URL. */
  sitePage(path: string, html: string): string;
  /** A call with the practice's API key (settings:write). */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Makes a person and returns their invitation link (absolute). */
  invite(email: string, name: string, role: 'staff' | 'manager' | 'partner'): Promise<string>;
  close(): Promise<void>;
}

export async function startDeskStack(options: { demo?: boolean } = {}): Promise<DeskStack> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-desk-'));
  const databasePath = join(dir, 'policy.sqlite');
  let offset = 0;
  const logs: Record<string, unknown>[] = [];
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databasePath,
    bootstrapAdminKey: ADMIN_KEY,
    demo: options.demo ?? false,
    log: (line) => {
      logs.push(line);
    },
    clock: () => new Date(Date.now() + offset),
  });
  const apiUrl = `http://127.0.0.1:${server.port}`;

  const pages = new Map<string, string>();
  const site: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://site').pathname);
    res.writeHead(html ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(html ?? '');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  const request = async <T>(key: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  const ods = options.demo ? (server.demoKeys?.ods ?? PRACTICE.ods) : PRACTICE.ods;
  if (!options.demo)
    await request(ADMIN_KEY, 'POST', '/v1/practices', {
      ods: PRACTICE.ods,
      name: PRACTICE.name,
      settings: { staff: PRACTICE.staff },
    });
  const apiKey = (
    await request<{ key: string }>(ADMIN_KEY, 'POST', `/v1/practices/${ods}/keys`, {
      type: 'api',
      scopes: ['incidents:read', 'incidents:write', 'reports:read', 'settings:write'],
      label: 'desk tests',
    })
  ).key;
  const reportKey = (
    await request<{ key: string }>(ADMIN_KEY, 'POST', `/v1/practices/${ods}/keys`, {
      type: 'report',
      allowedOrigins: [siteOrigin],
      label: 'practice website',
    })
  ).key;

  const sitePage = (path: string, html: string) => {
    pages.set(path, html);
    return `${siteOrigin}${path}`;
  };
  const reportFormUrl = sitePage(
    '/staff/report',
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Report a post — staff area</title>
<script type="module" src="${apiUrl}/widgets/policy-widgets.js"></script></head>
<body><main><h1>Staff area</h1>
<policy-report-form practice="${ods}" report-key="${reportKey}" api="${apiUrl}"></policy-report-form>
</main></body></html>`,
  );

  return {
    apiUrl,
    deskUrl: `${apiUrl}/desk/`,
    siteOrigin,
    databasePath,
    ods,
    apiKey,
    reportKey,
    server,
    logs,
    reportFormUrl,
    sitePage,
    advanceClock: (ms) => {
      offset += ms;
    },
    call: (method, path, body) => request(apiKey, method, path, body),
    async invite(email, name, role) {
      const made = await request<{ inviteUrl: string }>(apiKey, 'POST', `/v1/practices/${ods}/users`, {
        email,
        name,
        role,
      });
      return new URL(made.inviteUrl, apiUrl).href;
    },
    async close() {
      await server.close();
      site.closeAllConnections();
      await new Promise<void>((resolve) => site.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A report filed with the report key from the practice website's origin (as the form does). */
export async function fileReport(
  stack: DeskStack,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; reference: string }> {
  const response = await fetch(`${stack.apiUrl}/v1/practices/${stack.ods}/reports`, {
    method: 'POST',
    headers: {
      'x-report-key': stack.reportKey,
      origin: stack.siteOrigin,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      platform: 'facebook',
      seenAt: new Date().toISOString(),
      location: 'practice_page',
      author: { handle: '@valley_resident', kind: 'patient' },
      text,
      atRisk: false,
      reporter: { name: 'Lee Barnes', role: 'Receptionist' },
      ...extra,
    }),
  });
  if (!response.ok) throw new Error(`report: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; reference: string };
}
