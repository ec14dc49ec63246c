// Notifications survive SIGKILL (quality.md: ≥ 20 kills, 0 acknowledged reports whose notification
// is lost): the real server process under report load, a slow webhook receiver, the server killed
// mid-load again and again. After the last restart every acknowledged report's incident.created
// reaches the receiver, signed (duplicates allowed — receivers de-duplicate on webhook-id — losses
// not).
//
// NOTIFY_KILLS sets the number of kill/restart cycles (default 20).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBody } from '../src/test-support/harness.js';
import { type Receiver, startReceiver } from '../src/test-support/receiver.js';
import { adminRequest, type ChildServer, reportLoad, startChildServer } from './child-server.js';

const KILLS = Number(process.env.NOTIFY_KILLS ?? 20);
const ACKS_BEFORE_KILL = 5;
const CONNECTIONS = 6;
const ODS = 'Y90066';
const ORIGIN = 'https://notify.example.nhs.uk';

let dir: string;
let receiver: Receiver;
const running = new Set<ChildServer>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-notify-'));
  // Slow: every answer takes 40–160 ms, so deliveries are in flight whenever the server dies.
  receiver = await startReceiver(async (_request, _index, response) => {
    await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 120));
    response.writeHead(200).end('ok');
  });
});
afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill('SIGKILL')));
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<ChildServer> {
  const server = await startChildServer(join(dir, 'policy.sqlite'), {
    POLICY_RATE_LIMITS: 'off',
    POLICY_WEBHOOK_ALLOW_PRIVATE: '1',
    // Quick retries so the test is about losses, not about waiting out the real schedule.
    POLICY_WEBHOOK_RETRY_MS: '200,200,200,200,200,200,200',
    SMTP_URL: '',
    SMTP_FROM: '',
  });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

const load = (url: string, reportKey: string) =>
  reportLoad({
    url,
    ods: ODS,
    reportKey,
    origin: ORIGIN,
    connections: CONNECTIONS,
    body: (n) => reportBody(`Report ${n}: nobody answers the phone at this surgery`),
  });

describe('notifications under SIGKILL', () => {
  it(`every acknowledged report's incident.created is delivered across ${KILLS} SIGKILLs`, async () => {
    const started = Date.now();
    let server = await start();
    expect(server.stderr.join('\n')).toContain('Email    off');
    await adminRequest(server.url, '/v1/practices', { ods: ODS, name: 'Notified Surgery' });
    const reportKey = (
      await adminRequest(server.url, `/v1/practices/${ODS}/keys`, {
        type: 'report',
        allowedOrigins: [ORIGIN],
      })
    ).key as string;
    const apiKey = (
      await adminRequest(server.url, `/v1/practices/${ODS}/keys`, { type: 'api', scopes: ['settings:write'] })
    ).key as string;
    const registered = await fetch(`${server.url}/v1/practices/${ODS}/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver.url}/hooks`, events: ['incident.created'] }),
    });
    expect(registered.status).toBe(201);
    const { secret } = (await registered.json()) as { secret: string };

    const acknowledged: string[] = [];
    let killedWithDeliveriesInFlight = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const running = load(server.url, reportKey);
      const deadline = Date.now() + 20_000;
      while (running.acked.length < ACKS_BEFORE_KILL && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
      const deliveredBefore = receiver.received.length;
      await server.kill('SIGKILL');
      await running.stop();
      const ackedIds = running.acked.map((report) => report.id);
      acknowledged.push(...ackedIds);
      // Deliveries were being made when it died (the receiver is slow): not all of this cycle's are out.
      const deliveredIds = new Set(
        receiver.received.map((r) => JSON.parse(r.body).data.incidentId as string),
      );
      if (ackedIds.some((id) => !deliveredIds.has(id)) || receiver.received.length > deliveredBefore)
        killedWithDeliveriesInFlight += 1;
      server = await start();
    }

    // After the last restart, everything acknowledged arrives.
    const wanted = new Set(acknowledged);
    const deadline = Date.now() + 120_000;
    const delivered = () =>
      new Set(receiver.received.map((r) => JSON.parse(r.body).data.incidentId as string));
    while (Date.now() < deadline && [...wanted].some((id) => !delivered().has(id)))
      await new Promise((resolve) => setTimeout(resolve, 100));
    const missing = [...wanted].filter((id) => !delivered().has(id));
    expect(missing, 'acknowledged reports whose incident.created never arrived').toEqual([]);

    // Each is signed and verifies; retries of one event carry one webhook-id.
    const verifier = new Webhook(secret);
    const idsByIncident = new Map<string, Set<string>>();
    for (const request of receiver.received) {
      const payload = verifier.verify(request.body, request.headers as Record<string, string>) as {
        type: string;
        data: { incidentId: string };
      };
      expect(payload.type).toBe('incident.created');
      const ids = idsByIncident.get(payload.data.incidentId) ?? new Set();
      ids.add(String(request.headers['webhook-id']));
      idsByIncident.set(payload.data.incidentId, ids);
    }
    for (const [incident, ids] of idsByIncident) expect(ids.size, incident).toBe(1);
    await server.kill('SIGTERM');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * ACKS_BEFORE_KILL);
    const duplicates = receiver.received.length - idsByIncident.size;
    console.log(
      `notifications: ${KILLS} SIGKILLs, ${acknowledged.length} acknowledged reports, 0 notifications lost, ${duplicates} duplicate deliveries, ${killedWithDeliveriesInFlight} kills with deliveries outstanding, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(killedWithDeliveriesInFlight, 'kills that landed with deliveries outstanding').toBeGreaterThan(
      KILLS / 2,
    );
  }, 600_000);
});
