// A small real HTTP server on loopback: the built bundle under /widgets/, test pages, and a stand-in
// for `GET /v1/practices/{ods}/public` with optional delay, so component tests need no API.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** Strict policy for test pages: same-origin scripts, styles and fetches only; no inline, no eval. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticResource {
  body: string | Buffer;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (simulates a slow network). */
  delayMs?: number;
}

export interface TestServer {
  origin: string;
  /** Paths requested, in order (query strings included). */
  hits: string[];
  /** Adds or replaces a resource at an absolute path. */
  set: (path: string, resource: StaticResource | ((req: IncomingMessage) => StaticResource)) => void;
  /** Serves `config` as the public configuration of its practice. */
  setPracticeConfig: (ods: string, config: unknown, options?: { delayMs?: number; status?: number }) => void;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

/** Starts the server. `bundleDir` is served under /widgets/ (the embed bundle and its chunks). */
export async function startTestServer(bundleDir: string): Promise<TestServer> {
  const resources = new Map<string, StaticResource | ((req: IncomingMessage) => StaticResource)>();
  const hits: string[] = [];
  // Browsers ask for a favicon; answering keeps "no console errors" assertions meaningful.
  resources.set('/favicon.ico', { status: 204, body: '', type: 'image/x-icon' });

  const send = async (res: ServerResponse, resource: StaticResource) => {
    if (resource.delayMs) await new Promise((resolve) => setTimeout(resolve, resource.delayMs));
    res.writeHead(resource.status ?? 200, {
      'content-type': resource.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...resource.headers,
    });
    res.end(resource.body);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    hits.push(url.pathname + url.search);
    const entry = resources.get(url.pathname);
    if (entry) return send(res, typeof entry === 'function' ? entry(req) : entry);
    if (url.pathname.startsWith('/widgets/')) {
      const relative = normalize(url.pathname.slice('/widgets/'.length));
      if (!relative.startsWith('..')) {
        try {
          const body = await readFile(join(bundleDir, relative));
          const ext = relative.slice(relative.lastIndexOf('.'));
          return send(res, { body, type: TYPES[ext] ?? 'application/octet-stream' });
        } catch {
          // 404 below
        }
      }
    }
    return send(res, { status: 404, body: 'not found', type: 'text/plain' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    set: (path, resource) => resources.set(path, resource),
    setPracticeConfig: (ods, config, options = {}) =>
      resources.set(`/v1/practices/${ods}/public`, {
        body: JSON.stringify(config),
        type: 'application/json',
        status: options.status ?? 200,
        delayMs: options.delayMs ?? 0,
        headers: { 'access-control-allow-origin': '*' },
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A test page as a practice would write it: the one module script tag, then `body`. Served with the
 * strict CSP unless `csp: false`. `css` becomes an external stylesheet (inline styles are blocked).
 */
export function testPage(
  server: TestServer,
  path: string,
  options: {
    body: string;
    lang?: string;
    css?: string;
    csp?: boolean;
    title?: string;
    /** Adds `blocking="render"` to the script tag (the embed snippet for an inline banner). */
    blockingRender?: boolean;
  },
): string {
  const cssPath = `${path.replace(/\/$/, '') || '/index'}.css`;
  if (options.css !== undefined) server.set(cssPath, { body: options.css, type: 'text/css; charset=utf-8' });
  const html = `<!doctype html>
<html lang="${options.lang ?? 'en-GB'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'Widget test page'}</title>
${options.css !== undefined ? `<link rel="stylesheet" href="${cssPath}">` : ''}
<script type="module" src="/widgets/policy-widgets.js"${options.blockingRender ? ' blocking="render"' : ''}></script>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>`;
  server.set(path, {
    body: html,
    headers: options.csp === false ? {} : { 'content-security-policy': STRICT_CSP },
  });
  return `${server.origin}${path}`;
}

/** Escapes a value for a double-quoted HTML attribute (inline `config` JSON). */
export function attr(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
