import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointProblem, decodeCheckpoint, encodeCheckpoint, signCheckpoint } from './checkpoints.js';
import { loadAuditSigner, SIGNING_KEY_FILE } from './signing.js';

describe('the audit signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-signing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = () => join(dir, 'policy.sqlite');

  it('is created at first start beside the database, readable by the owner only, and reused after', () => {
    const first = loadAuditSigner({ databasePath: databasePath() });
    const path = join(dir, SIGNING_KEY_FILE);
    expect(first).toMatchObject({ source: 'file', path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = loadAuditSigner({ databasePath: databasePath() });
    expect(again.keyId).toBe(first.keyId);
    const message = 'policy-audit-checkpoint/v1\nY90001\n3\nabc\n2026-01-01T00:00:00.000Z';
    expect(again.verify(message, first.sign(message))).toBe(true);
    expect(again.verify(`${message}x`, first.sign(message))).toBe(false);
  });

  it('refuses a key file others may read', () => {
    loadAuditSigner({ databasePath: databasePath() });
    chmodSync(join(dir, SIGNING_KEY_FILE), 0o644);
    expect(() => loadAuditSigner({ databasePath: databasePath() })).toThrow(/chmod 600/);
  });

  it('takes POLICY_AUDIT_SIGNING_KEY as PKCS#8 PEM or base64 DER, and refuses other keys', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const fromPem = loadAuditSigner({ key: pem, databasePath: databasePath() });
    const fromDer = loadAuditSigner({ key: der });
    expect(fromPem.source).toBe('environment');
    expect(fromDer.keyId).toBe(fromPem.keyId);
    expect(() => statSync(join(dir, SIGNING_KEY_FILE))).toThrow(); // no file when the environment gives the key
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => loadAuditSigner({ key: rsa.toString() })).toThrow(/Ed25519/);
    expect(() => loadAuditSigner({ key: 'not a key' })).toThrow(/PKCS#8/);
  });

  it('signs checkpoints that only this key verifies, and reads them back compact or as JSON', () => {
    const signer = loadAuditSigner({ databasePath: ':memory:' });
    const other = loadAuditSigner({});
    const checkpoint = signCheckpoint(signer, {
      ods: 'Y90001',
      seq: 4,
      head: 'ab'.repeat(32),
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(checkpointProblem(signer, checkpoint)).toBeNull();
    expect(checkpointProblem(other, checkpoint)).toBe('other_key');
    expect(checkpointProblem(signer, { ...checkpoint, seq: 3 })).toBe('bad_signature');
    expect(decodeCheckpoint(encodeCheckpoint(checkpoint))).toEqual(checkpoint);
    expect(decodeCheckpoint(JSON.stringify(checkpoint))).toEqual(checkpoint);
    expect(decodeCheckpoint('e30')).toBeNull(); // {}
    expect(decodeCheckpoint('%%%')).toBeNull();
    expect(decodeCheckpoint(JSON.stringify({ ...checkpoint, seq: -1 }))).toBeNull();
  });
});
