// Evidence bytes are stored in 256 KiB chunks (db/schema.ts evidence_chunks): stored from the spool a
// chunk at a time, checked a chunk at a time before a download and streamed after it, exported and
// removed by chunk. These tests look at the chunks in the SQLite file itself.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVIDENCE_CHUNK_BYTES } from '../db/store.js';
import { startServer } from '../server.js';
import { createHarness, type Harness, ORIGIN, PNG_BYTES, report } from '../test-support/harness.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PNG_SIGNATURE = PNG_BYTES.subarray(0, 8);
const MANAGER = { 'x-acting-user': 'mgr-1; role=manager' };

/** A PNG-signed file of `size` bytes whose chunks all differ. */
function screenshot(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

describe('evidence stored in chunks', () => {
  let h: Harness;
  let keys: { apiKey: string; reportKey: string };
  let id: string;
  let tamper: Database.Database;
  beforeEach(async () => {
    h = createHarness();
    keys = await h.practice('Y90001');
    const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      body: report(),
    });
    id = filed.json.id;
    tamper = new Database(h.path);
    tamper.pragma('busy_timeout = 5000');
  });
  afterEach(() => {
    tamper.close();
    h.close();
  });

  const upload = async (bytes: Uint8Array, contentType = 'image/png') => {
    const res = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: bytes as never,
      contentType,
    });
    expect(res.status, res.text).toBe(201);
    return res.json.evidence.id as string;
  };
  const download = (evidenceId: string) =>
    h.request(`/v1/practices/Y90001/incidents/${id}/evidence/${evidenceId}`, {
      headers: { authorization: `Bearer ${keys.apiKey}` },
    });
  const verify = async () =>
    (await h.send('GET', '/v1/practices/Y90001/audit/verify', { key: keys.apiKey })).json as {
      intact: boolean;
      brokenAt: { evidenceId: string | null; reason: string } | null;
    };
  const chunks = (evidenceId: string) =>
    tamper
      .prepare('SELECT idx, bytes FROM evidence_chunks WHERE evidence_id = ? ORDER BY idx')
      .all(evidenceId) as { idx: number; bytes: Buffer }[];
  const spoolFiles = () => readdirSync(join(h.path, '..', '.uploads'));

  it('stores a file as 256 KiB chunks in order and serves it back whole, with its length and SHA-256', async () => {
    const bytes = screenshot(5 * 1024 * 1024);
    const evidenceId = await upload(bytes);
    const stored = chunks(evidenceId);
    expect(stored.map((chunk) => chunk.idx)).toEqual([...Array(20).keys()]);
    expect(stored.every((chunk) => chunk.bytes.length === EVIDENCE_CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(stored.map((chunk) => chunk.bytes)).equals(bytes)).toBe(true);
    const res = await download(evidenceId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('x-content-sha256')).toBe(sha256(bytes));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    // The spooled copy is gone once stored.
    expect(spoolFiles()).toEqual([]);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('stores a file sent as multipart, and one filed with a report, in chunks too', async () => {
    const form = new FormData();
    const bytes = screenshot(600 * 1024, 2);
    form.set('file', new Blob([bytes], { type: 'image/png' }), 'shot.png');
    const res = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: form,
    });
    expect(res.status).toBe(201);
    expect(chunks(res.json.evidence.id).map((chunk) => chunk.bytes.length)).toEqual([
      EVIDENCE_CHUNK_BYTES,
      EVIDENCE_CHUNK_BYTES,
      600 * 1024 - 2 * EVIDENCE_CHUNK_BYTES,
    ]);
    const filing = new FormData();
    filing.set('report', JSON.stringify(report()));
    const shot = screenshot(300 * 1024, 3);
    filing.append('screenshot', new Blob([shot], { type: 'image/png' }), 'a.png');
    const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
      reportKey: keys.reportKey,
      origin: ORIGIN,
      rawBody: filing,
    });
    expect(filed.status, filed.text).toBe(201);
    const stored = chunks(filed.json.evidence[0].id);
    expect(stored).toHaveLength(2);
    expect(Buffer.concat(stored.map((chunk) => chunk.bytes)).equals(shot)).toBe(true);
    expect(spoolFiles()).toEqual([]);
  });

  it('takes chunks of any size (rows migrated or written by another tool)', async () => {
    const bytes = screenshot(700 * 1024, 4);
    const evidenceId = await upload(bytes);
    const rewrite = tamper.transaction((cuts: number[]) => {
      tamper.prepare('DELETE FROM evidence_chunks WHERE evidence_id = ?').run(evidenceId);
      let from = 0;
      cuts.forEach((to, idx) => {
        tamper
          .prepare(
            "INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, 'Y90001', ?, ?)",
          )
          .run(evidenceId, idx, bytes.subarray(from, to));
        from = to;
      });
    });
    for (const cuts of [[bytes.length], [7, 100_000, 650_000, bytes.length]]) {
      rewrite(cuts);
      const res = await download(evidenceId);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      expect((await verify()).intact).toBe(true);
    }
  });

  it('never serves a file whose chunks are missing, added or out of order (409), and verify names it', async () => {
    const bytes = screenshot(700 * 1024, 5);
    const evidenceId = await upload(bytes);
    const swapFirstTwo = () => {
      const move = tamper.prepare('UPDATE evidence_chunks SET idx = ? WHERE evidence_id = ? AND idx = ?');
      tamper.transaction(() => {
        move.run(-1, evidenceId, 0);
        move.run(0, evidenceId, 1);
        move.run(1, evidenceId, -1);
      })();
    };
    const damages: [string, () => void, () => void][] = [
      [
        'missing',
        () => tamper.prepare('DELETE FROM evidence_chunks WHERE evidence_id = ? AND idx = 1').run(evidenceId),
        () =>
          tamper
            .prepare(
              "INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, 'Y90001', 1, ?)",
            )
            .run(evidenceId, bytes.subarray(EVIDENCE_CHUNK_BYTES, 2 * EVIDENCE_CHUNK_BYTES)),
      ],
      [
        'added',
        () =>
          tamper
            .prepare(
              "INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, 'Y90001', 3, ?)",
            )
            .run(evidenceId, Buffer.from('more')),
        () => tamper.prepare('DELETE FROM evidence_chunks WHERE evidence_id = ? AND idx = 3').run(evidenceId),
      ],
      // Swapping chunks 0 and 1 is its own undoing.
      ['swapped', swapFirstTwo, swapFirstTwo],
      [
        'renumbered',
        () =>
          tamper
            .prepare('UPDATE evidence_chunks SET idx = 5 WHERE evidence_id = ? AND idx = 2')
            .run(evidenceId),
        () =>
          tamper
            .prepare('UPDATE evidence_chunks SET idx = 2 WHERE evidence_id = ? AND idx = 5')
            .run(evidenceId),
      ],
    ];
    for (const [what, damage, repair] of damages) {
      damage();
      const res = await download(evidenceId);
      expect(res.status, what).toBe(409);
      expect(((await res.json()) as { type: string }).type).toBe('/problems/evidence-integrity');
      expect((await verify()).brokenAt?.evidenceId, what).toBe(evidenceId);
      repair();
      expect((await download(evidenceId)).status, what).toBe(200);
      expect((await verify()).intact, what).toBe(true);
    }
  });

  it('withholds the last chunk and fails the body when the bytes change after the check', async () => {
    const bytes = screenshot(700 * 1024, 6);
    const evidenceId = await upload(bytes);
    const res = await download(evidenceId);
    expect(res.status).toBe(200);
    // Checked whole already; now the last chunk changes before it is read.
    const last = Buffer.from(chunks(evidenceId)[2]?.bytes as Buffer);
    last[10] = (last[10] as number) ^ 0xff;
    tamper
      .prepare('UPDATE evidence_chunks SET bytes = ? WHERE evidence_id = ? AND idx = 2')
      .run(last, evidenceId);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received += value.length;
        }
      })(),
    ).rejects.toThrow(/changed while they were served/);
    expect(received).toBeLessThan(bytes.length);
  });

  it('checks a text capture a chunk at a time: a character split across chunks is fine, a bad byte anywhere is refused', async () => {
    // "é" is two bytes; put one across the first chunk boundary.
    const text = `${'a'.repeat(EVIDENCE_CHUNK_BYTES - 1)}é${'b'.repeat(1000)}`;
    const bytes = new TextEncoder().encode(text);
    const evidenceId = await upload(bytes, 'text/plain; charset=utf-8');
    expect(chunks(evidenceId).map((chunk) => chunk.bytes.length)).toEqual([
      EVIDENCE_CHUNK_BYTES,
      bytes.length - EVIDENCE_CHUNK_BYTES,
    ]);
    expect(await (await download(evidenceId)).text()).toBe(text);
    const bad = Buffer.from(bytes);
    bad[EVIDENCE_CHUNK_BYTES + 500] = 0x00;
    const refused = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/evidence`, {
      key: keys.apiKey,
      rawBody: bad as never,
      contentType: 'text/plain',
    });
    expect(refused.status).toBe(415);
    expect(spoolFiles()).toEqual([]);
  });

  it('exports the chunks into the subject-access ZIP, and removal deletes every chunk', async () => {
    const shot = screenshot(600 * 1024, 7);
    const text = new TextEncoder().encode(`Copied from the post: ${'they are useless '.repeat(40_000)}`);
    const shotId = await upload(shot);
    const textId = await upload(text, 'text/plain');
    const zip = await h.send('GET', '/v1/practices/Y90001/subject-access?name=robin%20reception', {
      key: keys.apiKey,
      headers: { accept: 'application/zip' },
    });
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.bytes);
    const paths = Object.keys(files);
    const shotPath = paths.find((path) => path.includes(shotId)) as string;
    const textPath = paths.find((path) => path.includes(textId)) as string;
    expect(Buffer.from(files[shotPath] as Uint8Array).equals(shot)).toBe(true);
    expect(Buffer.from(files[textPath] as Uint8Array).equals(Buffer.from(text))).toBe(true);

    const redacted = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/redact`, {
      key: keys.apiKey,
      headers: MANAGER,
      body: { reason: 'Erasure request' },
    });
    expect(redacted.status).toBe(200);
    expect(redacted.json.removed.evidence).toBe(2);
    expect(tamper.prepare('SELECT count(*) AS n FROM evidence_chunks').get()).toEqual({ n: 0 });
    expect((await download(shotId)).status).toBe(410);
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('verify reports chunks left beside removed evidence, and chunks whose evidence row is gone', async () => {
    const shot = screenshot(300 * 1024, 8);
    const evidenceId = await upload(shot);
    const saved = chunks(evidenceId);
    const redacted = await h.send('POST', `/v1/practices/Y90001/incidents/${id}/redact`, {
      key: keys.apiKey,
      headers: MANAGER,
      body: { reason: 'Erasure request' },
    });
    expect(redacted.status).toBe(200);
    expect(await verify()).toMatchObject({ intact: true });
    const put = tamper.prepare(
      "INSERT INTO evidence_chunks (evidence_id, practice_ods, idx, bytes) VALUES (?, 'Y90001', ?, ?)",
    );
    put.run(evidenceId, 0, saved[0]?.bytes);
    expect((await verify()).brokenAt).toMatchObject({
      evidenceId,
      reason: expect.stringMatching(/still stored/),
    });
    tamper.prepare('DELETE FROM evidence_chunks').run();
    tamper.pragma('foreign_keys = OFF');
    put.run('0190a0a0-0000-7000-8000-000000000000', 0, Buffer.from('left over'));
    expect((await verify()).brokenAt).toMatchObject({
      evidenceId: '0190a0a0-0000-7000-8000-000000000000',
      reason: expect.stringMatching(/row is missing/),
    });
  });
});

describe('the daily upload quota with evidence in chunks', () => {
  it('counts stored evidence by its size, and refuses a raw upload over the quota as it streams', async () => {
    const h = createHarness({ uploads: { dailyQuotaBytes: 1024 * 1024 } });
    try {
      const keys = await h.practice('Y90001');
      const filed = await h.send('POST', '/v1/practices/Y90001/reports', {
        reportKey: keys.reportKey,
        origin: ORIGIN,
        body: report(),
      });
      const send = (bytes: Uint8Array) =>
        h.send('POST', `/v1/practices/Y90001/incidents/${filed.json.id}/evidence`, {
          key: keys.apiKey,
          rawBody: bytes as never,
          contentType: 'image/png',
        });
      expect((await send(screenshot(600 * 1024, 11))).status).toBe(201);
      const over = await send(screenshot(600 * 1024, 12));
      expect(over.status).toBe(413);
      expect(over.json).toMatchObject({ type: '/problems/upload-quota-exceeded', usedBytes: 600 * 1024 });
      expect((await send(screenshot(400 * 1024, 13))).status).toBe(201);
      expect(h.db.$client.prepare('SELECT sum(length(bytes)) AS n FROM evidence_chunks').get()).toEqual({
        n: 1000 * 1024,
      });
      expect(readdirSync(join(h.path, '..', '.uploads'))).toEqual([]);
      // A form refused by the quota while its file streams: its spool file, opened a moment before,
      // is removed too.
      const form = new FormData();
      form.set('file', new Blob([screenshot(600 * 1024, 14)], { type: 'image/png' }), 'shot.png');
      const refused = await h.send('POST', `/v1/practices/Y90001/incidents/${filed.json.id}/evidence`, {
        key: keys.apiKey,
        rawBody: form,
      });
      expect(refused.status).toBe(413);
      expect(readdirSync(join(h.path, '..', '.uploads'))).toEqual([]);
    } finally {
      h.close();
    }
  });
});

describe('evidence over a real HTTP server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-evidence-server-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streams a raw upload sent in pieces to the spool, refuses one over 5 MiB as it arrives, and downloads by chunk', async () => {
    const admin = 'ak_evidence_server_test_bootstrap_key';
    const server = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'data', 'policy.sqlite'),
      bootstrapAdminKey: admin,
      log: () => {},
    });
    try {
      const post = async (path: string, key: string, body: unknown) => {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status, path).toBe(201);
        return (await res.json()) as Record<string, string>;
      };
      await post('/v1/practices', admin, { ods: 'Y90077', name: 'Loopback Surgery' });
      const { key } = await post('/v1/practices/Y90077/keys', admin, {
        type: 'api',
        scopes: ['incidents:read', 'incidents:write'],
      });
      const { id } = await post('/v1/practices/Y90077/incidents', key as string, report());
      /** A body sent in 64 KiB pieces with no Content-Length (chunked). */
      const pieces = (bytes: Buffer) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
              controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
            controller.close();
          },
        });
      const send = (bytes: Buffer) =>
        fetch(`${server.url}/v1/practices/Y90077/incidents/${id}/evidence`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'image/png' },
          body: pieces(bytes),
          duplex: 'half',
        } as RequestInit);
      const bytes = screenshot(5 * 1024 * 1024, 9);
      const stored = await send(bytes);
      expect(stored.status).toBe(201);
      const evidence = ((await stored.json()) as { evidence: { id: string; sha256: string } }).evidence;
      expect(evidence.sha256).toBe(sha256(bytes));
      const over = await send(screenshot(5 * 1024 * 1024 + 1, 10));
      expect(over.status).toBe(413);
      expect(((await over.json()) as { detail: string }).detail).toMatch(/at most 5 MiB/);
      expect(readdirSync(join(dir, 'data', '.uploads'))).toEqual([]);
      const back = await fetch(`${server.url}/v1/practices/Y90077/incidents/${id}/evidence/${evidence.id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(back.status).toBe(200);
      expect(back.headers.get('content-length')).toBe(String(bytes.length));
      expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
      const count = server.db.$client
        .prepare('SELECT count(*) AS n FROM evidence_chunks WHERE evidence_id = ?')
        .get(evidence.id);
      expect(count).toEqual({ n: 20 });
    } finally {
      await server.close();
    }
  });
});
