// The demo as `npm start` runs it, in a child process whose stdout is a pipe (not a terminal): its
// keys never reach stdout or stderr — they go to a 0600 file whose path is printed — and with
// NODE_ENV=production the demo is off unless asked for.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChildServer } from './child-server.js';

const KEY = /\b[rpa]k_[A-Za-z0-9_-]{20,}/;

describe('demo keys and defaults (real process)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-demo-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the keys to a 0600 file named in the log, never to the log itself', async () => {
    const server = await startChildServer(join(dir, 'data', 'policy.sqlite'), {
      POLICY_DEMO: '1',
      POLICY_BOOTSTRAP_ADMIN_KEY: '',
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const output = [...server.stdout, ...server.stderr].join('\n');
      expect(output).not.toMatch(KEY);
      const file = join(dir, 'data', 'demo-keys.txt');
      expect(output).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const keys = readFileSync(file, 'utf8');
      const reportKey = /report key \(publishable\): (rk_\S+)/.exec(keys)?.[1];
      const apiKey = /API key \(new this start\): +(pk_\S+)/.exec(keys)?.[1];
      expect(/admin key \(new this start\): (ak_\S+)/.exec(keys)?.[1]).toBeDefined();
      const practice = await fetch(`${server.url}/v1/practices/Y90001`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(practice.status).toBe(200);
      expect(await (await fetch(`${server.url}/demo`)).text()).toContain(`report-key="${reportKey}"`);
    } finally {
      await server.kill('SIGTERM');
    }
  }, 60_000);

  it('with NODE_ENV=production and no POLICY_DEMO: no demo practice, no /demo, no keys file', async () => {
    const server = await startChildServer(join(dir, 'policy.sqlite'), {
      NODE_ENV: 'production',
      POLICY_DEMO: undefined as unknown as string,
    });
    try {
      expect((await fetch(`${server.url}/demo`)).status).toBe(404);
      expect((await fetch(`${server.url}/v1/practices/Y90001/public`)).status).toBe(404);
      expect(() => statSync(join(dir, 'demo-keys.txt'))).toThrow();
      expect([...server.stdout, ...server.stderr].join('\n')).not.toMatch(KEY);
    } finally {
      await server.kill('SIGTERM');
    }
  }, 60_000);
});
