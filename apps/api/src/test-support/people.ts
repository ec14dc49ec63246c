// Helpers for tests that sign people in: invite through the API, accept the invitation, enrol TOTP
// with codes computed by otpauth from the secret the API shows, and carry the session cookie.
import { Secret, TOTP } from 'otpauth';
import { ADMIN_KEY, type Harness, type Sent } from './harness.js';

export const PASSWORD = 'correct mauve stapler orbit';

/** The `policy_session` token from a response's Set-Cookie, if it sets one. */
export function sessionCookieOf(sent: Pick<Sent, 'headers'>): string | undefined {
  const header = sent.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)policy_session=([^;,]*)/.exec(header);
  return match?.[1] || undefined;
}

export const cookie = (token: string) => ({ cookie: `policy_session=${token}` });

/** The current code for a base32 secret at the harness's time (plus `offsetMs`). */
export function totpCode(secret: string, at: Date, offsetMs = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: at.getTime() + offsetMs });
}

export interface Person {
  id: string;
  email: string;
  role: 'staff' | 'manager' | 'partner';
  /** The session token (cookie value) of the last sign-in. */
  token: string;
  totpSecret?: string;
}

/**
 * Invites a person with the practice's API key (or the admin key's practice API key), accepts the
 * invitation and — when the role needs it — enrols TOTP. The returned token is a full session.
 */
export async function signedInPerson(
  h: Harness,
  ods: string,
  apiKey: string,
  role: Person['role'],
  email = `${role}.${Math.random().toString(36).slice(2, 8)}@${ods.toLowerCase()}.example`,
): Promise<Person> {
  const invited = await h.send('POST', `/v1/practices/${ods}/users`, {
    key: apiKey,
    body: { email, name: `Test ${role}`, role },
  });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${invited.text}`);
  const token = invited.json.inviteUrl.split('/').at(-1) as string;
  const accepted = await h.send('POST', `/v1/invites/${token}/accept`, { body: { password: PASSWORD } });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  const session = sessionCookieOf(accepted) as string;
  const person: Person = { id: invited.json.id, email, role, token: session };
  if (accepted.json.twoFactor === 'enrol') {
    const setup = await h.send('POST', '/v1/session/totp/setup', { headers: cookie(session) });
    person.totpSecret = setup.json.secret;
    const confirmed = await h.send('POST', '/v1/session/totp/confirm', {
      headers: cookie(session),
      body: { code: totpCode(setup.json.secret, h.now()) },
    });
    if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
    person.token = sessionCookieOf(confirmed) as string;
  }
  return person;
}

export { ADMIN_KEY };
