// Logs: the real server's stdout during a whole report flow is one JSON line per request, each with a
// request id (the same one the response carries), and not one line holds post text, a name or a key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ADMIN_KEY, type ChildServer, startChildServer } from './child-server.js';

const ODS = 'Y90066';
const ORIGIN = 'https://logs.example.nhs.uk';
// Distinctive strings, so finding any of them in a log line can only mean it was logged.
const POST_TEXT = 'Zebulon Quixotefield at reception is a liar and I know where she lives';
const REPORTER = 'Marigold Thistlewaite';
const AUTHOR = 'Bartholomew Ravensworth';
const HANDLE = '@bart_ravens_9931';
const STAFF = 'Dr Persephone Oakhampton';
const NOTE = 'Spoke to Ottoline Vexley by phone about this';

let dir: string;
let server: ChildServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-logs-'));
  server = await startChildServer(join(dir, 'policy.sqlite'));
}, 60_000);

afterAll(async () => {
  await server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('request logs', () => {
  it('one JSON line per request with its request id; no post text, names or keys', async () => {
    const requestIds: string[] = [];
    const send = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(`${server.url}${path}`, {
        ...rest,
        headers,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
      const id = response.headers.get('x-request-id');
      expect(id, `${path} carries X-Request-Id`).toBeTruthy();
      requestIds.push(id as string);
      return response;
    };
    const secrets: string[] = [BOOTSTRAP_ADMIN_KEY];
    // Log lines are written once per turn of the server's event loop, so the line of the start-up
    // health probe may still be on its way: let it arrive before taking the mark.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = server.stdout.length;

    await send('/v1/practices', {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_ADMIN_KEY}` },
      json: { ods: ODS, name: 'Log Lane Surgery', settings: { staff: [{ name: STAFF, role: 'GP' }] } },
    });
    const reportKey = (await (
      await send(`/v1/practices/${ODS}/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_ADMIN_KEY}` },
        json: { type: 'report', allowedOrigins: [ORIGIN] },
      })
    ).json()) as { key: string };
    const apiKey = (await (
      await send(`/v1/practices/${ODS}/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_ADMIN_KEY}` },
        json: { type: 'api', scopes: ['incidents:read', 'incidents:write', 'reports:read'] },
      })
    ).json()) as { key: string };
    secrets.push(reportKey.key, apiKey.key);
    const bearer = { authorization: `Bearer ${apiKey.key}`, 'x-acting-user': 'mgr-7; role=manager' };

    await send('/v1/classify', {
      method: 'POST',
      headers: { 'x-report-key': reportKey.key, origin: ORIGIN },
      json: { text: POST_TEXT },
    });
    const filed = await send(`/v1/practices/${ODS}/reports`, {
      method: 'POST',
      headers: { 'x-report-key': reportKey.key, origin: ORIGIN, 'idempotency-key': 'log-test-1' },
      json: {
        platform: 'facebook',
        postUrl: 'https://facebook.example/posts/zebulon',
        seenAt: '2026-11-25T09:00:00Z',
        location: 'practice_page',
        author: { name: AUTHOR, handle: HANDLE, kind: 'patient' },
        text: POST_TEXT,
        affects: { staff: [STAFF] },
        atRisk: false,
        reporter: { name: REPORTER, role: 'receptionist' },
      },
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    await send(`/v1/practices/${ODS}/incidents/${id}`, { headers: bearer });
    await send(`/v1/practices/${ODS}/incidents/${id}/evidence`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'text/plain' },
      body: `Screenshot text: ${POST_TEXT}`,
    });
    await send(`/v1/practices/${ODS}/incidents/${id}/events`, {
      method: 'POST',
      headers: bearer,
      json: { type: 'add_note', text: NOTE },
    });
    await send(`/v1/practices/${ODS}/incidents/${id}/events`, { headers: bearer });
    await send(`/v1/practices/${ODS}/incidents?state=reported`, { headers: bearer });
    await send(`/v1/practices/${ODS}/reports/summary?from=2026-01-01`, { headers: bearer });
    // Refusals are logged too, and must not echo what was refused.
    await send(`/v1/practices/${ODS}/reports`, {
      method: 'POST',
      headers: { 'x-report-key': reportKey.key, origin: ORIGIN },
      json: { text: POST_TEXT, reporter: { name: REPORTER } },
    });
    await send(`/v1/practices/${ODS}/incidents`, { headers: { authorization: `Bearer ${apiKey.key}x` } });

    // Lines are written when each response completes; give the pipe a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = server.stdout.slice(before).filter((line) => line.trim() !== '');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = parsed.filter((line) => line.msg === 'request');
    expect(requestLines.map((line) => line.requestId)).toEqual(requestIds);
    for (const line of requestLines) {
      expect(line).toMatchObject({
        method: expect.any(String),
        status: expect.any(Number),
        route: expect.any(String),
      });
      expect(typeof line.time).toBe('string');
    }
    const all = lines.join('\n');
    for (const forbidden of [
      POST_TEXT,
      'Zebulon',
      'Quixotefield',
      REPORTER,
      'Marigold',
      AUTHOR,
      'Ravensworth',
      HANDLE,
      'bart_ravens',
      STAFF,
      'Oakhampton',
      NOTE,
      'Ottoline',
      'facebook.example/posts',
    ]) {
      expect(all, `logs mention ${forbidden}`).not.toContain(forbidden);
    }
    for (const secret of secrets) {
      // Not the key, nor any long piece of it.
      for (let start = 0; start + 16 <= secret.length; start += 4)
        expect(all).not.toContain(secret.slice(start, start + 16));
    }
    // Concrete ids stay out of the route field: the route pattern is logged, never the path.
    for (const line of requestLines) expect(String(line.route)).not.toContain(id);
  }, 60_000);

  it('sign-in leaves no password, session token, link token, TOTP secret or email in the logs', async () => {
    const PEOPLE_ODS = 'Y90067';
    const EMAIL = 'winifred.ashcombe-kettering@people.example.nhs.uk';
    const PASSWORD = 'lantern walrus quietly 4517 harbour';
    const NEW_PASSWORD = 'second marmalade orbit 9083 spire';
    const secrets: string[] = [];
    const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(`${server.url}${path}`, {
        ...rest,
        headers,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
      const token = /policy_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
      if (token) secrets.push(token);
      return response;
    };
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = { out: server.stdout.length, err: server.stderr.length };
    const admin = { authorization: `Bearer ${BOOTSTRAP_ADMIN_KEY}` };
    await call('/v1/practices', {
      method: 'POST',
      headers: admin,
      json: { ods: PEOPLE_ODS, name: 'People Surgery' },
    });
    const apiKey = (
      (await (
        await call(`/v1/practices/${PEOPLE_ODS}/keys`, {
          method: 'POST',
          headers: admin,
          json: { type: 'api', scopes: ['settings:write'] },
        })
      ).json()) as { key: string }
    ).key;
    secrets.push(apiKey);
    const invited = (await (
      await call(`/v1/practices/${PEOPLE_ODS}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
        json: { email: EMAIL, name: 'Winifred Ashcombe', role: 'manager' },
      })
    ).json()) as { id: string; inviteUrl: string };
    const inviteToken = invited.inviteUrl.split('/').at(-1) as string;
    secrets.push(inviteToken);
    await call(`/v1/invites/${inviteToken}`);
    const accepted = await call(`/v1/invites/${inviteToken}/accept`, {
      method: 'POST',
      json: { password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const session = secrets.at(-1) as string;
    const cookie = { cookie: `policy_session=${session}` };
    const setup = (await (
      await call('/v1/session/totp/setup', { method: 'POST', headers: cookie })
    ).json()) as {
      secret: string;
    };
    secrets.push(setup.secret);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret) });
    const confirmed = await call('/v1/session/totp/confirm', {
      method: 'POST',
      headers: cookie,
      json: { code: totp.generate() },
    });
    expect(confirmed.status).toBe(200);
    await call('/v1/session', { headers: cookie });
    await call('/v1/session', { method: 'POST', json: { email: EMAIL, password: `${PASSWORD}x` } });
    await call('/v1/session', { method: 'POST', json: { email: EMAIL, password: PASSWORD } });
    const signedIn = await call('/v1/session', {
      method: 'POST',
      json: { email: EMAIL, password: PASSWORD, code: totp.generate({ timestamp: Date.now() + 30_000 }) },
    });
    expect(signedIn.status).toBe(200);
    await call('/v1/session/sign-out-everywhere', { method: 'POST', headers: cookie });
    const reset = (await (
      await call(`/v1/practices/${PEOPLE_ODS}/users/${invited.id}/password-reset`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}` },
      })
    ).json()) as { resetUrl: string };
    const resetToken = reset.resetUrl.split('/').at(-1) as string;
    secrets.push(resetToken);
    expect(
      (await call(`/v1/password-resets/${resetToken}`, { method: 'POST', json: { password: NEW_PASSWORD } }))
        .status,
    ).toBe(204);
    await call('/v1/password-resets', { method: 'POST', json: { email: EMAIL } });
    await call(`/v1/password-resets/${resetToken}`, { method: 'POST', json: { password: NEW_PASSWORD } });

    await new Promise((resolve) => setTimeout(resolve, 300));
    const all = [...server.stdout.slice(before.out), ...server.stderr.slice(before.err)].join('\n');
    expect(all).toContain('/v1/invites/:token');
    for (const forbidden of [
      EMAIL,
      'winifred',
      'Ashcombe',
      PASSWORD,
      NEW_PASSWORD,
      'lantern walrus',
      'marmalade',
    ])
      expect(all.toLowerCase(), `logs mention ${forbidden}`).not.toContain(forbidden.toLowerCase());
    expect(secrets.length).toBe(7);
    for (const secret of secrets)
      for (let start = 0; start + 16 <= secret.length; start += 4)
        expect(all, 'a token or secret in the logs').not.toContain(secret.slice(start, start + 16));
  }, 60_000);
});
