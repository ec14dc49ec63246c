import { type Context, Hono } from 'hono';
import { currentWidgetBundle as bundle, type Encoded, type WidgetBundle } from './bundle.js';

// Serves the widget bundle a practice embeds with one script tag:
// - /widgets/policy-widgets.js          stable URL: short cache + ETag (304 on If-None-Match);
// - /widgets/policy-widgets.<hash>.js   content-hashed twin for SRI: cached for a year, immutable;
// - /widgets/chunks/<name>-<hash>.js    lazily loaded parts: immutable;
// - /widgets/manifest.json              the hashed path, its `integrity` value and a ready snippet;
// - /widgets/custom-elements.json       the components' attributes, events, parts and CSS properties.
// Any origin may load them (CORS *): practices' sites are on their own domains.

const JS = 'text/javascript; charset=utf-8';
const SHORT = 'public, max-age=300, stale-while-revalidate=60';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const problem = (c: Context, status: 404 | 503, detail: string) =>
  c.body(
    JSON.stringify({
      type: `/problems/${status === 404 ? 'not-found' : 'unavailable'}`,
      title: status === 404 ? 'Not found' : 'Service unavailable',
      status,
      detail,
    }),
    status,
    { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' },
  );

/** Brotli, then gzip, then plain, as the client accepts (`q=0` refuses an encoding). */
function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function sendScript(c: Context, file: Encoded, tag: string, cacheControl: string) {
  const encoding = pickEncoding(c.req.header('Accept-Encoding'));
  // Each encoding is its own representation, so its own strong ETag.
  const etag = `"${tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Vary', 'Accept-Encoding');
  const match = c.req.header('If-None-Match');
  if (match?.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304);
  }
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  return c.body(new Uint8Array(file[encoding]), 200, { 'Content-Type': JS });
}

/** `<script>` tag with SRI for the current bundle, as a practice would paste it. */
export function embedSnippet(origin: string, current: WidgetBundle): string {
  return `<script type="module" src="${origin}/widgets/policy-widgets.${current.hash}.js" integrity="${current.integrity}" crossorigin="anonymous"></script>`;
}

export const assets = new Hono()
  .get('/widgets/manifest.json', (c) => {
    const current = bundle();
    if (!current) return problem(c, 503, 'The widget bundle has not been built.');
    const origin = new URL(c.req.url).origin;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', SHORT);
    return c.json({
      file: `/widgets/policy-widgets.${current.hash}.js`,
      integrity: current.integrity,
      stable: '/widgets/policy-widgets.js',
      chunks: [...current.chunks.keys()].map((name) => `/widgets/chunks/${name}`),
      snippet: embedSnippet(origin, current),
    });
  })
  .get('/widgets/custom-elements.json', (c) => {
    const manifest = bundle()?.manifest;
    if (!manifest) return problem(c, 404, 'The custom-elements manifest has not been built.');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', SHORT);
    return c.body(new Uint8Array(manifest), 200, { 'Content-Type': 'application/json' });
  })
  .get('/widgets/chunks/:file', (c) => {
    const current = bundle();
    const file = c.req.param('file');
    const body = current?.chunks.get(file);
    if (!body) return problem(c, 404, 'No such widget chunk.');
    return sendScript(c, body, file, IMMUTABLE);
  })
  .get('/widgets/:file', (c) => {
    const current = bundle();
    const file = c.req.param('file');
    if (!/^policy-widgets(\.[0-9a-f]{16})?\.js$/.test(file)) return problem(c, 404, 'No such widget asset.');
    if (!current) return problem(c, 503, 'The widget bundle has not been built.');
    if (file === 'policy-widgets.js') return sendScript(c, current.encoded, current.hash, SHORT);
    // An old hash is gone for good: serving today's code under it would break its integrity value.
    if (file !== `policy-widgets.${current.hash}.js`)
      return problem(c, 404, 'That version of the bundle is not served.');
    return sendScript(c, current.encoded, current.hash, IMMUTABLE);
  });
