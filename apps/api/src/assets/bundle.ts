// The widget bundle as @policy/widgets built it, resolved through the package's exports (never a
// relative path into another package), read once and fingerprinted for caching and SRI.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A file with its precompressed forms (compressed once at load, not per request). */
export interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export function encode(body: Buffer): Encoded {
  return {
    identity: body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

export interface WidgetBundle {
  /** The entry module, dist/policy-widgets.js. */
  body: Buffer;
  encoded: Encoded;
  /** First 16 hex digits of its SHA-256: the content-hashed file name and the ETag. */
  hash: string;
  /** Subresource Integrity value, `sha384-…`. */
  integrity: string;
  /** Lazily loaded chunks by file name (their names are already content-hashed by the build). */
  chunks: Map<string, Encoded>;
  /** The custom-elements manifest, when the build produced it. */
  manifest?: Buffer;
}

const require = createRequire(import.meta.url);

export function loadWidgetBundle(entryPath = require.resolve('@policy/widgets/bundle')): WidgetBundle {
  const body = readFileSync(entryPath);
  const chunkDir = join(dirname(entryPath), 'chunks');
  const chunks = new Map<string, Encoded>();
  if (existsSync(chunkDir)) {
    for (const name of readdirSync(chunkDir)) {
      if (name.endsWith('.js')) chunks.set(name, encode(readFileSync(join(chunkDir, name))));
    }
  }
  let manifest: Buffer | undefined;
  try {
    manifest = readFileSync(require.resolve('@policy/widgets/custom-elements.json'));
  } catch {
    manifest = undefined;
  }
  return {
    body,
    encoded: encode(body),
    hash: createHash('sha256').update(body).digest('hex').slice(0, 16),
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
    chunks,
    ...(manifest ? { manifest } : {}),
  };
}

let cached: WidgetBundle | undefined;

/**
 * The bundle, loaded and compressed once per process on first use (so the API starts, and its
 * other routes work, even before a widgets build); undefined while there is no build.
 */
export function currentWidgetBundle(): WidgetBundle | undefined {
  try {
    cached ??= loadWidgetBundle();
  } catch {
    return undefined;
  }
  return cached;
}
