import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportInput } from '@policy/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ODS } from '../seed/demo.js';
import { startServer } from '../server.js';
import { MULTIPART_REPORT_LIMIT } from '../services/report-filing.js';
import {
  ADMIN_KEY,
  createHarness,
  type Harness,
  JPEG_BYTES,
  ORIGIN,
  PNG_BYTES,
  report,
} from '../test-support/harness.js';

describe('POST /v1/practices/{ods}/reports', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness({ rateLimits: { reports: { burst: 3, perSecond: 0.1 } } });
    keys = await h.practice('Y90001');
  });
  afterEach(() => h.close());

  const file = (
    body: unknown = report(),
    extra: { origin?: string; reportKey?: string; headers?: Record<string, string> } = {},
  ) =>
    h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: extra.reportKey ?? keys.reportKey,
      origin: extra.origin ?? ORIGIN,
      body,
      headers: extra.headers,
    });

  it('files a report: 201 with a per-practice reference, the classification and the first steps', async () => {
    const first = await file();
    expect(first.status).toBe(201);
    expect(first.json.reference).toBe('Y90001-2026-0001');
    expect(first.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.json.state).toBe('reported');
    expect(first.json.classification.categories.map((c: { id: string }) => c.id)).toContain('abusive');
    expect(first.json.nextSteps.length).toBeGreaterThan(0);
    expect(first.json.nextSteps.every((step: unknown) => typeof step === 'string')).toBe(true);
    const second = await file(report({ text: 'When is the flu clinic this year?' }));
    expect(second.json.reference).toBe('Y90001-2026-0002');
    // Stored: the practice's API key sees both.
    const list = await h.send('GET', '/v1/practices/Y90001/incidents', { key: keys.apiKey });
    expect(list.json.items.map((i: { reference: string }) => i.reference)).toEqual([
      'Y90001-2026-0002',
      'Y90001-2026-0001',
    ]);
  });

  it('answers the preflight for the allowed origin with the headers the form sends', async () => {
    const preflight = await h.send('OPTIONS', '/v1/practices/Y90001/reports', {
      origin: ORIGIN,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-report-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Report-Key');
    const filed = await file();
    expect(filed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('lets a refused origin read its refusal: the preflight passes, the POST is refused (403) readably and files nothing', async () => {
    // A refused preflight is unreadable to the page (a network error): the form took it for an
    // outage and retried for ever. The refusal now comes from the POST, with CORS headers.
    const foreign = 'https://evil.example';
    const preflight = await h.send('OPTIONS', '/v1/practices/Y90001/reports', {
      origin: foreign,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-report-key,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(foreign);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Report-Key');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await file(report(), { origin: foreign });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe(foreign);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json.type).toBe('/problems/origin-not-allowed');
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
  });

  it('answers the reporter’s next steps, not the manager’s: never to contact or answer the author', async () => {
    const threat = await file(
      report({ text: 'I know where you live and I will be waiting outside the surgery for you tonight' }),
    );
    expect(threat.status).toBe(201);
    const steps: string[] = threat.json.nextSteps;
    expect(threat.json.nextStepIds[0]).toBe('call_999');
    expect(threat.json.nextStepIds).toContain('tell_manager_now');
    expect(threat.json.nextStepIds).toContain('do_not_engage');
    expect(steps).toHaveLength(threat.json.nextStepIds.length);
    expect(steps.join(' ')).not.toMatch(/Ask the author|invite them|acknowledge briefly/i);
    const complaint = await file(
      report({ text: 'Waited 40 minutes past my appointment again, useless service' }),
    );
    expect(complaint.json.nextSteps.join(' ')).not.toMatch(/invite them|Offer the complaints procedure/i);
    expect(complaint.json.nextStepIds).toContain('manager_has_it');
  });

  it('refuses a disallowed or missing Origin with 403', async () => {
    const foreign = await file(report(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.type).toBe('/problems/origin-not-allowed');
    const none = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      body: report(),
    });
    expect(none.status).toBe(403);
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
  });

  it('refuses missing, malformed and revoked report keys with 401, another practice’s with 404', async () => {
    expect(
      (await h.send('POST', '/v1/practices/Y90001/reports', { origin: ORIGIN, body: report() })).status,
    ).toBe(401);
    expect((await file(report(), { reportKey: 'rk_nonsense' })).status).toBe(401);
    // An API key is not a report key.
    expect((await file(report(), { reportKey: keys.apiKey })).status).toBe(401);
    const other = await h.practice('Y90002');
    expect((await file(report(), { reportKey: other.reportKey })).status).toBe(404);
    const issued = await h.send('POST', '/v1/practices/Y90001/keys', {
      key: ADMIN_KEY,
      body: { type: 'report', allowedOrigins: [ORIGIN] },
    });
    expect((await file(report(), { reportKey: issued.json.key })).status).toBe(201);
    await h.send('DELETE', `/v1/practices/Y90001/keys/${issued.json.id}`, { key: ADMIN_KEY });
    expect((await file(report(), { reportKey: issued.json.key })).status).toBe(401);
  });

  it('a report key can read nothing', async () => {
    const filed = await file();
    for (const path of [
      '/v1/practices/Y90001/incidents',
      `/v1/practices/Y90001/incidents/${filed.json.id}`,
      '/v1/practices/Y90001',
      '/v1/practices/Y90001/reports/summary',
    ]) {
      const res = await h.send('GET', path, { reportKey: keys.reportKey, origin: ORIGIN });
      expect(res.status, path).toBe(401);
    }
    const asBearer = await h.send('GET', '/v1/practices/Y90001/incidents', { key: keys.reportKey });
    expect(asBearer.status).toBe(403);
  });

  it('rate limits filing per key and client: 429 with Retry-After, then recovers', async () => {
    for (let i = 0; i < 3; i++) expect((await file()).status).toBe(201);
    const limited = await file();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.type).toBe('/problems/rate-limited');
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    h.advance(Number(limited.headers.get('retry-after')) * 1000);
    expect((await file()).status).toBe(201);
  });

  it('refuses invalid reports with 422 and field paths, unknown fields included', async () => {
    const res = await file({ ...report(), platform: 'myspace', atRisk: 'no', reporter: {} });
    expect(res.status).toBe(422);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.platform', 'body.atRisk', 'body.reporter.name']));
    for (const extra of [{ id: 'x' }, { state: 'closed' }, { practiceOds: 'Y90002' }, { reference: 'A' }]) {
      h.advance(30_000); // refill the tiny test bucket: the limiter runs before validation
      const mass = await file({ ...report(), ...extra });
      expect(mass.status, JSON.stringify(extra)).toBe(422);
    }
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
  });

  it('Idempotency-Key: the same key and body file one incident and answer the same; a different body is 422', async () => {
    const headers = { 'idempotency-key': 'form-submit-7f3a' };
    const first = await file(report(), { headers });
    const again = await file(report(), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 });
    const different = await file(report({ text: 'Another post entirely' }), { headers });
    expect(different.status).toBe(422);
    expect(different.json.type).toBe('/problems/idempotency-key-reused');
  });

  it('records who filed it and adds the first link of the audit chain', async () => {
    const filed = await file();
    const events = await h.send('GET', `/v1/practices/Y90001/incidents/${filed.json.id}/events`, {
      key: keys.apiKey,
    });
    expect(events.json.items).toHaveLength(1);
    expect(events.json.items[0]).toMatchObject({ type: 'report', seq: 1, prevHash: '' });
    expect(events.json.items[0].actor).toMatchObject({ role: 'staff', name: 'Robin Reception' });
    expect(events.json.items[0].keyId).toMatch(/^key_/);
  });
});

// ------------------------------------------------------------------ multipart: screenshots

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The leading bytes of a WebP file (RIFF <size> WEBP VP8L …): enough for typing by leading bytes. */
const WEBP_BYTES = Uint8Array.from([
  0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c, 0x0d, 0x00,
  0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00,
]);
/** A distinct valid PNG each time: the 1×1 PNG with bytes appended after IEND. */
const pngVariant = (n: number) => Uint8Array.from([...PNG_BYTES, ...new TextEncoder().encode(`#${n}`)]);

type Part = { name: string; bytes: Uint8Array | string; filename?: string; type?: string };

/** The body the staff form sends: the `report` JSON part, then one `screenshot` part per picture. */
function reportForm(input: ReportInput | string, shots: Uint8Array[], extra: Part[] = []): FormData {
  const form = new FormData();
  const json = typeof input === 'string' ? input : JSON.stringify(input);
  form.append('report', new Blob([json], { type: 'application/json' }), 'report.json');
  shots.forEach((bytes, i) => {
    form.append(
      'screenshot',
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      `shot-${i + 1}.png`,
    );
  });
  for (const part of extra)
    if (typeof part.bytes === 'string' && part.filename === undefined) form.append(part.name, part.bytes);
    else
      form.append(
        part.name,
        new Blob([part.bytes as Uint8Array<ArrayBuffer>], { type: part.type ?? 'application/octet-stream' }),
        part.filename ?? 'file',
      );
  return form;
}

describe('POST /v1/practices/{ods}/reports as multipart/form-data (report + screenshots)', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
  });
  afterEach(() => h.close());

  const fileForm = (
    form: FormData,
    extra: { origin?: string; reportKey?: string; headers?: Record<string, string> } = {},
  ) =>
    h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: extra.reportKey ?? keys.reportKey,
      origin: extra.origin ?? ORIGIN,
      rawBody: form,
      headers: extra.headers,
    });
  const count = (table: 'incidents' | 'evidence' | 'incident_events') =>
    (h.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const readBack = (incidentId: string, evidenceId: string) =>
    h.send('GET', `/v1/practices/Y90001/incidents/${incidentId}/evidence/${evidenceId}`, {
      key: keys.apiKey,
    });

  it('the OpenAPI document lists multipart/form-data for filing a report and for vendor intake', async () => {
    const doc = (await h.send('GET', '/openapi.json')).json;
    for (const path of ['/v1/practices/{ods}/reports', '/v1/practices/{ods}/incidents']) {
      const content = doc.paths[path].post.requestBody.content;
      expect(Object.keys(content), path).toEqual(['application/json', 'multipart/form-data']);
      expect(content['multipart/form-data'].schema.properties.report.$ref).toBe(
        '#/components/schemas/ReportInput',
      );
    }
    expect(doc.components.schemas.ReportInput).toBeDefined();
  });

  it('with no screenshots: files the report like the JSON body does', async () => {
    const res = await fileForm(reportForm(report(), []));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ reference: 'Y90001-2026-0001', state: 'reported', evidence: [] });
    expect(res.json.classification.categories.map((c: { id: string }) => c.id)).toContain('abusive');
    const json = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report(),
    });
    expect(Object.keys(json.json).sort()).toEqual(Object.keys(res.json).sort());
    expect(count('evidence')).toBe(0);
  });

  it('with one screenshot: the evidence is stored byte for byte with its hash, in the report’s transaction', async () => {
    const res = await fileForm(reportForm(report(), [PNG_BYTES]));
    expect(res.status).toBe(201);
    expect(res.json.evidence).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'screenshot',
        sha256: sha256(PNG_BYTES),
        capturedAt: h.now().toISOString(),
        mediaType: 'image/png',
        size: PNG_BYTES.length,
        stored: true,
      },
    ]);
    const back = await readBack(res.json.id, res.json.evidence[0].id);
    expect(back.status).toBe(200);
    expect(Buffer.from(back.bytes).equals(Buffer.from(PNG_BYTES))).toBe(true);
    expect(back.headers.get('x-content-sha256')).toBe(sha256(PNG_BYTES));
    expect(back.headers.get('content-type')).toBe('image/png');
    // The incident lists it, and the timeline has the report then its record_evidence, by the reporter.
    const incident = await h.send('GET', `/v1/practices/Y90001/incidents/${res.json.id}`, {
      key: keys.apiKey,
    });
    expect(incident.json.evidence).toEqual(res.json.evidence);
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${res.json.id}/events`, {
      key: keys.apiKey,
    });
    const items = timeline.json.items as {
      type: string;
      at: string;
      actor: { name?: string };
      prevHash: string;
      hash: string;
    }[];
    expect(items.map((e) => e.type)).toEqual(['report', 'record_evidence']);
    expect(items[1]?.at).toBe(items[0]?.at);
    expect(items[1]?.actor).toEqual(items[0]?.actor);
    expect(items[1]?.prevHash).toBe(items[0]?.hash);
    const verify = await h.send('GET', '/v1/practices/Y90001/audit/verify', { key: keys.apiKey });
    expect(verify.json).toMatchObject({ intact: true });
  });

  it('with five screenshots (PNG, JPEG, WebP): five evidence rows in the order sent, each read back identical', async () => {
    const shots = [PNG_BYTES, JPEG_BYTES, WEBP_BYTES, pngVariant(1), pngVariant(2)];
    const res = await fileForm(reportForm(report(), shots));
    expect(res.status).toBe(201);
    expect(res.json.evidence.map((e: { mediaType: string }) => e.mediaType)).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/png',
      'image/png',
    ]);
    for (const [i, shot] of shots.entries()) {
      const stored = res.json.evidence[i];
      expect(stored.sha256).toBe(sha256(shot));
      const back = await readBack(res.json.id, stored.id);
      expect(Buffer.from(back.bytes).equals(Buffer.from(shot)), `screenshot ${i}`).toBe(true);
      expect(back.headers.get('x-content-sha256')).toBe(sha256(shot));
    }
    expect(count('evidence')).toBe(5);
    expect(count('incident_events')).toBe(6);
  });

  it('refuses a sixth screenshot with 422 at screenshot[5], storing nothing', async () => {
    const res = await fileForm(
      reportForm(
        report(),
        Array.from({ length: 6 }, (_, i) => pngVariant(i)),
      ),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json.errors).toEqual([{ path: 'screenshot[5]', message: expect.any(String) }]);
    expect([count('incidents'), count('evidence'), count('incident_events')]).toEqual([0, 0, 0]);
  });

  it('refuses a screenshot that is not a PNG, JPEG or WebP by its bytes, naming which one', async () => {
    const fake = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
    const res = await fileForm(reportForm(report(), [PNG_BYTES, fake, new Uint8Array(0)]));
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['screenshot[1]', 'screenshot[2]']);
    expect(res.json.errors[0].message).toMatch(/PNG, JPEG or WebP/);
    // A screenshot sent as a plain field is not a file.
    const field = await fileForm(reportForm(report(), [], [{ name: 'screenshot', bytes: 'iVBORw0KGgo=' }]));
    expect(field.json.errors).toEqual([{ path: 'screenshot[0]', message: expect.any(String) }]);
    expect([count('incidents'), count('evidence')]).toEqual([0, 0]);
  });

  it('refuses a screenshot over 5 MiB at its path, and a report part over 64 KiB with 413', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_BYTES.subarray(0, 8));
    const over = await fileForm(reportForm(report(), [PNG_BYTES, big]));
    expect(over.status).toBe(422);
    expect(over.json.errors).toEqual([{ path: 'screenshot[1]', message: expect.stringMatching(/5 MiB/) }]);
    const atLimit = big.subarray(0, 5 * 1024 * 1024);
    const fits = await fileForm(reportForm(report(), [atLimit]));
    expect(fits.status).toBe(201);
    expect(fits.json.evidence[0].size).toBe(5 * 1024 * 1024);
    const longReport = await fileForm(reportForm(JSON.stringify(report()) + ' '.repeat(64 * 1024), []));
    expect(longReport.status).toBe(413);
    expect(count('incidents')).toBe(1);
  });

  it('refuses a streamed body over 5 × 5 MiB + 64 KiB with 413, storing nothing', async () => {
    const shots = Array.from({ length: 5 }, () => {
      const bytes = new Uint8Array(5 * 1024 * 1024);
      bytes.set(PNG_BYTES.subarray(0, 8));
      return bytes;
    });
    // Five screenshots at their limit plus a report part padded to 64 KiB: the envelope tips it over.
    const padded = JSON.stringify(report({ text: `${'x'.repeat(63 * 1024)}` }));
    const res = await fileForm(reportForm(padded, shots));
    expect(res.status).toBe(413);
    expect(res.json.type).toBe('/problems/payload-too-large');
    expect([count('incidents'), count('evidence')]).toEqual([0, 0]);
    // The same five with an ordinary report fit.
    const fits = await fileForm(reportForm(report(), shots));
    expect(fits.status).toBe(201);
    expect(fits.json.evidence).toHaveLength(5);
  });

  it('validates the report part exactly as the JSON body: same schema, same field paths', async () => {
    const bad = { ...report(), platform: 'myspace', atRisk: 'no', reporter: {}, state: 'closed' };
    const asForm = await fileForm(reportForm(bad as never, [PNG_BYTES]));
    const asJson = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: bad,
    });
    expect(asForm.status).toBe(422);
    expect(asForm.json.errors).toEqual(asJson.json.errors);
    expect(asForm.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.platform', 'body.atRisk', 'body.reporter.name']),
    );
    expect((await fileForm(reportForm('{"platform":', []))).status).toBe(400);
    // Exactly one report part, and no other part names.
    const none = new FormData();
    none.append('screenshot', new Blob([PNG_BYTES]), 'a.png');
    expect((await fileForm(none)).json.errors).toEqual([{ path: 'report', message: expect.any(String) }]);
    const two = reportForm(report(), [], [{ name: 'report', bytes: JSON.stringify(report()) }]);
    expect((await fileForm(two)).json.errors).toEqual([{ path: 'report', message: expect.any(String) }]);
    const stray = await fileForm(
      reportForm(report(), [], [{ name: 'file', bytes: PNG_BYTES, filename: 'a.png' }]),
    );
    expect(stray.status).toBe(422);
    expect(stray.json.errors).toEqual([{ path: 'file', message: expect.any(String) }]);
    expect(count('incidents')).toBe(0);
  });

  it('Idempotency-Key covers the screenshots: the same ones replay, a different one is 422', async () => {
    const headers = { 'idempotency-key': 'form-submit-with-shots' };
    const first = await fileForm(reportForm(report(), [PNG_BYTES, JPEG_BYTES]), { headers });
    const again = await fileForm(reportForm(report(), [PNG_BYTES, JPEG_BYTES]), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect([count('incidents'), count('evidence')]).toEqual([1, 2]);
    for (const shots of [[PNG_BYTES, pngVariant(9)], [JPEG_BYTES, PNG_BYTES], [PNG_BYTES], []]) {
      const different = await fileForm(reportForm(report(), shots), { headers });
      expect(different.status).toBe(422);
      expect(different.json.type).toBe('/problems/idempotency-key-reused');
    }
    expect([count('incidents'), count('evidence')]).toEqual([1, 2]);
    // Without screenshots the form and the JSON body are the same request.
    const jsonHeaders = { 'idempotency-key': 'form-submit-no-shots' };
    const asForm = await fileForm(reportForm(report(), []), { headers: jsonHeaders });
    const asJson = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report(),
      headers: jsonHeaders,
    });
    expect(asJson.headers.get('idempotent-replayed')).toBe('true');
    expect(asJson.json).toEqual(asForm.json);
  });

  it('the report key’s rules are unchanged: allowed origin only, the key’s own practice, nothing stored otherwise', async () => {
    const form = () => reportForm(report(), [PNG_BYTES]);
    const foreign = await fileForm(form(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.type).toBe('/problems/origin-not-allowed');
    const noOrigin = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      rawBody: form(),
    });
    expect(noOrigin.status).toBe(403);
    expect((await fileForm(form(), { reportKey: keys.apiKey })).status).toBe(401);
    const other = await h.practice('Y90002');
    expect((await fileForm(form(), { reportKey: other.reportKey })).status).toBe(404);
    expect([count('incidents'), count('evidence')]).toEqual([0, 0]);
    const filed = await fileForm(form());
    expect(filed.status).toBe(201);
    expect(filed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    // The report key still reads nothing, the screenshot included.
    const read = await h.send(
      'GET',
      `/v1/practices/Y90001/incidents/${filed.json.id}/evidence/${filed.json.evidence[0].id}`,
      { reportKey: keys.reportKey, origin: ORIGIN },
    );
    expect(read.status).toBe(401);
  });

  it('vendor intake takes the same form and answers alike, with Location and the acting user', async () => {
    const res = await h.send('POST', '/v1/practices/Y90001/incidents', {
      key: keys.apiKey,
      rawBody: reportForm(report(), [JPEG_BYTES]),
      headers: { 'x-acting-user': 'v-7; role=manager' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/practices/Y90001/incidents/${res.json.id}`);
    expect(res.json.evidence).toMatchObject([{ sha256: sha256(JPEG_BYTES), mediaType: 'image/jpeg' }]);
    const timeline = await h.send('GET', `/v1/practices/Y90001/incidents/${res.json.id}/events`, {
      key: keys.apiKey,
    });
    expect(timeline.json.items.map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['v-7', 'v-7']);
    const malformed = await h.send('POST', '/v1/practices/Y90001/incidents', {
      key: keys.apiKey,
      rawBody: reportForm(report(), [JPEG_BYTES]),
      headers: { 'x-acting-user': 'v-7; role=king' },
    });
    expect(malformed.status).toBe(422);
    expect(count('incidents')).toBe(1);
  });
});

describe('multipart body limit on a real HTTP server', () => {
  it('refuses a declared Content-Length over 5 × 5 MiB + 64 KiB with 413 before the body is sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-reports-'));
    const server = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'policy.sqlite'),
      demo: true,
      log: () => {},
    });
    const reportKey = server.demoKeys?.reportKey ?? '';
    try {
      const { port } = new URL(server.url);
      // Only the headers are sent: an answer proves the server judged the body without reading it.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v1/practices/${DEMO_ODS}/reports`,
            headers: {
              'content-type': 'multipart/form-data; boundary=x-boundary',
              'content-length': String(MULTIPART_REPORT_LIMIT + 1),
              'x-report-key': reportKey,
              origin: server.url,
            },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.flushHeaders();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).type).toBe('/problems/payload-too-large');
      // A real form under the limit, its length declared by fetch, files as usual.
      const form = new FormData();
      form.append('report', new Blob([JSON.stringify(report())], { type: 'application/json' }), 'r.json');
      form.append('screenshot', new Blob([PNG_BYTES as Uint8Array<ArrayBuffer>]), 'a.png');
      const ok = await fetch(`${server.url}/v1/practices/${DEMO_ODS}/reports`, {
        method: 'POST',
        headers: { 'x-report-key': reportKey, origin: server.url },
        body: form,
      });
      expect(ok.status).toBe(201);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
