// The session cookie and the cross-site check over a real HTTP server on loopback: the Host a
// browser's Origin is compared with is the one the socket received, not app.request's stand-in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER, DEMO_ODS } from '../seed/demo.js';
import { type RunningServer, startServer } from '../server.js';

let dir: string;
let server: RunningServer;
let password: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-sign-in-'));
  server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    databasePath: join(dir, 'policy.sqlite'),
    demo: true,
    log: () => {},
  });
  password = server.demoKeys?.manager.password as string;
}, 30_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('sessions over HTTP', { timeout: 30_000 }, () => {
  it('sets the cookie HttpOnly, Secure, SameSite=Strict; a same-origin write works, a cross-site one is 403', async () => {
    const signedIn = await post(
      '/v1/session',
      { origin: server.url, 'sec-fetch-site': 'same-origin' },
      {
        email: DEMO_MANAGER.email,
        password,
      },
    );
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^policy_session=[A-Za-z0-9_-]{43}; /);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/'])
      expect(setCookie).toContain(attribute);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    const cookie = setCookie.split(';')[0] as string;

    const file = (headers: Record<string, string>) =>
      post(
        `/v1/practices/${DEMO_ODS}/reports`,
        { cookie, ...headers },
        {
          platform: 'facebook',
          seenAt: '2026-03-10T09:00:00Z',
          location: 'practice_page',
          text: 'The receptionist was rude to me this morning.',
          atRisk: false,
          reporter: { name: 'Demo Manager' },
        },
      );
    const sameOrigin = await file({ origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(201);
    const other = server.url.replace('127.0.0.1', 'localhost');
    const crossSite: Record<string, string>[] = [
      { origin: other },
      { origin: 'https://attacker.example' },
      { origin: server.url, 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const refused = await file(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('cross_site');
    }
    // Reads need no such check; the session is the demo manager's.
    const session = await fetch(`${server.url}/v1/session`, { headers: { cookie } });
    expect(await session.json()).toMatchObject({
      user: { email: DEMO_MANAGER.email, role: 'manager', practice: { ods: DEMO_ODS, demo: true } },
      twoFactor: 'ok',
    });
  });
});
