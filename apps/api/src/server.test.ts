import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_KEY_FILE } from './audit/signing.js';
import { DEMO_ODS } from './seed/demo.js';
import { startServer } from './server.js';

describe('startServer (a real HTTP server on loopback)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-server-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = (demo: boolean) =>
    startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'data', 'policy.sqlite'),
      bootstrapAdminKey: 'ak_server_test_bootstrap_key',
      demo,
      log: () => {},
    });

  it('serves over HTTP, honours the bootstrap admin key and closes cleanly', async () => {
    const server = await start(false);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
      const created = await fetch(`${server.url}/v1/practices`, {
        method: 'POST',
        headers: { authorization: 'Bearer ak_server_test_bootstrap_key', 'content-type': 'application/json' },
        body: JSON.stringify({ ods: 'Y90077', name: 'Loopback Surgery' }),
      });
      expect(created.status).toBe(201);
    } finally {
      await server.close();
    }
    expect(server.db.$client.open).toBe(false);
  });

  it('refuses a body over the limit without reading it whole (413 on Content-Length)', async () => {
    const server = await start(false);
    try {
      const res = await fetch(`${server.url}/v1/practices`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer ak_server_test_bootstrap_key',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ ods: 'Y90078', name: 'x'.repeat(100_000) }),
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await server.close();
    }
  });

  it('seeds the demo practice idempotently: same practice and report key, a fresh API key each start', async () => {
    const first = await start(true);
    const firstKey = first.demoKeys?.apiKey;
    const reportKey = first.demoKeys?.reportKey ?? '';
    let origin = '';
    try {
      // The report key is generated for this installation and kept 0600 beside the database.
      expect(reportKey).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
      const keyFile = join(dir, 'data', 'demo-report-key');
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(reportKey);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(first.demoKeys).toMatchObject({ ods: DEMO_ODS, reportKeyRevoked: false });
      expect(await (await fetch(`${first.url}/demo`)).text()).toContain(`report-key="${reportKey}"`);
      const pub = await fetch(`${first.url}/v1/practices/${DEMO_ODS}/public`);
      expect(pub.status).toBe(200);
      const text = await pub.text();
      expect(text).toContain('Riverside Green Surgery');
      expect(text).not.toContain('Priya');
      expect(
        (
          await fetch(`${first.url}/v1/practices/${DEMO_ODS}`, {
            headers: { authorization: `Bearer ${firstKey}` },
          })
        ).status,
      ).toBe(200);
      origin = first.url;
    } finally {
      await first.close();
    }
    const second = await start(true);
    try {
      expect(second.demoKeys?.reportKey).toBe(reportKey);
      expect(second.demoKeys?.apiKey).not.toBe(firstKey);
      const stale = await fetch(`${second.url}/v1/practices/${DEMO_ODS}`, {
        headers: { authorization: `Bearer ${firstKey}` },
      });
      expect(stale.status).toBe(401);
      const fresh = await fetch(`${second.url}/v1/practices/${DEMO_ODS}`, {
        headers: { authorization: `Bearer ${second.demoKeys?.apiKey}` },
      });
      expect(fresh.status).toBe(200);
      // The demo report key works from the demo's own origin.
      const preflight = await fetch(`${second.url}/v1/practices/${DEMO_ODS}/reports`, {
        method: 'OPTIONS',
        headers: { origin: second.url, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(second.url);
      expect(origin).not.toBe('');
    } finally {
      await second.close();
    }
  });

  it('a revoked demo report key stays revoked across restarts; another installation has another key', async () => {
    const first = await start(true);
    const reportKey = first.demoKeys?.reportKey ?? '';
    const file = () =>
      fetch(`${first.url}/v1/practices/${DEMO_ODS}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': reportKey, origin: first.url, 'content-type': 'application/json' },
        body: JSON.stringify({
          platform: 'facebook',
          seenAt: '2026-03-10T09:00:00.000Z',
          location: 'practice_page',
          text: 'A post about the surgery.',
          atRisk: false,
          reporter: { name: 'Robin Reception', role: 'receptionist' },
        }),
      });
    try {
      expect((await file()).status).toBe(201);
      const { id } = first.db.$client
        .prepare("SELECT id FROM api_keys WHERE label = 'demo-report'")
        .get() as { id: string };
      const revoked = await fetch(`${first.url}/v1/practices/${DEMO_ODS}/keys/${id}`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer ak_server_test_bootstrap_key' },
      });
      expect(revoked.status).toBe(204);
    } finally {
      await first.close();
    }
    const second = await start(true);
    try {
      expect(second.demoKeys).toMatchObject({ reportKey, reportKeyRevoked: true });
      const refused = await fetch(`${second.url}/v1/practices/${DEMO_ODS}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': reportKey, origin: second.url, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(refused.status).toBe(401);
    } finally {
      await second.close();
    }
    const elsewhere = mkdtempSync(join(tmpdir(), 'policy-server-other-'));
    const other = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(elsewhere, 'policy.sqlite'),
      demo: true,
      log: () => {},
    });
    try {
      expect(other.demoKeys?.reportKey).toMatch(/^rk_/);
      expect(other.demoKeys?.reportKey).not.toBe(reportKey);
    } finally {
      await other.close();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('close() lets an in-flight request finish, refuses new connections, then closes the database', async () => {
    const server = await start(false);
    const body = JSON.stringify({ ods: 'Y90079', name: 'Slow Upload Surgery' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.url}/v1/practices`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer ak_server_test_bootstrap_key',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      // Half the body now, the rest after shutdown has begun.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        closed = server.close();
        setTimeout(() => req.end(body.slice(10)), 100);
      }, 100);
    });
    let closed: Promise<void> | undefined;
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.text).ods).toBe('Y90079');
    await closed;
    expect(server.db.$client.open).toBe(false);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('creates the audit signing key 0600 beside the database, and its round signs a checkpoint verify then checks', async () => {
    const server = await start(false);
    try {
      expect(statSync(join(dir, 'data', SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
      const admin = {
        authorization: 'Bearer ak_server_test_bootstrap_key',
        'content-type': 'application/json',
      };
      await fetch(`${server.url}/v1/practices`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ ods: 'Y90078', name: 'Checkpoint Surgery' }),
      });
      const key = (await (
        await fetch(`${server.url}/v1/practices/Y90078/keys`, {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({ type: 'api', scopes: ['incidents:write', 'reports:read'] }),
        })
      ).json()) as { key: string };
      const auth = { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' };
      const filed = await fetch(`${server.url}/v1/practices/Y90078/incidents`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          platform: 'x',
          seenAt: '2026-03-01T10:00:00Z',
          location: 'practice_page',
          text: 'The surgery never answers the phone',
          atRisk: false,
          reporter: { name: 'Robin' },
        }),
      });
      expect(filed.status).toBe(201);
      const round = await server.dataProtection.runOnce();
      expect(round.checkpoints.map((c) => [c.ods, c.seq])).toEqual([['Y90078', 1]]);
      expect(round.purged).toEqual([]);
      const verified = (await (
        await fetch(`${server.url}/v1/practices/Y90078/audit/verify`, { headers: auth })
      ).json()) as {
        intact: boolean;
        checkpoints: { source: string; contained: boolean }[];
      };
      expect(verified).toMatchObject({ intact: true, checkpoints: [{ source: 'stored', contained: true }] });
    } finally {
      await server.close();
    }
  });
});
