// The real server on loopback against slow and greedy clients (issue 9, items 3, 8 and 10): headers
// and bodies have deadlines, connections are capped, and the database is private to its user.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const sockets: Socket[] = [];

/** A raw connection that records what it receives and when it is closed. */
function rawClient(port: number, allowHalfOpen = false) {
  // allowHalfOpen: the client does not end its side when the server ends its own (still sending).
  const socket = connect({ host: '127.0.0.1', port, allowHalfOpen });
  sockets.push(socket);
  const state = { received: '', closed: false, connected: false };
  socket.setEncoding('utf8');
  socket.on('connect', () => {
    state.connected = true;
  });
  socket.on('data', (chunk: string) => {
    state.received += chunk;
  });
  socket.on('close', () => {
    state.closed = true;
  });
  socket.on('error', () => {});
  return { socket, state };
}

/** Sends `bytes` one character every `everyMs` until the server closes the connection (bounded). */
async function trickle(socket: Socket, state: { closed: boolean }, text: string, everyMs: number) {
  for (let i = 0; i < text.length && !state.closed; i++) {
    socket.write(text[i] as string);
    await sleep(everyMs);
  }
}

describe('server limits on a real loopback server', () => {
  let dir: string;
  let server: RunningServer | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-limits-'));
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (extra: Partial<Parameters<typeof startServer>[0]> = {}) =>
    startServer({
      port: 0,
      hostname: '127.0.0.1',
      databasePath: join(dir, 'data', 'policy.sqlite'),
      demo: false,
      log: () => {},
      ...extra,
    });

  it('closes a connection whose headers trickle in past the headers deadline, with 408', {
    timeout: 15_000,
  }, async () => {
    server = await start({ timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 } });
    const { socket, state } = rawClient(server.port);
    const started = Date.now();
    // 60 header bytes at one per 100 ms would take 6 s; the deadline is 0.4 s.
    await trickle(
      socket,
      state,
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(40)}\r\n\r\n`,
      100,
    );
    for (let i = 0; i < 30 && !state.closed; i++) await sleep(100);
    expect(state.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(state.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body trickles in past the request deadline', {
    timeout: 15_000,
  }, async () => {
    server = await start({ timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 } });
    const { socket, state } = rawClient(server.port);
    const started = Date.now();
    // Chunked, so the server reads the body as it comes (the body limit counts it before anything else).
    socket.write(
      'POST /v1/practices HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    await trickle(socket, state, '1\r\na\r\n'.repeat(12), 100);
    for (let i = 0; i < 30 && !state.closed; i++) await sleep(100);
    expect(state.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('caps open connections: one over the cap is dropped, and a freed slot is usable again', {
    timeout: 15_000,
  }, async () => {
    server = await start({ maxConnections: 3 });
    const held = [rawClient(server.port), rawClient(server.port), rawClient(server.port)];
    for (let i = 0; i < 20 && !held.every((c) => c.state.connected); i++) await sleep(25);
    await sleep(100);
    const extra = rawClient(server.port);
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    for (let i = 0; i < 40 && !extra.state.closed; i++) await sleep(25);
    expect(extra.state.closed).toBe(true);
    expect(extra.state.received).toBe('');
    held[0]?.socket.destroy();
    await sleep(100);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (const client of held) client.socket.destroy();
  });

  it('creates the database folder 0700 and the database, its WAL and SHM 0600', async () => {
    server = await start({ bootstrapAdminKey: 'ak_limits_test_bootstrap_key_0001' });
    const created = await fetch(`${server.url}/v1/practices`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer ak_limits_test_bootstrap_key_0001',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ods: 'Y90088', name: 'Private Files Surgery' }),
    });
    expect(created.status).toBe(201);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(dir, 'data'))).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm'])
      expect(mode(join(dir, 'data', `policy.sqlite${suffix}`)), suffix || 'database').toBe(0o600);
    expect(mode(join(dir, 'data', '.uploads'))).toBe(0o700);
  });

  describe('a form refused while its body is still arriving (issue 9)', () => {
    const BOUNDARY = 'unread-body-boundary';
    const reportPart = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"\r\nContent-Type: application/json\r\n\r\n{}\r\n`;
    const fieldParts = (bytes: number) => {
      const part = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"\r\n\r\nx\r\n`;
      return Buffer.from(part.repeat(Math.ceil(bytes / part.length)));
    };
    const MIB = 1024 * 1024;

    /** Resolves when `socket` can take more (true), or false if it has not after `ms`. */
    const drained = (socket: Socket, ms: number) =>
      new Promise<boolean>((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          socket.off('drain', onDrain).off('close', onClose);
          resolve(value);
        };
        const onDrain = () => done(true);
        const onClose = () => done(false);
        const timer = setTimeout(() => done(false), ms);
        socket.on('drain', onDrain).on('close', onClose);
      });

    it('answers 413 with Connection: close, then reads no more of the body and closes the connection', {
      timeout: 20_000,
    }, async () => {
      server = await start({ demo: true });
      const { reportKey } = server.demoKeys ?? { reportKey: '' };
      const { socket, state } = rawClient(server.port);
      const total = 96 * MIB;
      socket.write(
        `POST /v1/practices/Y90001/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:${server.port}\r\nX-Report-Key: ${reportKey}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${total}\r\n\r\n${reportPart}`,
      );
      // One-byte parts, a MiB at a time, for as long as the server takes them.
      const chunk = fieldParts(MIB);
      let sent = 0;
      let sentAtAnswer: number | undefined;
      socket.once('data', () => {
        sentAtAnswer = sent - socket.writableLength;
      });
      while (sent + chunk.length < total && !state.closed) {
        sent += chunk.length;
        if (!socket.write(chunk) && !(await drained(socket, 1000))) break;
      }
      for (let i = 0; i < 50 && !state.closed; i++) await sleep(100);
      const sentInAll = sent - socket.writableLength;

      expect(state.received).toMatch(/^HTTP\/1\.1 413 /);
      expect(state.received).toMatch(/\r\nconnection: close\r\n/i);
      expect(state.received).toMatch(/application\/problem\+json[\s\S]*"status":413/);
      // The server stopped reading at the answer: what the client got off its hands after that fits
      // in the two sockets' kernel buffers (a few MiB), not the 64 MiB a drain reads and discards.
      expect(sentAtAnswer).toBeDefined();
      expect(sentInAll - (sentAtAnswer ?? 0)).toBeLessThan(16 * MIB);
      expect(sentInAll).toBeLessThan(24 * MIB);
      // And the connection ended (the answer went first, with time for the client to read it).
      expect(state.closed).toBe(true);
    });

    it('keeps at most maxLingering refused connections lingering: one more drops the oldest', {
      timeout: 20_000,
    }, async () => {
      server = await start({ demo: true, unreadBody: { lingerMs: 15_000, maxLingering: 2 } });
      const { reportKey } = server.demoKeys ?? { reportKey: '' };
      const refused = async () => {
        const { socket, state } = rawClient(server?.port ?? 0, true);
        socket.write(
          `POST /v1/practices/Y90001/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:${server?.port}\r\nX-Report-Key: ${reportKey}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${64 * MIB}\r\n\r\n${reportPart}`,
        );
        socket.write(fieldParts(256 * 1024));
        for (let i = 0; i < 100 && !state.received.includes('\r\n\r\n'); i++) await sleep(20);
        expect(state.received).toMatch(/^HTTP\/1\.1 413 /);
      };
      await refused();
      await refused();
      for (let i = 0; i < 50 && server.lingering() < 2; i++) await sleep(20);
      expect(server.lingering()).toBe(2);
      await refused();
      await sleep(100);
      // The third took the oldest's place instead of adding to them (it would be 3 for 15 s).
      expect(server.lingering()).toBe(2);
    });

    it('a real HTTP client gets the 413 while it is still sending the body', {
      timeout: 20_000,
    }, async () => {
      server = await start({ demo: true });
      const { reportKey } = server.demoKeys ?? { reportKey: '' };
      const { port } = server;
      const answer = await new Promise<{ status: number; connection?: string; body: string; sent: number }>(
        (resolve, reject) => {
          let sent = 0;
          const req = request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/v1/practices/Y90001/reports',
              headers: {
                'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
                'content-length': 8 * MIB,
                'x-report-key': reportKey,
                origin: `http://127.0.0.1:${port}`,
              },
            },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (text: string) => {
                body += text;
              });
              res.on('end', () => {
                resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body, sent });
                req.destroy();
              });
            },
          );
          req.on('error', reject);
          // The report and 64 KiB of parts, then nothing more until the answer has come.
          const first = Buffer.concat([Buffer.from(reportPart), fieldParts(64 * 1024)]);
          sent = first.length;
          req.write(first);
        },
      );
      expect(answer.status).toBe(413);
      expect(answer.connection).toBe('close');
      expect(JSON.parse(answer.body)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
      expect(answer.sent).toBeLessThan(8 * MIB);
    });
  });
});
