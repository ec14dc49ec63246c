import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.js';
import { purgeExpired } from '../services/retention.js';
import { createHarness, type Harness, ORIGIN, PNG_BYTES, report } from '../test-support/harness.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ODS = 'Y90001';
const POST_TEXT = 'Sam Poster here: the surgery left my mum waiting, @dr.jones is useless';
const MANAGER = { 'x-acting-user': 'mgr-7; role=manager' };
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

describe('data protection', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };

  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice(ODS);
  });
  afterEach(() => h.close());

  const file = async (overrides: Parameters<typeof report>[0] = {}) => {
    const res = await h.send('POST', `/v1/practices/${ODS}/reports`, {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report({
        text: POST_TEXT,
        author: { name: 'Sam Poster', handle: '@sam_p', kind: 'patient' },
        ...overrides,
      }),
    });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const upload = async (id: string, bytes: Uint8Array = PNG_BYTES) => {
    const res = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: bytes as never,
      contentType: 'image/png',
    });
    expect(res.status).toBe(201);
    return res.json.evidence.id as string;
  };
  const event = async (id: string, body: Record<string, unknown>) => {
    const res = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/events`, {
      key: keys.apiKey,
      headers: MANAGER,
      body,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res;
  };
  /** Evidence, triage, removal from the page, a note, closed. */
  const closeIncident = async (id: string) => {
    await upload(id);
    await event(id, { type: 'triage', categories: ['abusive'] });
    await event(id, { type: 'remove_from_page' });
    await event(id, { type: 'add_note', text: 'Rang Sam Poster’s daughter, Alex Poster, about it' });
    await event(id, { type: 'close', outcome: 'removed_by_practice' });
  };
  const verify = async (query = '') => {
    const res = await h.send('GET', `/v1/practices/${ODS}/audit/verify${query}`, { key: keys.apiKey });
    expect(res.status).toBe(200);
    return res.json;
  };
  const incident = (id: string) =>
    h.send('GET', `/v1/practices/${ODS}/incidents/${id}`, { key: keys.apiKey });
  /** Every stored text column where personal data could linger, as one string. */
  const everythingStored = () => {
    const sqlite = h.db.$client;
    const tables = ['incidents', 'incident_events', 'event_personal_data', 'idempotency_keys', 'access_log'];
    return tables
      .flatMap((table) => sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
      .map((row) => JSON.stringify(row))
      .join('\n');
  };

  describe('redact', () => {
    it('removes one incident’s personal data now; what was done stays, and the chain still verifies', async () => {
      const id = await file();
      const evidenceId = await upload(id);
      await event(id, { type: 'add_note', text: 'Sam Poster phoned again' });
      const other = await file({
        text: 'Another post that stays',
        author: { handle: '@kept', kind: 'public' },
        postUrl: 'https://www.other.example/1',
        reporter: { name: 'Kim Other' },
      });
      expect(everythingStored()).toContain('Sam Poster');

      const res = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { reason: 'Erasure request DP-2026-014' },
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.removed).toEqual({ events: 2, evidence: 1 }); // the report and the note
      expect(res.json.incident.report).toMatchObject({
        text: '[removed]',
        author: { name: '[removed]', handle: '[removed]', kind: 'patient' },
        reporter: { name: '[removed]' },
      });
      expect(res.json.incident.report.postUrl).toBeUndefined();
      expect(res.json.incident.record.personalDataRemovedAt).toBe(h.now().toISOString());
      expect(res.json.incident.notes[0].text).toBe('[removed]');
      // What was done stays: state, categories, severity, evidence hashes, every event.
      expect(res.json.incident.evidence[0]).toMatchObject({ id: evidenceId, sha256: sha256(PNG_BYTES) });

      const stored = everythingStored();
      for (const gone of ['Sam Poster', 'sam_p', 'dr.jones', 'Robin Reception', 'facebook.example/posts'])
        expect(stored, gone).not.toContain(gone);
      expect(stored).toContain('Another post that stays'); // the other incident is untouched

      const download = await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/evidence/${evidenceId}`, {
        key: keys.apiKey,
      });
      expect(download.status).toBe(410);
      expect(download.json.type).toBe('/problems/evidence-removed');

      const timeline = await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/events`, {
        key: keys.apiKey,
      });
      const items = timeline.json.items as {
        type: string;
        personalData: string;
        event: Record<string, unknown>;
      }[];
      expect(items.map((item) => item.type)).toEqual(['report', 'record_evidence', 'add_note', 'redact']);
      expect(items.slice(0, 3).map((item) => item.personalData)).toEqual(['removed', 'none', 'removed']);
      expect(items[3]?.event).toMatchObject({
        type: 'redact',
        reason: 'Erasure request DP-2026-014',
        removed: { events: 2, evidence: 1 },
        actor: { id: 'mgr-7', role: 'manager' },
      });
      expect(await verify()).toMatchObject({ intact: true, evidence: { checked: 0, removed: 1 } });
      expect((await incident(other)).json.report.text).toBe('Another post that stays');
    });

    it('leaves no copy of the removed words in the database file or its write-ahead log', async () => {
      const id = await file({ text: 'Quixotic Zebrafish said the practice is awful' });
      await upload(id, Buffer.concat([PNG_BYTES, Buffer.from('Zebrafish screenshot tail')]));
      const onDisk = () =>
        ['', '-wal']
          .map((suffix) =>
            existsSync(h.path + suffix) ? readFileSync(h.path + suffix).toString('latin1') : '',
          )
          .join('');
      expect(onDisk()).toContain('Quixotic Zebrafish');
      const res = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { reason: 'Erasure request' },
      });
      expect(res.status).toBe(200);
      expect(onDisk()).not.toContain('Zebrafish');
    });

    it('is a manager’s or partner’s: staff and keys without an acting manager get 403, nothing removed', async () => {
      const id = await file();
      for (const headers of [{}, { 'x-acting-user': 'u-2; role=staff' }] as Record<string, string>[]) {
        const res = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
          key: keys.apiKey,
          headers,
          body: { reason: 'Because' },
        });
        expect(res.status).toBe(403);
        expect(res.json.rule).toBe('manager_or_partner_only');
      }
      expect((await incident(id)).json.report.text).toBe(POST_TEXT);
      const empty = await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { reason: '  ' },
      });
      expect(empty.status).toBe(422);
    });

    it('new events after a redaction keep their own personal data until it is removed too', async () => {
      const id = await file();
      const redact = () =>
        h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
          key: keys.apiKey,
          headers: { 'x-acting-user': 'p-1; role=partner' },
          body: { reason: 'Erasure request' },
        });
      expect((await redact()).status).toBe(200);
      await event(id, { type: 'add_note', text: 'Written after the redaction' });
      expect((await incident(id)).json.notes[0].text).toBe('Written after the redaction');
      expect((await verify()).intact).toBe(true);
      const again = await redact();
      expect(again.json.removed.events).toBeGreaterThanOrEqual(2); // the note, and the first redaction's reason
      expect((await incident(id)).json.notes[0].text).toBe('[removed]');
      expect((await verify()).intact).toBe(true);
    });
  });

  describe('retention', () => {
    it('purges incidents closed longer ago than the practice’s setting on a stepping clock; legal hold stops it', async () => {
      const old = await file();
      const held = await file();
      await closeIncident(old);
      await closeIncident(held);
      const hold = await h.send('POST', `/v1/practices/${ODS}/incidents/${held}/legal-hold`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { legalHold: true, reason: 'Solicitor’s letter received' },
      });
      expect(hold.status).toBe(200);
      expect(hold.json.record.legalHold).toBe(true);
      const staffHold = await h.send('POST', `/v1/practices/${ODS}/incidents/${held}/legal-hold`, {
        key: keys.apiKey,
        body: { legalHold: false, reason: 'no' },
      });
      expect(staffHold.status).toBe(403);

      h.advance(5 * YEAR_MS);
      const recent = await file(); // closed five years after the others
      await closeIncident(recent);
      const store = new Store(h.db);

      // Step the clock a year at a time: nothing goes until ten years after closure.
      for (let year = 6; year <= 9; year += 1) {
        h.advance(YEAR_MS);
        expect(await purgeExpired(store, h.now()), `year ${year}`).toEqual([]);
      }
      h.advance(YEAR_MS + 2 * 24 * 60 * 60 * 1000);
      const purged = await purgeExpired(store, h.now());
      expect(purged.map((p) => p.incidentId)).toEqual([old]);
      expect(await purgeExpired(store, h.now())).toEqual([]); // once

      const tombstone = (await incident(old)).json;
      expect(tombstone).toMatchObject({
        state: 'closed',
        outcome: 'removed_by_practice',
        report: { text: '[removed]' },
      });
      expect(tombstone.record.personalDataRemovedAt).toBe(h.now().toISOString());
      expect((await incident(held)).json.report.text).toBe(POST_TEXT);
      expect((await incident(recent)).json.report.text).toBe(POST_TEXT);
      const timeline = await h.send('GET', `/v1/practices/${ODS}/incidents/${old}/events`, {
        key: keys.apiKey,
      });
      expect(timeline.json.items.at(-1), JSON.stringify(timeline.json.items.at(-1))).toMatchObject({
        type: 'purge',
        actor: { id: 'system:retention', role: 'system' },
        event: { retentionYears: 10, removed: { events: 2, evidence: 1 } },
      });
      expect(await verify()).toMatchObject({ intact: true, evidence: { removed: 1, checked: 2 } });

      // Lifting the hold lets the next purge take it; a practice's own setting is honoured.
      await h.send('POST', `/v1/practices/${ODS}/incidents/${held}/legal-hold`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { legalHold: false, reason: 'Claim settled' },
      });
      expect((await purgeExpired(store, h.now())).map((p) => p.incidentId)).toEqual([held]);
      const patched = await h.send('PATCH', `/v1/practices/${ODS}`, {
        key: keys.apiKey,
        body: { settings: { retention: { closedIncidentYears: 5 } } },
      });
      expect(patched.status).toBe(200);
      expect((await purgeExpired(store, h.now())).map((p) => p.incidentId)).toEqual([recent]);
      expect((await verify()).intact).toBe(true);
      const refused = await h.send('PATCH', `/v1/practices/${ODS}`, {
        key: keys.apiKey,
        body: { settings: { retention: { closedIncidentYears: 0 } } },
      });
      expect(refused.status).toBe(422);
    });
  });

  describe('subject access', () => {
    it('lists what is held about or by one person, as JSON and as a ZIP whose files match', async () => {
      const byHandle = await file();
      const evidenceId = await upload(byHandle);
      const mentioned = await file({
        text: 'Ask @SAM_P what happened, he saw it',
        author: { handle: '@witness', kind: 'public' },
      });
      await file({ text: 'Nothing about that person', author: { handle: '@someone', kind: 'public' } });
      const res = await h.send('GET', `/v1/practices/${ODS}/subject-access?handle=sam_p`, {
        key: keys.apiKey,
      });
      expect(res.status).toBe(200);
      expect(res.json.items.map((item: { incidentId: string }) => item.incidentId)).toEqual([
        byHandle,
        mentioned,
      ]);
      expect(res.json.items[0].matchedOn).toEqual(['author.handle']);
      expect(res.json.items[1].matchedOn).toEqual(['text']);
      expect(res.json.items[0].evidence[0]).toMatchObject({
        id: evidenceId,
        sha256: sha256(PNG_BYTES),
        available: true,
      });

      const byName = await h.send('GET', `/v1/practices/${ODS}/subject-access?name=robin%20reception`, {
        key: keys.apiKey,
      });
      expect(byName.json.items).toHaveLength(3);
      expect(byName.json.items[0].matchedOn).toEqual(['reporter.name']);

      const zip = await h.send('GET', `/v1/practices/${ODS}/subject-access?handle=@sam_p`, {
        key: keys.apiKey,
        headers: { accept: 'application/zip' },
      });
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(zip.bytes);
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
      expect(manifest.items).toEqual(res.json.items);
      const path = manifest.items[0].evidence[0].file as string;
      expect(sha256(files[path] as Uint8Array)).toBe(sha256(PNG_BYTES));
      const csv = strFromU8(files['manifest.csv'] as Uint8Array)
        .trim()
        .split('\r\n');
      expect(csv).toHaveLength(3);
      expect(csv[1]).toContain(POST_TEXT);

      const none = await h.send('GET', `/v1/practices/${ODS}/subject-access`, { key: keys.apiKey });
      expect(none.status).toBe(422);
    });

    it('finds nothing once the person’s data was removed', async () => {
      const id = await file();
      await h.send('POST', `/v1/practices/${ODS}/incidents/${id}/redact`, {
        key: keys.apiKey,
        headers: MANAGER,
        body: { reason: 'Erasure request' },
      });
      const res = await h.send('GET', `/v1/practices/${ODS}/subject-access?handle=sam_p&name=removed`, {
        key: keys.apiKey,
      });
      expect(res.json.items).toEqual([]);
    });
  });

  describe('access log', () => {
    it('records who read or downloaded which record, newest first, paginated, without post text', async () => {
      const id = await file();
      const evidenceId = await upload(id);
      const reader = { 'x-acting-user': 'reader-1; role=partner' };
      await h.send('GET', `/v1/practices/${ODS}/incidents/${id}`, { key: keys.apiKey, headers: reader });
      await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/events`, { key: keys.apiKey });
      await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/evidence/${evidenceId}`, {
        key: keys.apiKey,
      });
      await h.send('GET', `/v1/practices/${ODS}/subject-access?name=Sam%20Poster`, { key: keys.apiKey });
      await h.send('GET', `/v1/practices/${ODS}/subject-access?name=Sam%20Poster`, {
        key: keys.apiKey,
        headers: { accept: 'application/zip' },
      });
      const all = await h.send('GET', `/v1/practices/${ODS}/access-log`, { key: keys.apiKey });
      expect(all.status).toBe(200);
      expect(
        all.json.items.map((item: { action: string }) => item.action),
        JSON.stringify(all.json),
      ).toEqual([
        'subject_access.export',
        'subject_access.search',
        'evidence.download',
        'incident.events.read',
        'incident.read',
      ]);
      expect(all.json.items[4]).toMatchObject({
        incidentId: id,
        reference: `${ODS}-2026-0001`,
        actor: { id: 'reader-1', role: 'partner' },
      });
      expect(all.json.items[2].evidenceId).toBe(evidenceId);
      expect(JSON.stringify(all.json)).not.toMatch(/Sam|Poster|useless/);

      const first = await h.send('GET', `/v1/practices/${ODS}/access-log?limit=2`, { key: keys.apiKey });
      const second = await h.send(
        'GET',
        `/v1/practices/${ODS}/access-log?limit=2&cursor=${first.json.nextCursor}`,
        {
          key: keys.apiKey,
        },
      );
      expect([...first.json.items, ...second.json.items].map((item: { id: number }) => item.id)).toEqual(
        all.json.items.slice(0, 4).map((item: { id: number }) => item.id),
      );
      const ofIncident = await h.send('GET', `/v1/practices/${ODS}/access-log?incidentId=${id}`, {
        key: keys.apiKey,
      });
      expect(ofIncident.json.items).toHaveLength(5);
      expect(
        (await h.send('GET', `/v1/practices/${ODS}/access-log?cursor=nope`, { key: keys.apiKey })).status,
      ).toBe(422);
    });
  });

  describe('evidence in the audit', () => {
    it('a flipped byte in stored evidence: verify names it, the download refuses it; restored, both are well', async () => {
      const id = await file();
      const evidenceId = await upload(id);
      const tamper = new Database(h.path);
      try {
        const { bytes } = tamper
          .prepare('SELECT bytes FROM evidence_chunks WHERE evidence_id = ? AND idx = 0')
          .get(evidenceId) as { bytes: Buffer };
        const changed = Buffer.from(bytes);
        changed[40] = (changed[40] as number) ^ 1;
        const setChunk = tamper.prepare(
          'UPDATE evidence_chunks SET bytes = ? WHERE evidence_id = ? AND idx = 0',
        );
        setChunk.run(changed, evidenceId);
        const result = await verify();
        expect(result.intact).toBe(false);
        expect(result.brokenAt).toMatchObject({ evidenceId, incidentId: id, field: 'evidence' });
        const download = await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/evidence/${evidenceId}`, {
          key: keys.apiKey,
        });
        expect(download.status).toBe(409);
        expect(download.json.type).toBe('/problems/evidence-integrity');
        // Changing the row's hash to match does not help: the chain recorded the original.
        tamper.prepare('UPDATE evidence SET sha256 = ? WHERE id = ?').run(sha256(changed), evidenceId);
        expect((await verify()).brokenAt?.evidenceId).toBe(evidenceId);
        const again = await h.send('GET', `/v1/practices/${ODS}/incidents/${id}/evidence/${evidenceId}`, {
          key: keys.apiKey,
        });
        expect(again.status).toBe(409);
        setChunk.run(bytes, evidenceId);
        tamper.prepare('UPDATE evidence SET sha256 = ? WHERE id = ?').run(sha256(bytes), evidenceId);
        expect((await verify()).intact).toBe(true);
        // A deleted row.
        const row = tamper.prepare('SELECT * FROM evidence WHERE id = ?').get(evidenceId) as Record<
          string,
          unknown
        >;
        tamper.pragma('foreign_keys = OFF');
        tamper.prepare('DELETE FROM evidence WHERE id = ?').run(evidenceId);
        expect((await verify()).brokenAt).toMatchObject({
          evidenceId,
          reason: expect.stringMatching(/missing/),
        });
        const columns = Object.keys(row);
        tamper
          .prepare(
            `INSERT INTO evidence (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          .run(...Object.values(row));
        expect((await verify()).intact).toBe(true);
      } finally {
        tamper.close();
      }
    });
  });

  describe('checkpoints', () => {
    it('a signed checkpoint proves the chain still contains it; truncation after it fails', async () => {
      const first = await file();
      await event(first, { type: 'add_note', text: 'earlier' });
      await file();
      const checkpoint = await h.send('GET', `/v1/practices/${ODS}/audit/checkpoint`, { key: keys.apiKey });
      expect(checkpoint.status).toBe(200);
      expect(checkpoint.json).toMatchObject({ ods: ODS, seq: 3 });
      const key = await h.send('GET', `/v1/practices/${ODS}/audit/public-key`, { key: keys.apiKey });
      expect(key.json).toMatchObject({ algorithm: 'Ed25519', keyId: checkpoint.json.keyId });
      // Anyone can check the signature with the public key alone.
      const { createPublicKey, verify: check } = await import('node:crypto');
      const c = checkpoint.json;
      const statement = `policy-audit-checkpoint/v1\n${c.ods}\n${c.seq}\n${c.head}\n${c.at}`;
      expect(
        check(
          null,
          Buffer.from(statement),
          createPublicKey(key.json.publicKey),
          Buffer.from(c.signature, 'base64url'),
        ),
      ).toBe(true);

      const since = `?since=${checkpoint.json.token}`;
      const before = await verify(since);
      expect(before, JSON.stringify(before)).toMatchObject({
        intact: true,
        checkpoints: [{ seq: 3, contained: true }],
      });

      // Truncate: the newest event and its incident deleted, the head stepped back one.
      const tamper = new Database(h.path);
      try {
        tamper.pragma('foreign_keys = OFF');
        const newest = tamper
          .prepare(
            'SELECT id, incident_id AS incidentId FROM incident_events WHERE practice_ods = ? ORDER BY seq DESC LIMIT 1',
          )
          .get(ODS) as { id: string; incidentId: string };
        tamper.prepare('DELETE FROM incident_events WHERE id = ?').run(newest.id);
        const second = newest.incidentId;
        tamper.prepare('DELETE FROM event_personal_data WHERE incident_id = ?').run(second);
        tamper.prepare('DELETE FROM incidents WHERE id = ?').run(second);
        const head = tamper
          .prepare('SELECT seq, hash FROM incident_events WHERE practice_ods = ? ORDER BY seq DESC LIMIT 1')
          .get(ODS) as { seq: number; hash: string };
        tamper
          .prepare('UPDATE practices SET chain_seq = ?, chain_head = ? WHERE ods = ?')
          .run(head.seq, head.hash, ODS);
      } finally {
        tamper.close();
      }
      expect((await verify()).intact).toBe(true); // without the checkpoint, it looks whole
      const result = await verify(since);
      expect(result.intact).toBe(false);
      expect(result.brokenAt).toMatchObject({
        seq: 3,
        field: 'checkpoint',
        reason: expect.stringMatching(/truncated/),
      });
    });

    it('refuses a checkpoint that was altered, or is another practice’s, with 422', async () => {
      await file();
      const checkpoint = (await h.send('GET', `/v1/practices/${ODS}/audit/checkpoint`, { key: keys.apiKey }))
        .json;
      const forged = Buffer.from(
        JSON.stringify({ ...checkpoint, token: undefined, seq: 0, head: '' }),
      ).toString('base64url');
      for (const since of [
        forged,
        'not-a-checkpoint',
        encodeURIComponent(JSON.stringify({ ...checkpoint, ods: 'Y90002' })),
      ]) {
        const res = await h.send('GET', `/v1/practices/${ODS}/audit/verify?since=${since}`, {
          key: keys.apiKey,
        });
        expect(res.status, since).toBe(422);
      }
    });

    it('a stored checkpoint is checked by every verify', async () => {
      await file();
      await file();
      const store = new Store(h.db);
      const { recordCheckpoints } = await import('../audit/checkpoints.js');
      const signer = (await import('../audit/signing.js')).loadAuditSigner({ databasePath: h.path });
      const made = await store.write(() => recordCheckpoints(store, signer, h.now()));
      expect(made).toHaveLength(1);
      expect(await store.write(() => recordCheckpoints(store, signer, h.now()))).toHaveLength(0); // unchanged head
      expect((await verify()).checkpoints).toEqual([
        expect.objectContaining({ seq: 2, source: 'stored', contained: true }),
      ]);
      const tamper = new Database(h.path);
      try {
        tamper.prepare("UPDATE audit_checkpoints SET head = 'x' || substr(head, 2)").run();
        expect((await verify()).brokenAt?.reason).toMatch(/signature/);
      } finally {
        tamper.close();
      }
    });
  });
});
