import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../db/store.js';
import { generateKey } from '../http/auth.js';
import { cookie, createHarness, type Harness, sessionCookieOf } from '../test-support/harness.js';
import { DEMO_MANAGER, DEMO_ODS, seedDemo } from './demo.js';

let h: Harness;
let store: Store;
beforeEach(async () => {
  h = createHarness();
  store = new Store(h.db);
});
afterEach(() => h.close());

const seed = () =>
  seedDemo(store, {
    origins: ['http://localhost:8787'],
    now: h.now(),
    issueAdminKey: false,
    reportKey: generateKey('report'),
  });
const signIn = (email: string, password: string) =>
  h.send('POST', '/v1/session', { body: { email, password } });

describe('the demo manager', { timeout: 30_000 }, () => {
  it('signs in with the printed password, without an authenticator, marked as the demo', async () => {
    const keys = seed();
    expect(keys.manager.email).toBe(DEMO_MANAGER.email);
    expect(keys.manager.password.length).toBeGreaterThanOrEqual(12);
    const signedIn = await signIn(keys.manager.email, keys.manager.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json).toMatchObject({
      user: { role: 'manager', practice: { ods: DEMO_ODS, name: 'Riverside Green Surgery', demo: true } },
      twoFactor: 'ok',
    });
    const token = sessionCookieOf(signedIn) as string;
    expect((await h.send('GET', `/v1/practices/${DEMO_ODS}/users`, { headers: cookie(token) })).status).toBe(
      200,
    );

    // Each start sets a new password: the old one and its sessions stop working.
    const again = seed();
    expect(again.manager.password).not.toBe(keys.manager.password);
    expect((await signIn(keys.manager.email, keys.manager.password)).status).toBe(401);
    expect((await h.send('GET', '/v1/session', { headers: cookie(token) })).status).toBe(401);
    expect((await signIn(again.manager.email, again.manager.password)).status).toBe(200);
  });

  it('turns two-factor off for a demo practice stored before the setting existed, and only for it', async () => {
    seed();
    const stored = JSON.parse(store.practice(DEMO_ODS)?.settings ?? '{}');
    delete stored.security;
    h.db.$client
      .prepare('UPDATE practices SET settings = ? WHERE ods = ?')
      .run(JSON.stringify(stored), DEMO_ODS);
    const keys = seed();
    expect(JSON.parse(store.practice(DEMO_ODS)?.settings ?? '{}').security).toEqual({
      requireTwoFactor: false,
    });
    expect((await signIn(keys.manager.email, keys.manager.password)).json.twoFactor).toBe('ok');
    await h.practice('D84001');
    expect(JSON.parse(store.practice('D84001')?.settings ?? '{}').security).toEqual({
      requireTwoFactor: true,
    });
  });
});
