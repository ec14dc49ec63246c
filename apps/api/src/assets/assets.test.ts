import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
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
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);

    const again = await fetch(`${origin}/widgets/policy-widgets.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(`${origin}/widgets/policy-widgets.js`, {
      headers: { 'if-none-match': '"other"' },
    });
    expect(changed.status).toBe(200);
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
