// Durability of the real server process: reports acknowledged with 201 survive SIGKILL mid-load
// (quality.md: ≥ 50 kills, 0 lost, integrity_check ok after each restart), and SIGTERM lets every
// in-flight request finish before the process exits 0.
//
// DURABILITY_KILLS sets the number of kill/restart cycles (default 50). Each cycle kills the server a
// random 0–60 ms after its fifth acknowledged report of that cycle, so every kill lands mid-load
// however fast or busy the machine is.

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBody } from '../src/test-support/harness.js';
import {
  adminRequest,
  BOOTSTRAP_ADMIN_KEY,
  type ChildServer,
  reportLoad,
  startChildServer,
} from './child-server.js';

const KILLS = Number(process.env.DURABILITY_KILLS ?? 50);
const ACKS_BEFORE_KILL = 5;
const CONNECTIONS = 12;
const ODS = 'Y90055';
const ORIGIN = 'https://durable.example.nhs.uk';

let dir: string;
let databasePath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-durability-'));
  databasePath = join(dir, 'policy.sqlite');
});
// Whatever server a failing test leaves running is stopped here, by its own handle.
const running = new Set<ChildServer>();
async function start(env: Record<string, string>): Promise<ChildServer> {
  const server = await startChildServer(databasePath, env);
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}
afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

/** Reports from `CONNECTIONS` concurrent loops until stopped; every acknowledged one is kept. */
const loadUntilStopped = (url: string, reportKey: string) =>
  reportLoad({
    url,
    ods: ODS,
    reportKey,
    origin: ORIGIN,
    connections: CONNECTIONS,
    body: (n) => reportBody(`Report number ${n}: the receptionist was rude and I want a reply`),
  });

function checkFile(ids: string[]): { integrity: string; missing: string[] } {
  const db = new Database(databasePath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const stored = new Set(
      db.prepare('SELECT id FROM incidents WHERE practice_ods = ?').pluck().all(ODS) as string[],
    );
    return { integrity, missing: ids.filter((id) => !stored.has(id)) };
  } finally {
    db.close();
  }
}

describe('durability under SIGKILL', () => {
  it(`loses no acknowledged report across ${KILLS} SIGKILLs under write load`, async () => {
    const started = Date.now();
    // The server as deployed: FULL durability, rate limits off so the load is real write load.
    const env = { POLICY_RATE_LIMITS: 'off' };
    let server: ChildServer = await start(env);
    await adminRequest(server.url, '/v1/practices', { ods: ODS, name: 'Durable Surgery' });
    const key = await adminRequest(server.url, `/v1/practices/${ODS}/keys`, {
      type: 'report',
      allowedOrigins: [ORIGIN],
    });
    const reportKey = key.key as string;
    const acknowledged: { id: string; reference: string }[] = [];
    let killedWithRequestsInFlight = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const load = loadUntilStopped(server.url, reportKey);
      const deadline = Date.now() + 20_000;
      while (load.acked.length < ACKS_BEFORE_KILL && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
      const sentBefore = load.sent();
      await server.kill('SIGKILL');
      await load.stop();
      if (load.sent() > sentBefore || load.acked.length < sentBefore) killedWithRequestsInFlight += 1;
      acknowledged.push(...load.acked);
      // Integrity and every acknowledged report, straight from the file the killed process left.
      const check = checkFile(acknowledged.map((r) => r.id));
      expect(check.integrity, `integrity after kill ${kill + 1}`).toBe('ok');
      expect(check.missing, `lost after kill ${kill + 1}`).toEqual([]);
      server = await start(env);
      // And again with the restarted server running on the file (its migrations and start-up done).
      expect(checkFile([]).integrity, `integrity after restart ${kill + 1}`).toBe('ok');
    }
    try {
      // After the last restart, the API itself finds every acknowledged report by id and by reference.
      const byReference = new Map(acknowledged.map((r) => [r.reference, r.id]));
      expect(byReference.size, 'references are unique').toBe(acknowledged.length);
      const apiKey = (
        await adminRequest(server.url, `/v1/practices/${ODS}/keys`, {
          type: 'api',
          scopes: ['incidents:read', 'reports:read'],
        })
      ).key as string;
      const listed = new Map<string, string>();
      let cursor: string | null = null;
      do {
        const page = (await (
          await fetch(
            `${server.url}/v1/practices/${ODS}/incidents?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
            {
              headers: { authorization: `Bearer ${apiKey}` },
            },
          )
        ).json()) as { items: { id: string; reference: string }[]; nextCursor: string | null };
        for (const item of page.items) listed.set(item.reference, item.id);
        cursor = page.nextCursor;
      } while (cursor);
      for (const [reference, id] of byReference) expect(listed.get(reference), reference).toBe(id);
      const sample = acknowledged.filter(
        (_, i) => i % Math.max(1, Math.floor(acknowledged.length / 50)) === 0,
      );
      for (const { id, reference } of sample) {
        const response = await fetch(`${server.url}/v1/practices/${ODS}/incidents/${id}`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { reference: string }).reference).toBe(reference);
      }
      const verify = (await (
        await fetch(`${server.url}/v1/practices/${ODS}/audit/verify`, {
          headers: { authorization: `Bearer ${apiKey}` },
        })
      ).json()) as { intact: boolean };
      expect(verify.intact, 'the audit chain survived every kill').toBe(true);
    } finally {
      await server.kill('SIGTERM');
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * ACKS_BEFORE_KILL);
    expect(killedWithRequestsInFlight, 'kills that landed mid-load').toBeGreaterThan(KILLS / 2);
    console.log(
      `durability: ${KILLS} SIGKILLs, ${acknowledged.length} acknowledged reports, 0 lost, ${killedWithRequestsInFlight} kills mid-load, ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }, 600_000);
});

describe('graceful shutdown on SIGTERM', () => {
  /** Sends a report whose body arrives in two halves; resolves with the status once answered. */
  function slowReport(url: string, reportKey: string) {
    const body = JSON.stringify(reportBody(`A slow upload ${'and it goes on '.repeat(500)}`));
    const half = Math.floor(body.length / 2);
    const { hostname, port } = new URL(url);
    const req = httpRequest({
      hostname,
      port,
      method: 'POST',
      path: `/v1/practices/${ODS}/reports`,
      agent: false,
      headers: {
        'x-report-key': reportKey,
        origin: ORIGIN,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, half));
    return { answered, finish: () => req.end(body.slice(half)) };
  }

  it('finishes every in-flight request with 2xx, refuses new connections, then exits 0', async () => {
    const server = await start({ POLICY_RATE_LIMITS: 'off' });
    const key = await adminRequest(server.url, `/v1/practices/${ODS}/keys`, {
      type: 'report',
      allowedOrigins: [ORIGIN],
    });
    const inFlight = Array.from({ length: 20 }, () => slowReport(server.url, key.key as string));
    // Let the server accept every connection and start reading each body.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The process is still there, waiting for the requests it has begun.
    expect(server.child.exitCode).toBeNull();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    for (const request of inFlight) request.finish();
    const statuses = await Promise.all(inFlight.map((request) => request.answered));
    expect(statuses).toEqual(statuses.map(() => 201));
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(checkFile([]).integrity).toBe('ok');
    expect(BOOTSTRAP_ADMIN_KEY).toMatch(/^ak_/);
  }, 60_000);
});
