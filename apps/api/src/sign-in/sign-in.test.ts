import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../services/people/throttle.js';
import {
  cookie,
  createHarness,
  type Harness,
  ORIGIN,
  PASSWORD,
  type Person,
  report,
  sessionCookieOf,
  signedInPerson,
  totpCode,
} from '../test-support/harness.js';

let h: Harness;
let apiKey: string;
const ODS = 'A81001';

beforeEach(async () => {
  h = createHarness();
  ({ apiKey } = await h.practice(ODS));
});
afterEach(() => h.close());

const signIn = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.send('POST', '/v1/session', { body, headers });

describe('sign-in', { timeout: 30_000 }, () => {
  it('invite → set password → enrol TOTP → sign in with a code; the session names the person', async () => {
    const invited = await h.send('POST', `/v1/practices/${ODS}/users`, {
      key: apiKey,
      body: { email: 'Pat.Manager@Example.org', name: 'Pat Manager', role: 'manager' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json.email).toBe('pat.manager@example.org');
    expect(invited.json.inviteUrl).toMatch(/^\/desk\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(invited.json.inviteExpiresAt) - h.now().getTime()).toBe(7 * 24 * 3600 * 1000);
    const token = invited.json.inviteUrl.split('/').at(-1);

    const invite = await h.send('GET', `/v1/invites/${token}`);
    expect(invite.status).toBe(200);
    expect(invite.json).toMatchObject({
      email: 'pat.manager@example.org',
      role: 'manager',
      practice: { ods: ODS },
      requiresTwoFactor: true,
    });

    const weak = await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: 'password1234' } });
    expect(weak.status).toBe(422);
    expect(weak.json.errors[0].path).toBe('body.password');
    const short = await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: 'Xy7!short' } });
    expect(short.status).toBe(422);

    const accepted = await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: PASSWORD } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.twoFactor).toBe('enrol');
    const setCookie = accepted.headers.get('set-cookie') ?? '';
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/'])
      expect(setCookie).toContain(attribute);
    const limited = sessionCookieOf(accepted) as string;

    // The link works once.
    expect((await h.send('GET', `/v1/invites/${token}`)).status).toBe(404);
    expect(
      (await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: PASSWORD } })).status,
    ).toBe(404);

    // Until enrolled, only the session and TOTP routes are open.
    const refused = await h.send('GET', `/v1/practices/${ODS}/incidents`, { headers: cookie(limited) });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('two_factor_enrolment_required');
    expect((await h.send('GET', '/v1/session', { headers: cookie(limited) })).json.twoFactor).toBe('enrol');

    const setup = await h.send('POST', '/v1/session/totp/setup', { headers: cookie(limited) });
    expect(setup.status).toBe(200);
    expect(setup.json.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await h.send('POST', '/v1/session/totp/confirm', {
      headers: cookie(limited),
      body: { code: totpCode(setup.json.secret, h.now(), 5 * 60_000) },
    });
    expect(wrong.status).toBe(422);
    const confirmed = await h.send('POST', '/v1/session/totp/confirm', {
      headers: cookie(limited),
      body: { code: totpCode(setup.json.secret, h.now()) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.twoFactor).toBe('ok');
    // Enrolled, the session gets a new token; the limited one is gone.
    const full = sessionCookieOf(confirmed) as string;
    expect(full).not.toBe(limited);
    expect((await h.send('GET', `/v1/practices/${ODS}/incidents`, { headers: cookie(full) })).status).toBe(
      200,
    );
    expect((await h.send('GET', '/v1/session', { headers: cookie(limited) })).status).toBe(401);

    // A later sign-in needs a code; a wrong one and a replayed one are refused.
    h.advance(60_000);
    const noCode = await signIn({ email: 'pat.manager@example.org', password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.json.code).toBe('totp_required');
    expect(sessionCookieOf(noCode)).toBeUndefined();
    const badCode = await signIn({ email: 'pat.manager@example.org', password: PASSWORD, code: '000000' });
    expect(badCode.status).toBe(401);
    expect(badCode.json.code).toBe('invalid_totp');
    const code = totpCode(setup.json.secret, h.now());
    const ok = await signIn({ email: 'PAT.manager@example.org ', password: PASSWORD, code });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      user: {
        email: 'pat.manager@example.org',
        name: 'Pat Manager',
        role: 'manager',
        practice: { ods: ODS },
      },
      twoFactor: 'ok',
    });
    expect(Date.parse(ok.json.expiresAt) - h.now().getTime()).toBe(12 * 3600 * 1000);
    const replay = await signIn({ email: 'pat.manager@example.org', password: PASSWORD, code });
    expect(replay.status).toBe(401);
    expect(replay.json.code).toBe('invalid_totp');
    // The previous step's code is still accepted once (clock drift), the next one too.
    h.advance(30_000);
    const next = await signIn({
      email: 'pat.manager@example.org',
      password: PASSWORD,
      code: totpCode(setup.json.secret, h.now(), 30_000),
    });
    expect(next.status).toBe(200);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    const wrong = await signIn({ email: person.email, password: 'not the password at all' });
    const unknown = await signIn({ email: 'nobody@nowhere.example', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    expect(wrong.json.code).toBe('invalid_credentials');
  });

  it('locks an account after repeated failures (429 + Retry-After, the right password too), unknown emails alike', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    for (const email of [person.email, 'ghost@nowhere.example']) {
      for (let i = 0; i < SIGN_IN_LIMITS.accountFailures; i++)
        expect((await signIn({ email, password: `wrong password ${i}` })).status).toBe(401);
      const lockedOut = await signIn({ email, password: PASSWORD });
      expect(lockedOut.status).toBe(429);
      expect(lockedOut.json.code).toBe('locked');
      expect(Number(lockedOut.headers.get('retry-after'))).toBe(15 * 60);
    }
    h.advance(15 * 60_000);
    expect((await signIn({ email: person.email, password: PASSWORD })).status).toBe(200);
  });

  it('locks a client address after 20 failures, whatever the emails tried', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    for (let i = 0; i < SIGN_IN_LIMITS.addressFailures; i++)
      expect((await signIn({ email: `guess${i}@nowhere.example`, password: 'not it at all' })).status).toBe(
        401,
      );
    const locked = await signIn({ email: person.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.json.code).toBe('locked');
  });

  it('ends a session after 30 idle minutes, and 12 hours after sign-in however active', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    const get = () => h.send('GET', '/v1/session', { headers: cookie(person.token) });
    for (let i = 0; i < 24; i++) {
      h.advance(29 * 60_000);
      const live = await get();
      expect(live.status, `after ${(i + 1) * 29} minutes`).toBe(200);
      expect(Date.parse(live.json.idleExpiresAt)).toBeLessThanOrEqual(Date.parse(live.json.expiresAt));
    }
    h.advance(60 * 60_000); // past 12 hours (24 × 29 min = 11 h 36 min, then an hour)
    const ended = await get();
    expect(ended.status).toBe(401);

    const other = await signedInPerson(h, ODS, apiKey, 'staff');
    h.advance(30 * 60_000);
    expect((await h.send('GET', '/v1/session', { headers: cookie(other.token) })).status).toBe(401);
  });

  it('signs out, and signs out everywhere', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    const second = sessionCookieOf(await signIn({ email: person.email, password: PASSWORD })) as string;
    const third = sessionCookieOf(await signIn({ email: person.email, password: PASSWORD })) as string;
    // Signing in again in the same browser ends that browser's previous session.
    const again = await signIn({ email: person.email, password: PASSWORD }, cookie(third));
    expect((await h.send('GET', '/v1/session', { headers: cookie(third) })).status).toBe(401);
    const fourth = sessionCookieOf(again) as string;
    expect((await h.send('GET', '/v1/session', { headers: cookie(fourth) })).status).toBe(200);
    const out = await h.send('DELETE', '/v1/session', { headers: cookie(person.token) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/policy_session=;.*Max-Age=0/);
    expect((await h.send('GET', '/v1/session', { headers: cookie(person.token) })).status).toBe(401);
    expect((await h.send('GET', '/v1/session', { headers: cookie(second) })).status).toBe(200);
    expect(
      (await h.send('POST', '/v1/session/sign-out-everywhere', { headers: cookie(second) })).status,
    ).toBe(204);
    expect((await h.send('GET', '/v1/session', { headers: cookie(fourth) })).status).toBe(401);
  });

  it('refuses cross-site writes made with the cookie (Origin, Sec-Fetch-Site), allows same-origin ones', async () => {
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    const file = (headers: Record<string, string>) =>
      h.send('POST', `/v1/practices/${ODS}/reports`, {
        headers: { ...cookie(person.token), ...headers },
        body: report(),
      });
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const refused = await file(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.json.code).toBe('cross_site');
    }
    expect((await file({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // Sign-out and sign-in are writes too (no logging a victim out, or into someone else's account).
    expect(
      (await h.send('DELETE', '/v1/session', { headers: { ...cookie(person.token), origin: ORIGIN } }))
        .status,
    ).toBe(403);
    const loginCsrf = await signIn(
      { email: person.email, password: PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(loginCsrf.status).toBe(403);
  });
});

describe('password reset', { timeout: 30_000 }, () => {
  it('a manager’s link sets a new password once and ends every session', async () => {
    const person: Person = await signedInPerson(h, ODS, apiKey, 'staff');
    const issued = await h.send('POST', `/v1/practices/${ODS}/users/${person.id}/password-reset`, {
      key: apiKey,
    });
    expect(issued.status).toBe(201);
    expect(issued.json.resetUrl).toMatch(/^\/desk\/#\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = issued.json.resetUrl.split('/').at(-1);
    expect(
      (await h.send('POST', `/v1/password-resets/${token}`, { body: { password: 'short' } })).status,
    ).toBe(422);
    const done = await h.send('POST', `/v1/password-resets/${token}`, {
      body: { password: 'a brand new long passphrase' },
    });
    expect(done.status).toBe(204);
    expect((await h.send('GET', '/v1/session', { headers: cookie(person.token) })).status).toBe(401);
    expect((await signIn({ email: person.email, password: PASSWORD })).status).toBe(401);
    expect((await signIn({ email: person.email, password: 'a brand new long passphrase' })).status).toBe(200);
    expect(
      (
        await h.send('POST', `/v1/password-resets/${token}`, {
          body: { password: 'another long passphrase' },
        })
      ).status,
    ).toBe(404);
  });

  it('POST /v1/password-resets always answers 202 and emails a link only to a real account', async () => {
    const sent: { to: string; text: string }[] = [];
    h.close();
    h = createHarness({
      sendMail: async (message) => {
        sent.push(message);
      },
      publicUrl: 'https://desk.example-surgery.nhs.uk',
    });
    ({ apiKey } = await h.practice(ODS));
    const person = await signedInPerson(h, ODS, apiKey, 'staff');
    expect(
      (await h.send('POST', '/v1/password-resets', { body: { email: 'ghost@nowhere.example' } })).status,
    ).toBe(202);
    expect((await h.send('POST', '/v1/password-resets', { body: { email: person.email } })).status).toBe(202);
    expect((await h.send('POST', '/v1/password-resets', { body: { email: person.email } })).status).toBe(202);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1); // one per 5 minutes
    expect(sent[0]?.to).toBe(person.email);
    const link = /https:\/\/desk\.example-surgery\.nhs\.uk\/desk\/#\/reset\/([A-Za-z0-9_-]{43})/.exec(
      sent[0]?.text ?? '',
    );
    expect(link).not.toBeNull();
    const done = await h.send('POST', `/v1/password-resets/${link?.[1]}`, {
      body: { password: 'emailed link passphrase' },
    });
    expect(done.status).toBe(204);
  });
});
