import { hash, randomBytes, randomUUID } from 'node:crypto';
import { type ActorRole, type PracticeSettings, twoFactorRequired } from '@policy/core';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { PracticeSettingsRecord, SessionRow, UserRow } from '../../db/schema.js';
import type { Deps } from '../../http/env.js';
import { DEMO_ODS } from '../../seed/demo.js';

// Server-side sessions. The browser holds a random 256-bit token in an HttpOnly, Secure,
// SameSite=Strict cookie; the database holds only its SHA-256, so a copy of the database cannot be
// used to sign in. A session ends after 30 minutes without a request, 12 hours after sign-in, at
// sign-out, when the person signs out everywhere, resets their password or is disabled.

export const SESSION_COOKIE = 'policy_session';
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Activity is written at most this often (a write per request would cost an fsync per request). */
export const SESSION_TOUCH_MS = 60 * 1000;

export const tokenHash = (token: string) => hash('sha256', token, 'hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface ResolvedSession {
  session: SessionRow;
  user: UserRow;
  practice: PracticeSettingsRecord;
  /** The role needs a second factor this session has not given: only enrolment is open to it. */
  enrolmentPending: boolean;
}

/** Starts a session (call inside a write); returns the cookie's token and the stored row. */
export function startSession(
  deps: Deps,
  user: UserRow,
  twoFactorVerified: boolean,
): { token: string; session: SessionRow } {
  const token = newToken();
  const now = deps.clock();
  const session: SessionRow = {
    id: `ses_${randomUUID()}`,
    tokenHash: tokenHash(token),
    userId: user.id,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    twoFactorVerified,
  };
  deps.people.insertSession(session);
  deps.people.updateUser(user.id, { lastSignInAt: session.createdAt });
  // What can no longer be used goes as others arrive: sessions past their end, stale failure counts.
  deps.people.pruneSessions(session.createdAt, new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  deps.people.pruneThrottle(new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString());
  return { token, session };
}

export function needsEnrolment(
  practice: PracticeSettingsRecord,
  role: ActorRole,
  verified: boolean,
): boolean {
  if (verified) return false;
  const { security } = JSON.parse(practice.settings) as Partial<PracticeSettings>;
  return twoFactorRequired({ security: security as PracticeSettings['security'] }, role);
}

/**
 * The live session behind the request's cookie, or undefined (no cookie, unknown, idle too long,
 * past its end, person disabled). Records activity, at most once a minute.
 */
export function resolveSession(c: Context, deps: Deps): ResolvedSession | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return undefined;
  const session = deps.people.sessionByTokenHash(tokenHash(token));
  if (!session) return undefined;
  const now = deps.clock().getTime();
  const ended =
    now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS;
  const user = ended ? undefined : deps.people.userById(session.userId);
  const practice = user && !user.disabledAt ? deps.store.practiceSettings(user.practiceOds) : undefined;
  // Both writes below are single statements outside Store.write's queue (each its own small
  // transaction): at most one a minute per session, and the next request must already see them.
  if (!user || !practice) {
    deps.people.deleteSession(session.id);
    return undefined;
  }
  if (now - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_MS) {
    session.lastSeenAt = new Date(now).toISOString();
    deps.people.updateSession(session.id, { lastSeenAt: session.lastSeenAt });
  }
  return {
    session,
    user,
    practice,
    enrolmentPending: needsEnrolment(practice, user.role, session.twoFactorVerified),
  };
}

export function setSessionCookie(c: Context, token: string): void {
  // No Max-Age: the cookie goes when the browser closes (shared practice computers); the server
  // ends the session anyway at its idle or absolute limit.
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
}

/** The practice as the desk names it; the demo practice is marked so the desk can say so. */
export const practiceRef = (practice: Pick<PracticeSettingsRecord, 'ods' | 'name'>) => ({
  ods: practice.ods,
  name: practice.name,
  ...(practice.ods === DEMO_ODS ? { demo: true as const } : {}),
});

/** What GET /v1/session (and every sign-in) answers. */
export function sessionView(resolved: ResolvedSession) {
  const { session, user, practice } = resolved;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      practice: practiceRef(practice),
    },
    expiresAt: session.expiresAt,
    idleExpiresAt: new Date(
      Math.min(Date.parse(session.lastSeenAt) + SESSION_IDLE_MS, Date.parse(session.expiresAt)),
    ).toISOString(),
    twoFactor: resolved.enrolmentPending ? ('enrol' as const) : ('ok' as const),
  };
}
