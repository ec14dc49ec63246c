import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

// The audit's signing key: Ed25519 (node:crypto). It signs checkpoints of each practice's chain head,
// so a copy of a checkpoint kept outside the database proves later that the chain still contains it.

export interface AuditSigner {
  /** `ed25519:` + the first 16 hex digits of SHA-256 over the public key (SPKI DER). */
  keyId: string;
  /** The public key, SPKI PEM: what anyone checking a checkpoint needs. */
  publicKeyPem: string;
  /** Where the key came from (never the key itself), for the start-up message. */
  source: 'environment' | 'file' | 'memory';
  /** The key file, when it came from one. */
  path?: string;
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

/** The file beside the database that holds the key when the environment does not give one. */
export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function fromPrivateKey(key: KeyObject, source: AuditSigner['source'], path?: string): AuditSigner {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(`the audit signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  const publicKey = createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: `ed25519:${hash('sha256', der, 'hex').slice(0, 16)}`,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    source,
    ...(path ? { path } : {}),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64url'),
    verify: (message, signature) => {
      try {
        return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
      } catch {
        return false;
      }
    },
  };
}

/** PKCS#8 PEM, or the PKCS#8 DER in base64. */
export function parseSigningKey(text: string): KeyObject {
  try {
    if (text.includes('-----BEGIN')) return createPrivateKey({ key: text, format: 'pem' });
    return createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new SigningKeyError('POLICY_AUDIT_SIGNING_KEY is not a PKCS#8 private key (PEM, or DER in base64)');
  }
}

/**
 * The signer: from `key` (POLICY_AUDIT_SIGNING_KEY) if given; else from `audit-signing-key.pem` beside
 * the database, created 0600 at first start and refused if anyone but the owner may read it; for an
 * in-memory database (tests), a key that lives as long as the process.
 */
export function loadAuditSigner(options: { key?: string; databasePath?: string }): AuditSigner {
  if (options.key) return fromPrivateKey(parseSigningKey(options.key), 'environment');
  const databasePath = options.databasePath;
  if (!databasePath || databasePath === ':memory:' || databasePath === '') {
    const { privateKey } = generateKeyPairSync('ed25519');
    return fromPrivateKey(privateKey, 'memory');
  }
  const path = join(dirname(databasePath), SIGNING_KEY_FILE);
  if (!existsSync(path)) {
    // Written whole to a private temporary file, then linked into place: a crash mid-write never
    // leaves a half key, and a key another process linked first is kept (link never overwrites).
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, pem);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw new SigningKeyError(
      `${path} may be read by others (mode ${mode.toString(8)}): chmod 600 it, or set POLICY_AUDIT_SIGNING_KEY`,
    );
  return fromPrivateKey(parseSigningKey(readFileSync(path, 'utf8')), 'file', path);
}
