import type { RouteHandler } from '@hono/zod-openapi';
import { twoFactorRequired } from '@policy/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { UserRow } from '../db/schema.js';
import { clientAddress } from '../http/auth.js';
import type { AppEnv, Deps } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { refuseCrossSite, sessionExpired } from '../http/session-auth.js';
import { EMAILED_RESET_TTL_MS, issueLink, linkHolder, normalizeEmail } from '../services/people/links.js';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from '../services/people/passwords.js';
import {
  clearSessionCookie,
  needsEnrolment,
  practiceRef,
  type ResolvedSession,
  resolveSession,
  SESSION_COOKIE,
  sessionView,
  setSessionCookie,
  startSession,
  tokenHash,
} from '../services/people/sessions.js';
import {
  accountKey,
  addressKey,
  lockedFor,
  recordFailure,
  SIGN_IN_LIMITS,
} from '../services/people/throttle.js';
import { acceptCode, newTotpSecret, otpauthUri } from '../services/people/totp.js';
import type {
  acceptInviteRoute,
  completeResetRoute,
  getInviteRoute,
  getSessionRoute,
  requestResetRoute,
  signInRoute,
  signOutEverywhereRoute,
  signOutRoute,
  totpConfirmRoute,
  totpSetupRoute,
} from './sign-in.routes.js';

const invalidCredentials = () =>
  new ApiError(401, 'The email or password is not right.', { code: 'invalid_credentials' });

const locked = (seconds: number) =>
  new ApiError(
    429,
    `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes, or ask your practice manager for a password reset link.`,
    { code: 'locked', headers: { 'Retry-After': String(seconds) } },
  );

const linkNotFound = () =>
  new ApiError(404, 'This link is not valid: it may have been used already or have expired.', {
    code: 'link_not_valid',
  });

function practiceOf(deps: Deps, user: UserRow) {
  const practice = deps.store.practiceSettings(user.practiceOds);
  if (!practice) throw invalidCredentials();
  return practice;
}

/** The person's session as a view, with the cookie set. */
function signedIn(
  c: Context<AppEnv>,
  user: UserRow,
  started: { token: string; session: ResolvedSession['session'] },
) {
  const { people } = c.get('deps');
  const practice = practiceOf(c.get('deps'), user);
  // The browser's previous session (another sign-in, an enrolment-limited one) ends: one per cookie.
  const previous = getCookie(c, SESSION_COOKIE);
  const replaced =
    previous && previous.length <= 100 ? people.sessionByTokenHash(tokenHash(previous)) : undefined;
  if (replaced && replaced.id !== started.session.id) people.deleteSession(replaced.id);
  setSessionCookie(c, started.token);
  return sessionView({
    session: started.session,
    user,
    practice,
    enrolmentPending: needsEnrolment(practice, user.role, started.session.twoFactorVerified),
  });
}

function weakPassword(problems: string[]): ApiError {
  return new ApiError(422, 'Choose a stronger password.', {
    code: 'weak_password',
    errors: problems.map((message) => ({ path: 'body.password', message })),
  });
}

export const signIn: RouteHandler<typeof signInRoute, AppEnv> = async (c) => {
  refuseCrossSite(c);
  const body = c.req.valid('json');
  const deps = c.get('deps');
  const { people, store } = deps;
  const email = normalizeEmail(body.email);
  const account = accountKey(email);
  const address = addressKey(clientAddress(c));
  const wait = lockedFor(people, address ? [account, address] : [account], deps.clock());
  if (wait > 0) throw locked(wait);

  const user = people.userByEmail(email);
  // The same work whether or not the email has an account (scrypt on a decoy hash): timing says nothing.
  const passwordOk = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
  const now = deps.clock();
  const usable =
    user && passwordOk && user.passwordHash && !user.disabledAt && store.practiceSettings(user.practiceOds);
  if (!user || !usable) {
    await store.write(() => {
      recordFailure(people, account, SIGN_IN_LIMITS.accountFailures, now);
      if (address) recordFailure(people, address, SIGN_IN_LIMITS.addressFailures, now);
    });
    throw invalidCredentials();
  }
  if (user.totpSecret && !body.code)
    throw new ApiError(401, 'Enter the 6-digit code from your authenticator app.', { code: 'totp_required' });

  const outcome = await store.write(() => {
    const fresh = people.userById(user.id) as UserRow;
    let verified = false;
    if (fresh.totpSecret) {
      const step = acceptCode(fresh.totpSecret, body.code ?? '', now, fresh.totpLastStep);
      if (step === null) {
        recordFailure(people, account, SIGN_IN_LIMITS.accountFailures, now);
        return { ok: false as const };
      }
      people.updateUser(fresh.id, { totpLastStep: step });
      verified = true;
    }
    people.clearThrottle(account);
    return { ok: true as const, user: fresh, started: startSession(deps, fresh, verified) };
  });
  if (!outcome.ok)
    throw new ApiError(401, 'That code is not right, or it has been used already. Enter the current code.', {
      code: 'invalid_totp',
    });
  return c.json(signedIn(c, outcome.user, outcome.started), 200);
};

/** The live session (enrolment-limited ones included), or 401. */
function liveSession(c: Context<AppEnv>): ResolvedSession {
  refuseCrossSite(c);
  const resolved = resolveSession(c, c.get('deps'));
  if (!resolved) throw sessionExpired();
  return resolved;
}

export const getSession: RouteHandler<typeof getSessionRoute, AppEnv> = (c) =>
  c.json(sessionView(liveSession(c)), 200);

export const signOut: RouteHandler<typeof signOutRoute, AppEnv> = async (c) => {
  refuseCrossSite(c);
  const token = getCookie(c, SESSION_COOKIE);
  const { people, store } = c.get('deps');
  const session = token && token.length <= 100 ? people.sessionByTokenHash(tokenHash(token)) : undefined;
  if (session) await store.write(() => people.deleteSession(session.id));
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const signOutEverywhere: RouteHandler<typeof signOutEverywhereRoute, AppEnv> = async (c) => {
  const { user } = liveSession(c);
  const { people, store } = c.get('deps');
  await store.write(() => people.deleteSessionsOf(user.id));
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const totpSetup: RouteHandler<typeof totpSetupRoute, AppEnv> = async (c) => {
  const { user, practice } = liveSession(c);
  const { people, store, clock } = c.get('deps');
  const secret = newTotpSecret();
  await store.write(() =>
    people.updateUser(user.id, { totpPendingSecret: secret, updatedAt: clock().toISOString() }),
  );
  return c.json({ secret, otpauthUri: otpauthUri(secret, `${practice.name} desk`, user.email) }, 200);
};

export const totpConfirm: RouteHandler<typeof totpConfirmRoute, AppEnv> = async (c) => {
  const resolved = liveSession(c);
  const { code } = c.req.valid('json');
  const deps = c.get('deps');
  const { people, store } = deps;
  const account = accountKey(resolved.user.email);
  const wait = lockedFor(people, [account], deps.clock());
  if (wait > 0) throw locked(wait);
  const now = deps.clock();
  const outcome = await store.write(() => {
    const fresh = people.userById(resolved.user.id) as UserRow;
    if (!fresh.totpPendingSecret) return { ok: false as const, why: 'no_setup' as const };
    const step = acceptCode(fresh.totpPendingSecret, code, now, fresh.totpLastStep);
    if (step === null) {
      recordFailure(people, account, SIGN_IN_LIMITS.accountFailures, now);
      return { ok: false as const, why: 'invalid' as const };
    }
    const changes = {
      totpSecret: fresh.totpPendingSecret,
      totpPendingSecret: null,
      totpLastStep: step,
      updatedAt: now.toISOString(),
    };
    people.updateUser(fresh.id, changes);
    // More rights, new token: the enrolment-limited session is replaced by a full one.
    people.deleteSession(resolved.session.id);
    const user = { ...fresh, ...changes };
    return { ok: true as const, user, started: startSession(deps, user, true) };
  });
  if (!outcome.ok) {
    if (outcome.why === 'no_setup')
      throw new ApiError(409, 'Start with POST /v1/session/totp/setup.', { code: 'no_totp_setup' });
    throw new ApiError(422, 'That code is not right. Enter the code your app shows now.', {
      code: 'invalid_totp',
      errors: [{ path: 'body.code', message: 'not the current code for the new secret' }],
    });
  }
  return c.json(signedIn(c, outcome.user, outcome.started), 200);
};

export const getInvite: RouteHandler<typeof getInviteRoute, AppEnv> = (c) => {
  const deps = c.get('deps');
  const held = linkHolder(deps, c.req.valid('param').token, 'invite');
  const practice = held ? deps.store.practiceSettings(held.user.practiceOds) : undefined;
  if (!held || !practice) throw linkNotFound();
  const { user, link } = held;
  return c.json(
    {
      email: user.email,
      name: user.name,
      role: user.role,
      practice: practiceRef(practice),
      requiresTwoFactor: twoFactorRequired(JSON.parse(practice.settings), user.role),
      expiresAt: link.expiresAt,
    },
    200,
  );
};

/** Sets the password of the link's holder and uses the link up; 404 if it was used meanwhile. */
async function setPasswordWithLink(
  c: Context<AppEnv>,
  token: string,
  purpose: 'invite' | 'reset',
  password: string,
  after: (user: UserRow) => unknown,
) {
  const deps = c.get('deps');
  const held = linkHolder(deps, token, purpose);
  const practice = held ? deps.store.practiceSettings(held.user.practiceOds) : undefined;
  if (!held || !practice) throw linkNotFound();
  const problems = passwordProblems(password, {
    email: held.user.email,
    name: held.user.name,
    practiceName: practice.name,
  });
  if (problems.length > 0) throw weakPassword(problems);
  const passwordHash = await hashPassword(password);
  const { people, store, clock } = deps;
  const result = await store.write(() => {
    const now = clock().toISOString();
    if (!people.useToken(held.link.tokenHash, now)) return undefined;
    const changes = { passwordHash, passwordChangedAt: now, updatedAt: now };
    people.updateUser(held.user.id, changes);
    // Whichever link set the password, the others go: an invitation and a reset are both spent.
    people.expireTokensOf(held.user.id, 'invite', now);
    people.expireTokensOf(held.user.id, 'reset', now);
    people.clearThrottle(accountKey(held.user.email));
    const user = { ...held.user, ...changes };
    return { user, value: after(user) };
  });
  if (!result) throw linkNotFound();
  return result;
}

export const acceptInvite: RouteHandler<typeof acceptInviteRoute, AppEnv> = async (c) => {
  refuseCrossSite(c);
  const { token } = c.req.valid('param');
  const { password } = c.req.valid('json');
  const deps = c.get('deps');
  const { user, value } = await setPasswordWithLink(c, token, 'invite', password, (u) =>
    startSession(deps, u, false),
  );
  return c.json(signedIn(c, user, value as ReturnType<typeof startSession>), 200);
};

export const completeReset: RouteHandler<typeof completeResetRoute, AppEnv> = async (c) => {
  refuseCrossSite(c);
  const { token } = c.req.valid('param');
  const { password } = c.req.valid('json');
  const { people } = c.get('deps');
  await setPasswordWithLink(c, token, 'reset', password, (user) => people.deleteSessionsOf(user.id));
  clearSessionCookie(c);
  return c.body(null, 204);
};

/** One emailed link per address every 5 minutes: the form cannot be used to flood someone's inbox. */
const RESET_EMAIL_INTERVAL_MS = 5 * 60 * 1000;

export const requestReset: RouteHandler<typeof requestResetRoute, AppEnv> = async (c) => {
  refuseCrossSite(c);
  const deps = c.get('deps');
  const { people, store, clock, sendMail, publicUrl, log } = deps;
  const email = normalizeEmail(c.req.valid('json').email);
  const user = people.userByEmail(email);
  const practice = user && !user.disabledAt ? store.practiceSettings(user.practiceOds) : undefined;
  const throttleKey = `reset:${accountKey(email)}`;
  if (!sendMail || !publicUrl || lockedFor(people, [throttleKey], clock()) > 0) return c.body(null, 202);
  // The same write (and so the same wait for the disk) whether or not the email has an account.
  const now = clock();
  const link = await store.write(() => {
    people.saveThrottle({
      key: throttleKey,
      failures: 0,
      windowStartedAt: now.toISOString(),
      lockedUntil: new Date(now.getTime() + RESET_EMAIL_INTERVAL_MS).toISOString(),
    });
    return user && practice
      ? issueLink(deps, user, 'reset', EMAILED_RESET_TTL_MS, 'self-service')
      : undefined;
  });
  if (user && practice && link) {
    const url = new URL(link.path, publicUrl).toString();
    // Not awaited: the answer must not reveal, by its timing, that an email went out.
    sendMail({
      to: user.email,
      subject: `Reset your ${practice.name} desk password`,
      text: `Someone (we hope you) asked to reset the password of your account on the ${practice.name} desk.\n\nSet a new password here within the hour:\n${url}\n\nIf it was not you, ignore this email: your password stays as it is.`,
    }).catch((error: unknown) =>
      log({
        time: new Date().toISOString(),
        level: 'error',
        msg: 'password reset email not sent',
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
  }
  return c.body(null, 202);
};
