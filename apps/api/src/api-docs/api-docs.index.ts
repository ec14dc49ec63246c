import { readFile } from 'node:fs/promises';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { inlineScriptHashes, pageHeaders } from '../http/page-headers.js';

// The interactive reference, served wholly from this process: Scalar's standalone bundle comes from
// node_modules, never a CDN (the API may run where a CDN is blocked, and docs must not track users).
// @scalar/api-reference is only read as a file (its browser bundle runs in the reader's browser):
// no code of it runs in Node, so its `engines: node >=22` does not bind the server, which runs on
// Node 20 (api-docs.test.ts holds both facts).

let bundle: Promise<string> | undefined;
const loadBundle = () => {
  bundle ??= readFile(
    new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference')),
    'utf8',
  );
  return bundle;
};

export const apiDocs = new Hono<AppEnv>()
  .get('/docs/scalar.js', async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await loadBundle());
  })
  // Scalar's page configures itself with an inline script: allowed by its hash, nothing else inline.
  // Its styles are injected at run time (style-src 'unsafe-inline': styles cannot run code).
  .use(
    '/docs',
    pageHeaders((html) =>
      [
        "default-src 'none'",
        `script-src 'self' ${inlineScriptHashes(html).join(' ')}`,
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    ),
  )
  // Scalar's bundled zod probes for eval (`Function('')`) to pick a faster validator, which a CSP
  // without 'unsafe-eval' reports as a violation; its documented global switch turns the probe off.
  // Set from a file, before Scalar's script, so the page keeps no unhashed inline script.
  .get('/docs/no-eval.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body('globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };\n');
  })
  .use('/docs', async (c, next) => {
    await next();
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const html = (await c.res.text()).replace(
      '<head>',
      '<head>\n    <script src="/docs/no-eval.js"></script>',
    );
    c.res = new Response(html, { status: c.res.status, headers: c.res.headers });
  })
  .get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      cdn: '/docs/scalar.js',
      pageTitle: 'GP practice social-media policy API',
      withDefaultFonts: false,
      hideClientButton: false,
      // Scalar's hosted extras, shown by default on a localhost page and some of them everywhere:
      // "Ask AI" (the agent chat), "Generate MCP" and the developer toolbar with "Deploy". They
      // talk to Scalar's services, which a practice's vendor does not need and the docs must not
      // send readers to.
      agent: { disabled: true },
      showDeveloperTools: 'never',
      // Not yet in @scalar/hono-api-reference's types; passed through to the bundle as it is.
      ...({ mcp: { disabled: true } } as object),
    }),
  );
