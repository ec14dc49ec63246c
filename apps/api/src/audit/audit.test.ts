import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, harness, ORIGIN, report } from '../test-support/harness.js';

describe('GET /v1/practices/{ods}/audit/verify', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = await harness();
    keys = await h.practice('Y90001');
    for (let i = 0; i < 3; i++) {
      const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
        reportKey: keys.reportKey,
        origin: ORIGIN,
        body: report(),
      });
      await h.send('POST', `/v1/practices/Y90001/incidents/${filed.json.id}/events`, {
        key: keys.apiKey,
        body: { type: 'add_note', text: `note ${i}` },
      });
    }
  });
  afterEach(() => h.close());

  const verify = () => h.send('GET', '/v1/practices/Y90001/audit/verify', { key: keys.apiKey });
  /** A second connection to the same file, as someone with file access would tamper. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const other = new Database(h.path);
    try {
      other.prepare(sql).run(...params);
    } finally {
      other.close();
    }
  };

  it('an untouched chain is intact', async () => {
    const res = await verify();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ intact: true, events: 6, brokenAt: null, head: { seq: 6 } });
  });

  it('names the first broken link when a row’s content is edited in the file', async () => {
    const row = h.db.$client.prepare('SELECT id, payload FROM incident_events WHERE seq = 3').get() as {
      id: string;
      payload: string;
    };
    tamper(
      'UPDATE incident_events SET payload = ? WHERE seq = 3',
      row.payload.replace('"report"', '"reporx"'),
    );
    const res = await verify();
    expect(res.json.intact).toBe(false);
    expect(res.json.brokenAt).toMatchObject({ seq: 3, eventId: row.id });
    expect(res.json.brokenAt.reason).toMatch(/changed/);
  });

  it('catches a changed actor', async () => {
    tamper("UPDATE incident_events SET actor_id = 'someone-else' WHERE seq = 2");
    expect((await verify()).json.brokenAt.seq).toBe(2);
  });

  it('catches a deleted row in the middle', async () => {
    tamper('DELETE FROM incident_events WHERE seq = 4');
    const res = await verify();
    expect(res.json.brokenAt.seq).toBe(4);
    expect(res.json.brokenAt.reason).toMatch(/missing or out of order/);
  });

  it('catches the newest rows being deleted', async () => {
    tamper('DELETE FROM incident_events WHERE seq >= 5');
    const res = await verify();
    expect(res.json.intact).toBe(false);
    expect(res.json.brokenAt.reason).toMatch(/deleted/);
  });

  it('catches two rows swapped', async () => {
    tamper('UPDATE incident_events SET seq = -1 WHERE seq = 2');
    tamper('UPDATE incident_events SET seq = 2 WHERE seq = 3');
    tamper('UPDATE incident_events SET seq = 3 WHERE seq = -1');
    const res = await verify();
    expect(res.json.intact).toBe(false);
    expect(res.json.brokenAt.seq).toBe(2);
  });

  it('each practice has its own chain; another practice’s key gets 404', async () => {
    const other = await h.practice('Y90002');
    expect((await h.send('GET', '/v1/practices/Y90001/audit/verify', { key: other.apiKey })).status).toBe(
      404,
    );
    const own = await h.send('GET', '/v1/practices/Y90002/audit/verify', { key: other.apiKey });
    expect(own.json).toMatchObject({ intact: true, events: 0 });
  });
});
