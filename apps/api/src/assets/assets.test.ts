import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from './assets.index.js';

// Served over a real loopback HTTP server, compared with the file @policy/widgets built.
const built = readFileSync(createRequire(import.meta.url).resolve('@policy/widgets/bundle'));
const sha384 = `sha384-${createHash('sha384').update(built).digest('base64')}`;

describe('widget assets', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = serve({ fetch: assets.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the stable bundle with a short cache, an ETag, CORS for any origin, and 304 when unchanged', async () => {
    const response = await fetch(`${origin}/widgets/policy-widgets.js`, {
      headers: { origin: 'https://gp.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await response.arrayBuffer()).equals(built)).toBe(true);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{16}(-br|-gzip)?"$/);

    const again = await fetch(`${origin}/widgets/policy-widgets.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(`${origin}/widgets/policy-widgets.js`, {
      headers: { 'if-none-match': '"other"' },
    });
    expect(changed.status).toBe(200);
  });

  it('sends brotli, gzip or plain bytes as the client accepts, each with its own ETag', async () => {
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${origin}/widgets/policy-widgets.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
        }).on('error', reject);
      });
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);
    expect(br.body.length).toBeLessThan(built.length / 2);
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(built)).toBe(true);
    const plain = await raw('br;q=0, identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(built)).toBe(true);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(br.headers.vary).toBe('Accept-Encoding');
  });

  it('publishes the content-hashed path and its SRI integrity; that path is immutable', async () => {
    const manifest = (await (await fetch(`${origin}/widgets/manifest.json`)).json()) as {
      file: string;
      integrity: string;
      snippet: string;
    };
    expect(manifest.integrity).toBe(sha384);
    expect(manifest.file).toMatch(/^\/widgets\/policy-widgets\.[0-9a-f]{16}\.js$/);
    expect(manifest.snippet).toBe(
      `<script type="module" src="${origin}${manifest.file}" integrity="${sha384}" crossorigin="anonymous"></script>`,
    );
    const hashed = await fetch(`${origin}${manifest.file}`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await hashed.arrayBuffer());
    expect(`sha384-${createHash('sha384').update(body).digest('base64')}`).toBe(manifest.integrity);
  });

  it('answers 404 problem+json for other versions, unknown files and path tricks', async () => {
    for (const path of [
      '/widgets/policy-widgets.0000000000000000.js',
      '/widgets/other.js',
      '/widgets/chunks/..%2F..%2Fpackage.json',
      '/widgets/chunks/nope.js',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
