import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, report } from '../test-support/harness.js';

describe('GET /v1/practices/{ods}/audit/verify', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  beforeEach(async () => {
    h = createHarness();
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

describe('audit/verify replays each incident against its stored record', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  const ods = 'Y90003';
  const ids: string[] = [];
  const event = async (id: string, body: unknown) => {
    const res = await h.send('POST', `/v1/practices/${ods}/incidents/${id}/events`, {
      key: keys.apiKey,
      headers: { 'x-acting-user': 'm-1; role=manager' },
      body,
    });
    expect(res.status, `${JSON.stringify(body)} → ${res.text}`).toBe(200);
  };

  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice(ods);
    ids.length = 0;
    // Many incidents, several from the same author (so blocking is allowed by the repeat-poster
    // rule only once there are two), with a spread of events and the clock moving between them.
    for (let i = 0; i < 30; i++) {
      const author =
        i % 3 === 0 ? { name: 'Sam Repeat', handle: 'sam.repeat', kind: 'patient' as const } : undefined;
      const filed = await h.send('POST', `/v1/practices/${ods}/reports`, {
        reportKey: keys.reportKey,
        origin: ORIGIN,
        body: report(author ? { author } : { author: { name: `Author ${i}`, kind: 'patient' } }),
      });
      expect(filed.status).toBe(201);
      const id = filed.json.id as string;
      ids.push(id);
      await event(id, { type: 'add_note', text: `note on ${i}` });
      if (i % 2 === 0) {
        await event(id, {
          type: 'triage',
          categories: ['abusive'],
          evidenceUnavailableReason: 'The post was deleted before anyone saved it.',
        });
      }
      if (author && i > 0) await event(id, { type: 'block_author' });
      h.advance(37 * 60 * 1000);
    }
  });
  afterEach(() => h.close());

  const verify = async () => {
    const res = await h.send('GET', `/v1/practices/${ods}/audit/verify`, { key: keys.apiKey });
    expect(res.status).toBe(200);
    return res.json;
  };
  const tamper = (sql: string, ...params: unknown[]) => {
    const other = new Database(h.path);
    other.pragma('foreign_keys = OFF'); // as someone editing the file by hand would
    try {
      other.prepare(sql).run(...params);
    } finally {
      other.close();
    }
  };
  const referenceOf = (id: string) =>
    (h.db.$client.prepare('SELECT reference FROM incidents WHERE id = ?').get(id) as { reference: string })
      .reference;

  it('an untouched practice with many incidents verifies intact, also after its business hours change', async () => {
    const events = h.db.$client
      .prepare('SELECT count(*) AS n FROM incident_events WHERE practice_ods = ?')
      .get(ods) as { n: number };
    expect(await verify()).toMatchObject({ intact: true, events: events.n, brokenAt: null });
    // Deadlines' due times follow the settings of their day; a later change is not tampering.
    const changed = await h.send('PATCH', `/v1/practices/${ods}`, {
      key: keys.apiKey,
      body: {
        settings: {
          businessHours: { days: [2, 3], open: '10:00', close: '12:00' },
          replyTargetBusinessDays: 9,
        },
      },
    });
    expect(changed.status).toBe(200);
    expect(await verify()).toMatchObject({ intact: true, brokenAt: null });
  });

  it('names the incident and the field when its state is edited in the file', async () => {
    const id = ids[7] as string;
    tamper(
      `UPDATE incidents SET state = 'closed', data = json_set(data, '$.state', 'closed', '$.outcome', 'no_action') WHERE id = ?`,
      id,
    );
    const shown = await h.send('GET', `/v1/practices/${ods}/incidents/${id}`, { key: keys.apiKey });
    expect(shown.json.state).toBe('closed');
    const result = await verify();
    expect(result.intact).toBe(false);
    expect(result.brokenAt).toMatchObject({ incidentId: id, reference: referenceOf(id), field: 'state' });
    expect(result.brokenAt.reason).toMatch(/state does not match/);
  });

  it('catches an edit to the stored JSON alone, and names the field', async () => {
    const id = ids[12] as string;
    tamper(`UPDATE incidents SET data = json_set(data, '$.notes[0].text', 'rewritten') WHERE id = ?`, id);
    expect((await verify()).brokenAt).toMatchObject({ incidentId: id, field: 'notes' });
    tamper(`UPDATE incidents SET data = json_remove(data, '$.authorBlocked') WHERE id = ?`, ids[3] as string);
    // The first disagreement in filing order is reported.
    expect((await verify()).brokenAt).toMatchObject({ incidentId: ids[3], field: 'authorBlocked' });
  });

  it('catches a changed listing column that the JSON does not show', async () => {
    const id = ids[20] as string;
    tamper(`UPDATE incidents SET severity = 'low' WHERE id = ?`, id);
    expect((await verify()).brokenAt).toMatchObject({ incidentId: id, field: 'severity' });
  });

  it('catches a deleted incident record', async () => {
    const id = ids[4] as string;
    const reference = referenceOf(id);
    tamper('DELETE FROM incidents WHERE id = ?', id);
    const gone = await verify();
    expect(gone.brokenAt).toMatchObject({ incidentId: id, reference, field: null });
    expect(gone.brokenAt.reason).toMatch(/no stored record/);
  });

  it('catches an incident record added outside the API', async () => {
    tamper(
      `INSERT INTO incidents (id, practice_ods, practice_seq, ref_year, ref_number, reference, state, severity,
         categories, platform, author_ref, created_at, updated_at, created_by_key, version, data)
       SELECT 'forged-id', practice_ods, 999, ref_year, 999, 'FORGED-0999', state, severity,
         categories, platform, author_ref, created_at, updated_at, created_by_key, version, data
       FROM incidents WHERE id = ?`,
      ids[0] as string,
    );
    const result = await verify();
    expect(result.brokenAt).toMatchObject({ incidentId: 'forged-id', reference: 'FORGED-0999', seq: 0 });
    expect(result.brokenAt.reason).toMatch(/no events/);
  });
});
