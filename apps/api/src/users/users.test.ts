import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cookie,
  createHarness,
  type Harness,
  PASSWORD,
  sessionCookieOf,
  signedInPerson,
  totpCode,
} from '../test-support/harness.js';

let h: Harness;
let apiKey: string;
const ODS = 'C83001';
const users = `/v1/practices/${ODS}/users`;

beforeEach(async () => {
  h = createHarness();
  ({ apiKey } = await h.practice(ODS));
});
afterEach(() => h.close());

describe('people of a practice', { timeout: 30_000 }, () => {
  it('invites with a unique email (across practices, any case), lists with status, hides the link afterwards', async () => {
    const first = await h.send('POST', users, {
      key: apiKey,
      body: { email: 'jo@example.org', name: 'Jo', role: 'staff' },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      email: 'jo@example.org',
      role: 'staff',
      status: 'invited',
      twoFactor: false,
    });
    const other = await h.practice('C83002');
    const again = await h.send('POST', '/v1/practices/C83002/users', {
      key: other.apiKey,
      body: { email: 'JO@example.org', name: 'Jo again', role: 'manager' },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('email_taken');
    const invalid = await h.send('POST', users, {
      key: apiKey,
      body: { email: 'not an email', name: 'X', role: 'boss' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.email',
      'body.role',
    ]);

    const listed = await h.send('GET', users, { key: apiKey });
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        id: first.json.id,
        status: 'invited',
        inviteExpiresAt: first.json.inviteExpiresAt,
      }),
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(first.json.inviteUrl.split('/').at(-1));
    // Another practice's person is not there, nor reachable.
    expect((await h.send('GET', '/v1/practices/C83002/users', { key: other.apiKey })).json.items).toEqual([]);
    expect(
      (
        await h.send('PATCH', `/v1/practices/C83002/users/${first.json.id}`, {
          key: other.apiKey,
          body: { role: 'partner' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.send('POST', `/v1/practices/C83002/users/${first.json.id}/password-reset`, {
          key: other.apiKey,
        })
      ).status,
    ).toBe(404);
  });

  it('an invitation expires after 7 days', async () => {
    const invited = await h.send('POST', users, {
      key: apiKey,
      body: { email: 'late@example.org', name: 'Late', role: 'staff' },
    });
    const token = invited.json.inviteUrl.split('/').at(-1);
    h.advance(7 * 24 * 3600 * 1000);
    expect((await h.send('GET', `/v1/invites/${token}`)).status).toBe(404);
    expect(
      (await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: PASSWORD } })).status,
    ).toBe(404);
  });

  it('disabling ends a person’s sessions and refuses their sign-in like a wrong password; enabling restores it', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    const disabled = await h.send('PATCH', `${users}/${person.id}`, {
      key: apiKey,
      body: { disabled: true },
    });
    expect(disabled.json.status).toBe('disabled');
    expect((await h.send('GET', '/v1/session', { headers: cookie(person.token) })).status).toBe(401);
    const refused = await h.send('POST', '/v1/session', {
      body: { email: person.email, password: PASSWORD },
    });
    expect(refused.status).toBe(401);
    expect(refused.json.code).toBe('invalid_credentials');
    await h.send('PATCH', `${users}/${person.id}`, { key: apiKey, body: { disabled: false } });
    expect(
      (await h.send('POST', '/v1/session', { body: { email: person.email, password: PASSWORD } })).status,
    ).toBe(200);
  });

  it('a new role applies to live sessions at once; a role that needs two-factor must enrol first', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    expect(
      (
        await h.send('GET', `/v1/practices/${ODS}/reports/summary?from=2026-01-01&to=2026-12-31`, {
          headers: cookie(person.token),
        })
      ).status,
    ).toBe(403);
    await h.send('PATCH', `${users}/${person.id}`, { key: apiKey, body: { role: 'partner' } });
    const limited = await h.send('GET', `/v1/practices/${ODS}/incidents`, { headers: cookie(person.token) });
    expect(limited.status).toBe(403);
    expect(limited.json.code).toBe('two_factor_enrolment_required');
    const setup = await h.send('POST', '/v1/session/totp/setup', { headers: cookie(person.token) });
    const confirmed = await h.send('POST', '/v1/session/totp/confirm', {
      headers: cookie(person.token),
      body: { code: totpCode(setup.json.secret, h.now()) },
    });
    expect(
      (
        await h.send('GET', `/v1/practices/${ODS}/reports/summary?from=2026-01-01&to=2026-12-31`, {
          headers: cookie(sessionCookieOf(confirmed) as string),
        })
      ).status,
    ).toBe(200);
  });

  it('keeps at least one active manager; a manager cannot promote, demote or disable themselves', async () => {
    const manager = await signedInPerson(h, ODS, apiKey, 'manager');
    for (const body of [{ role: 'staff' }, { disabled: true }]) {
      const refused = await h.send('PATCH', `${users}/${manager.id}`, { key: apiKey, body });
      expect(refused.status).toBe(409);
      expect(refused.json.code).toBe('last_manager');
    }
    for (const body of [{ role: 'partner' }, { role: 'staff' }, { disabled: true }]) {
      const own = await h.send('PATCH', `${users}/${manager.id}`, { headers: cookie(manager.token), body });
      expect(own.status).toBe(403);
      expect(own.json.code).toBe('own_account');
    }
    const second = await signedInPerson(h, ODS, apiKey, 'manager');
    expect(
      (
        await h.send('PATCH', `${users}/${manager.id}`, {
          headers: cookie(second.token),
          body: { role: 'staff' },
        })
      ).status,
    ).toBe(200);
  });

  it('removing a lost authenticator signs the person out; they enrol again at the next sign-in', async () => {
    const partner = await signedInPerson(h, ODS, apiKey, 'partner');
    const reset = await h.send('PATCH', `${users}/${partner.id}`, {
      key: apiKey,
      body: { resetTwoFactor: true },
    });
    expect(reset.json.twoFactor).toBe(false);
    expect((await h.send('GET', '/v1/session', { headers: cookie(partner.token) })).status).toBe(401);
    const again = await h.send('POST', '/v1/session', { body: { email: partner.email, password: PASSWORD } });
    expect(again.status).toBe(200);
    expect(again.json.twoFactor).toBe('enrol');
    expect(sessionCookieOf(again)).toBeDefined();
  });

  it('only managers (or settings:write keys) manage people', async () => {
    const partner = await signedInPerson(h, ODS, apiKey, 'partner');
    const staff = await signedInPerson(h, ODS, apiKey, 'staff');
    for (const person of [partner, staff]) {
      expect((await h.send('GET', users, { headers: cookie(person.token) })).status).toBe(403);
      const invite = await h.send('POST', users, {
        headers: cookie(person.token),
        body: { email: 'x@example.org', name: 'X', role: 'manager' },
      });
      expect(invite.status).toBe(403);
      expect(
        (await h.send('POST', `${users}/${staff.id}/password-reset`, { headers: cookie(person.token) }))
          .status,
      ).toBe(403);
    }
  });
});
