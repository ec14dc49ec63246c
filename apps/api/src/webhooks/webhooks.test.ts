import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../app.js';
import { notifierOf } from '../app.js';
import { MAX_ATTEMPTS } from '../services/notifier.js';
import { defaultWebhookPolicy, type Resolver } from '../services/webhook-guard.js';
import { createHarness, type Harness, ORIGIN, report } from '../test-support/harness.js';
import { ok200, type Receiver, startReceiver } from '../test-support/receiver.js';

// Webhooks against real receivers on loopback (POLICY_WEBHOOK_ALLOW_PRIVATE's setting, so loopback
// is allowed where a test needs a receiver), verified with the `standardwebhooks` package.

const QUICK_RETRIES = Array.from({ length: MAX_ATTEMPTS - 1 }, () => 1000);

let h: Harness | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  if (h) await notifierOf(h.app).stop(100);
  h?.close();
  h = undefined;
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function setup(notifications: AppOptions['notifications'] = {}) {
  h = createHarness({
    rateLimits: { reports: false, classify: false },
    notifications: {
      start: false,
      policy: defaultWebhookPolicy({ allowPrivate: true }),
      retryDelaysMs: QUICK_RETRIES,
      jitter: 0,
      ...notifications,
    },
  });
  return h;
}

async function receiver(respond = ok200) {
  const started = await startReceiver(respond);
  receivers.push(started);
  return started;
}

async function register(hh: Harness, ods: string, apiKey: string, url: string, events?: string[]) {
  const created = await hh.send('POST', `/v1/practices/${ods}/webhooks`, {
    key: apiKey,
    body: { url, ...(events ? { events } : {}) },
  });
  expect(created.status, created.text).toBe(201);
  return created.json as { id: string; secret: string; url: string; events: string[] };
}

const file = async (hh: Harness, ods: string, reportKey: string, body = report()) => {
  const filed = await hh.send('POST', `/v1/practices/${ods}/reports`, { reportKey, origin: ORIGIN, body });
  expect(filed.status, filed.text).toBe(201);
  return filed.json as { id: string; reference: string; severity: string };
};

/** Runs the dispatcher until nothing is due, moving the test clock past each retry. */
async function deliverAll(hh: Harness, rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await notifierOf(hh.app).drain();
    hh.advance(1500);
  }
  await notifierOf(hh.app).drain();
}

describe('webhook endpoints', () => {
  it('registers with a whsec_ secret shown once; lists without it; deletes', async () => {
    const hh = await setup({ policy: defaultWebhookPolicy() });
    const { apiKey } = await hh.practice('Y91001');
    const created = await register(hh, 'Y91001', apiKey, 'https://203.0.113.5/hooks?x=1', [
      'incident.created',
    ]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.events).toEqual(['incident.created']);
    const listed = await hh.send('GET', '/v1/practices/Y91001/webhooks', { key: apiKey });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual([
      {
        id: created.id,
        url: 'https://203.0.113.5/hooks?x=1',
        events: ['incident.created'],
        createdAt: expect.any(String),
      },
    ]);
    expect(listed.text).not.toContain(created.secret);
    expect(hh.logs.map((line) => JSON.stringify(line)).join('\n')).not.toContain(created.secret);
    expect(
      (await hh.send('DELETE', `/v1/practices/Y91001/webhooks/${created.id}`, { key: apiKey })).status,
    ).toBe(204);
    expect(
      (await hh.send('DELETE', `/v1/practices/Y91001/webhooks/${created.id}`, { key: apiKey })).status,
    ).toBe(404);
    expect((await hh.send('GET', '/v1/practices/Y91001/webhooks', { key: apiKey })).json.items).toEqual([]);
  });

  it('needs settings:write, for reads too', async () => {
    const hh = await setup();
    await hh.practice('Y91002');
    const readOnly = await hh.send('POST', '/v1/practices/Y91002/keys', {
      key: 'ak_test_admin_key_for_the_feature_tests_0001',
      body: { type: 'api', scopes: ['incidents:read', 'incidents:write', 'reports:read'] },
    });
    for (const [method, path] of [
      ['GET', '/v1/practices/Y91002/webhooks'],
      ['POST', '/v1/practices/Y91002/webhooks'],
    ] as const) {
      const answer = await hh.send(method, path, {
        key: readOnly.json.key,
        ...(method === 'POST' ? { body: { url: 'https://203.0.113.5/' } } : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
  });
});

describe('SSRF guard', () => {
  const refusedAtRegistration = [
    'http://203.0.113.5/hooks',
    'https://127.0.0.1/hooks',
    'https://127.1.2.3:8443/hooks',
    'https://10.0.0.8/hooks',
    'https://10.255.1.1/',
    'https://172.16.4.4/',
    'https://192.168.1.10/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://[::1]/hooks',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[fd00:ec2::254]/',
    'https://[fe80::1]/',
    'https://localhost/hooks',
    'https://api.localhost/hooks',
    'https://metadata.google.internal/',
    'https://intranet/',
    'https://user:secret@203.0.113.5/',
    'ftp://203.0.113.5/',
    'not a url',
  ];

  it.each(refusedAtRegistration)('refuses %s at registration (422, nothing stored)', async (url) => {
    const hh = await setup({ policy: defaultWebhookPolicy() });
    const { apiKey } = await hh.practice('Y91003');
    const answer = await hh.send('POST', '/v1/practices/Y91003/webhooks', { key: apiKey, body: { url } });
    expect(answer.status, answer.text).toBe(422);
    expect(answer.json.errors[0].path).toBe('body.url');
    expect(hh.db.$client.prepare('SELECT count(*) FROM webhook_endpoints').pluck().get()).toBe(0);
  });

  it('refuses a name that resolves to a private address (the system resolver: localhost names aside)', async () => {
    const resolve: Resolver = async (name) =>
      name === 'hooks.vendor.example' ? [{ address: '10.1.2.3', family: 4 }] : [];
    const hh = await setup({ policy: defaultWebhookPolicy({ resolve }) });
    const { apiKey } = await hh.practice('Y91004');
    const answer = await hh.send('POST', '/v1/practices/Y91004/webhooks', {
      key: apiKey,
      body: { url: 'https://hooks.vendor.example/in' },
    });
    expect(answer.status).toBe(422);
    expect(answer.json.detail).toContain('a private address (10.1.2.3)');
  });

  it('refuses one private answer among public ones', async () => {
    const resolve: Resolver = async () => [
      { address: '203.0.113.9', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const hh = await setup({ policy: defaultWebhookPolicy({ resolve }) });
    const { apiKey } = await hh.practice('Y91005');
    const answer = await hh.send('POST', '/v1/practices/Y91005/webhooks', {
      key: apiKey,
      body: { url: 'https://mixed.vendor.example/in' },
    });
    expect(answer.status).toBe(422);
  });

  it('checks again at delivery: a name re-pointed at loopback after registration (DNS rebinding) is never connected to', async () => {
    const target = await receiver();
    let answer = '203.0.113.9';
    const resolve: Resolver = async () => [{ address: answer, family: 4 }];
    const hh = await setup({ policy: defaultWebhookPolicy({ resolve }) });
    const { apiKey, reportKey } = await hh.practice('Y91006');
    const hook = await register(hh, 'Y91006', apiKey, `https://rebind.vendor.example:${target.port}/in`);
    answer = '127.0.0.1';
    await file(hh, 'Y91006', reportKey);
    await notifierOf(hh.app).drain();
    expect(target.connections).toBe(0);
    const log = await hh.send('GET', `/v1/practices/Y91006/webhooks/${hook.id}/deliveries`, { key: apiKey });
    expect(log.json.items[0]).toMatchObject({ type: 'incident.created', attempt: 1, status: 'pending' });
    expect(log.json.items[0].lastResult).toContain('resolves to a loopback address (127.0.0.1)');
  });

  it('follows no redirect: a 307 to another address is a failed attempt, and the other address hears nothing', async () => {
    const elsewhere = await receiver();
    const redirecting = await receiver((_request, _index, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/stolen` }).end();
    });
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91007');
    const hook = await register(hh, 'Y91007', apiKey, `${redirecting.url}/in`);
    await file(hh, 'Y91007', reportKey);
    await notifierOf(hh.app).drain();
    expect(redirecting.received).toHaveLength(1);
    expect(elsewhere.connections).toBe(0);
    const log = await hh.send('GET', `/v1/practices/Y91007/webhooks/${hook.id}/deliveries`, { key: apiKey });
    expect(log.json.items[0]).toMatchObject({ status: 'pending', responseStatus: 307 });
    expect(log.json.items[0].attempts[0].error).toContain('not followed');
  });
});

describe('deliveries', () => {
  it('500 then 200: the same webhook-id twice, each verifying with standardwebhooks; a tampered body does not', async () => {
    const target = await receiver((_request, index, response) => {
      response.writeHead(index === 0 ? 500 : 200).end(index === 0 ? 'try later' : 'ok');
    });
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91010');
    const hook = await register(hh, 'Y91010', apiKey, `${target.url}/hooks`);
    const filed = await file(hh, 'Y91010', reportKey);
    await deliverAll(hh);
    const [first, second] = await target.waitFor(2);
    if (!first || !second) throw new Error('expected two deliveries');
    expect(target.received).toHaveLength(2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(first.body).toBe(second.body);
    const verifier = new Webhook(hook.secret);
    const payload = verifier.verify(second.body, second.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload.type).toBe('incident.created');
    expect(payload.data).toMatchObject({
      incidentId: filed.id,
      reference: filed.reference,
      state: 'reported',
    });
    // Thin: no post text, no author, reporter or staff names, no handles, no post URL.
    const sample = report();
    for (const personal of [sample.text, 'Pat Example', 'pat.example', 'Robin Reception', 'facebook.example'])
      expect(second.body).not.toContain(personal);
    const tampered = second.body.replace('"reported"', '"closed"');
    expect(tampered).not.toBe(second.body);
    expect(() => verifier.verify(tampered, second.headers as Record<string, string>)).toThrow(
      WebhookVerificationError,
    );
    const otherSecret = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    expect(() => otherSecret.verify(second.body, second.headers as Record<string, string>)).toThrow(
      WebhookVerificationError,
    );
    const log = await hh.send('GET', `/v1/practices/Y91010/webhooks/${hook.id}/deliveries`, { key: apiKey });
    expect(log.json.items).toHaveLength(1);
    expect(log.json.items[0]).toMatchObject({
      eventId: first.headers['webhook-id'],
      type: 'incident.created',
      attempt: 2,
      status: 'delivered',
      responseStatus: 200,
    });
    expect(log.json.items[0].attempts.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([
      500, 200,
    ]);
  });

  it('another practice’s endpoint never receives this practice’s events', async () => {
    const mine = await receiver();
    const theirs = await receiver();
    const hh = await setup();
    const a = await hh.practice('Y91011');
    const b = await hh.practice('Y91012');
    await register(hh, 'Y91011', a.apiKey, `${mine.url}/a`);
    await register(hh, 'Y91012', b.apiKey, `${theirs.url}/b`);
    const filed = [await file(hh, 'Y91011', a.reportKey), await file(hh, 'Y91011', a.reportKey)];
    await deliverAll(hh);
    expect(mine.received.map((r) => JSON.parse(r.body).data.incidentId).sort()).toEqual(
      filed.map((f) => f.id).sort(),
    );
    expect(theirs.received).toEqual([]);
    expect(theirs.connections).toBe(0);
  });

  it('an applied event is announced as incident.updated; a refused one, or a refused report, announces nothing', async () => {
    const target = await receiver();
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91013');
    await register(hh, 'Y91013', apiKey, `${target.url}/a`, ['incident.updated']);
    const filed = await file(hh, 'Y91013', reportKey);
    const outbox = () => hh.db.$client.prepare('SELECT type FROM outbox_events ORDER BY rowid').pluck().all();
    expect(outbox()).toEqual(['incident.created']);
    const bad = await hh.send('POST', '/v1/practices/Y91013/reports', {
      reportKey,
      origin: ORIGIN,
      body: { ...report(), platform: 'myspace' },
    });
    expect(bad.status).toBe(422);
    const refused = await hh.send('POST', `/v1/practices/Y91013/incidents/${filed.id}/events`, {
      key: apiKey,
      headers: { 'x-acting-user': 'u-1; role=manager' },
      body: { type: 'decide_removal', decision: 'remove', reason: 'Too early: not in removal review' },
    });
    expect(refused.status).toBe(409);
    expect(outbox()).toEqual(['incident.created']);
    const noted = await hh.send('POST', `/v1/practices/Y91013/incidents/${filed.id}/events`, {
      key: apiKey,
      headers: { 'x-acting-user': 'u-1; role=manager' },
      body: { type: 'add_note', text: 'Spoke to Pat Example on the phone' },
    });
    expect(noted.status, noted.text).toBe(200);
    expect(outbox()).toEqual(['incident.created', 'incident.updated']);
    await deliverAll(hh);
    // Subscribed to incident.updated only.
    expect(target.received).toHaveLength(1);
    const body = JSON.parse(target.received[0]?.body ?? '{}');
    expect(body).toMatchObject({
      type: 'incident.updated',
      data: { incidentId: filed.id, event: { type: 'add_note' }, previous: { state: 'reported' } },
    });
    expect(target.received[0]?.body).not.toContain('Pat Example');
  });

  it('gives up after 8 attempts and shows it as failed; deleting an endpoint gives up its pending deliveries', async () => {
    const failing = await receiver((_request, _index, response) => {
      response.writeHead(503).end('x'.repeat(5000));
    });
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91014');
    const hook = await register(hh, 'Y91014', apiKey, `${failing.url}/a`);
    await file(hh, 'Y91014', reportKey);
    await deliverAll(hh, MAX_ATTEMPTS + 2);
    expect(failing.received).toHaveLength(MAX_ATTEMPTS);
    const log = await hh.send('GET', `/v1/practices/Y91014/webhooks/${hook.id}/deliveries`, { key: apiKey });
    expect(log.json.items[0]).toMatchObject({ status: 'failed', attempt: MAX_ATTEMPTS, responseStatus: 503 });
    expect(log.json.items[0].nextAttemptAt).toBeUndefined();
    expect(log.json.items[0].lastResult.length).toBeLessThanOrEqual(1024);
    expect(hh.logs.some((line) => line.msg === 'notification' && line.status === 'failed')).toBe(true);

    const second = await register(hh, 'Y91014', apiKey, `${failing.url}/b`);
    await file(hh, 'Y91014', reportKey);
    await notifierOf(hh.app).drain();
    const toSecond = () => failing.received.filter((request) => request.url === '/b').length;
    expect(toSecond()).toBe(1);
    const deleted = await hh.send('DELETE', `/v1/practices/Y91014/webhooks/${second.id}`, { key: apiKey });
    expect(deleted.status).toBe(204);
    await deliverAll(hh, 3);
    expect(toSecond()).toBe(1);
    const given = hh.db.$client
      .prepare('SELECT status, last_result AS lastResult FROM outbox_deliveries WHERE endpoint_id = ?')
      .all(second.id);
    expect(given).toEqual([{ status: 'failed', lastResult: 'endpoint deleted' }]);
  });

  it('a receiver slower than the timeout is a failed attempt, retried', async () => {
    const slow = await receiver(async (_request, index, response) => {
      if (index === 0) await new Promise((resolve) => setTimeout(resolve, 600));
      if (!response.destroyed) response.writeHead(200).end('ok');
    });
    const hh = await setup({ deliveryTimeoutMs: 200 });
    const { apiKey, reportKey } = await hh.practice('Y91015');
    const hook = await register(hh, 'Y91015', apiKey, `${slow.url}/a`);
    await file(hh, 'Y91015', reportKey);
    await deliverAll(hh);
    const log = await hh.send('GET', `/v1/practices/Y91015/webhooks/${hook.id}/deliveries`, { key: apiKey });
    expect(log.json.items[0].status).toBe('delivered');
    expect(log.json.items[0].attempts[0].error).toContain('no answer within 0.2 s');
  });

  it('POST …/test sends a signed webhook.test to that endpoint only, whatever it subscribes to', async () => {
    const target = await receiver();
    const other = await receiver();
    const hh = await setup();
    const { apiKey } = await hh.practice('Y91016');
    const hook = await register(hh, 'Y91016', apiKey, `${target.url}/a`, ['deadline.missed']);
    await register(hh, 'Y91016', apiKey, `${other.url}/b`);
    const queued = await hh.send('POST', `/v1/practices/Y91016/webhooks/${hook.id}/test`, { key: apiKey });
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ type: 'webhook.test', status: 'pending' });
    await notifierOf(hh.app).drain();
    expect(target.received).toHaveLength(1);
    expect(other.received).toHaveLength(0);
    const payload = new Webhook(hook.secret).verify(
      target.received[0]?.body ?? '',
      target.received[0]?.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({
      type: 'webhook.test',
      data: { webhookId: hook.id, practiceOds: 'Y91016' },
    });
    expect(target.received[0]?.headers['webhook-id']).toBe(queued.json.eventId);
  });

  it('endpoints receive only what happens after they are registered', async () => {
    const target = await receiver();
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91017');
    await file(hh, 'Y91017', reportKey);
    hh.advance(1000);
    await register(hh, 'Y91017', apiKey, `${target.url}/a`);
    hh.advance(1000);
    const later = await file(hh, 'Y91017', reportKey);
    await deliverAll(hh);
    expect(target.received.map((r) => JSON.parse(r.body).data.incidentId)).toEqual([later.id]);
  });
});

describe('deadlines that chase', () => {
  it('announces a missed triage deadline once, however often it is chased', async () => {
    const target = await receiver();
    const hh = await setup();
    const { apiKey, reportKey } = await hh.practice('Y91020');
    await register(hh, 'Y91020', apiKey, `${target.url}/a`, ['deadline.approaching', 'deadline.missed']);
    // Tuesday 10 March 2026, 09:30: triage is due by 19:00 on Wednesday.
    const filed = await file(hh, 'Y91020', reportKey);
    const notifier = notifierOf(hh.app);
    expect(await notifier.chase(hh.now())).toBe(0);
    hh.advance(33 * 3_600_000); // Wednesday 18:30: within triage's 2 business hours
    expect(await notifier.chase(hh.now())).toBe(1);
    expect(await notifier.chase(hh.now())).toBe(0);
    hh.advance(3_600_000); // 19:30: missed
    expect(await notifier.chase(hh.now())).toBe(1);
    expect(await notifier.chase(hh.now())).toBe(0);
    await deliverAll(hh);
    const bodies = target.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual(['deadline.approaching', 'deadline.missed']);
    expect(bodies[1].data).toMatchObject({
      incidentId: filed.id,
      reference: filed.reference,
      deadline: { kind: 'triage', due: '2026-03-11T19:00:00.000Z' },
      businessMinutesLeft: 0,
    });
  });
});
