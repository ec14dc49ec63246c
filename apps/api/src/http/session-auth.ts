import { ACTOR_ROLES, type ActorRole, type EventType } from '@policy/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type ResolvedSession, resolveSession, SESSION_COOKIE } from '../services/people/sessions.js';
import { API_SCOPES, type ApiScope, type AppEnv, type Principal } from './env.js';
import { ApiError, notFound } from './problem.js';

// A signed-in person as a credential for /v1 (beside API keys). What each role may do:
// - staff: file reports, and read and add to (evidence, notes) only the incidents they filed;
// - partner: everything on incidents, the monitoring report and the audit; not settings, people, keys;
// - manager: everything for the practice.
// Writes with the cookie must come from the desk's own origin (SameSite=Strict is the first line;
// Origin and Sec-Fetch-Site the second, for browsers or set-ups where SameSite does not hold).

export const ROLE_SCOPES: Record<ActorRole, readonly ApiScope[]> = {
  staff: ['incidents:read', 'incidents:write'],
  partner: ['incidents:read', 'incidents:write', 'reports:read'],
  manager: API_SCOPES,
};

/** Events a member of staff may apply to an incident they filed. */
export const STAFF_EVENTS: readonly EventType[] = ['record_evidence', 'add_note'];

/** The order in which roles may claim more: a key's `maxRole` caps what X-Acting-User may claim. */
export const roleRank = (role: ActorRole): number => ACTOR_ROLES.indexOf(role);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser made from another site: `Sec-Fetch-Site` other than
 * same-origin / none, or an `Origin` that is not this server's. Requests with neither header come
 * from programs, not browsers, and carry no ambient credential a third party could borrow.
 */
export function refuseCrossSite(c: Context): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  let sameOrigin = true;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') sameOrigin = false;
  if (origin !== undefined) {
    try {
      sameOrigin &&= origin !== 'null' && new URL(origin).host === new URL(c.req.url).host;
    } catch {
      sameOrigin = false;
    }
  }
  if (!sameOrigin)
    throw new ApiError(403, 'Requests signed in with the desk’s cookie must come from the desk itself.', {
      type: '/problems/cross-site-request',
      code: 'cross_site',
    });
}

export const sessionExpired = () =>
  new ApiError(401, 'You are not signed in, or your session has ended. Sign in again.', {
    code: 'session_expired',
    headers: { 'WWW-Authenticate': 'Bearer realm="policy"' },
  });

export const enrolmentRequired = () =>
  new ApiError(403, 'Set up two-factor sign-in first (POST /v1/session/totp/setup, then confirm).', {
    code: 'two_factor_enrolment_required',
  });

export function principalOf(resolved: ResolvedSession): Principal {
  const { user, session } = resolved;
  return {
    keyId: `user:${user.id}`,
    type: 'session',
    practices: [user.practiceOds],
    scopes: [...ROLE_SCOPES[user.role]],
    allowedOrigins: [],
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionId: session.id },
  };
}

/**
 * The session behind the request's cookie as a Principal; undefined when no cookie is sent. A dead
 * cookie is 401, a cross-site write 403, a session still owing its two-factor enrolment 403.
 */
export function sessionPrincipal(c: Context<AppEnv>): Principal | undefined {
  if (getCookie(c, SESSION_COOKIE) === undefined) return undefined;
  refuseCrossSite(c);
  const resolved = resolveSession(c, c.get('deps'));
  if (!resolved) throw sessionExpired();
  if (resolved.enrolmentPending) throw enrolmentRequired();
  return principalOf(resolved);
}

/** Whether the path's incident was filed by this person (staff see nothing else). */
function filedBy(c: Context<AppEnv>, principal: Principal, incidentId: string): boolean {
  const found = c.get('deps').store.incident(c.get('practice').ods, incidentId);
  return found?.row.createdByKey === principal.keyId;
}

/**
 * Whether the request may see this incident: anyone but a member of staff may (the practice was
 * already checked); staff only the ones they filed. For incidents named in a body, not the path.
 */
// biome-ignore lint/suspicious/noExplicitAny: any route's context
export function staffMayReach(c: Context<AppEnv, any, any>, incidentId: string): boolean {
  const principal = c.get('principal');
  return principal.user?.role !== 'staff' || filedBy(c, principal, incidentId);
}

/**
 * What a role may reach beyond its scopes: staff only the incident operations (no settings, templates,
 * report or audit), and another person's incident answers them exactly as a missing one (404).
 */
export function checkSessionAccess(
  c: Context<AppEnv>,
  principal: Principal,
  scope: ApiScope | undefined,
): void {
  const user = principal.user;
  if (!user) return;
  if (scope && !principal.scopes.includes(scope))
    throw new ApiError(403, `A ${user.role}’s account cannot do this.`, { code: 'role_not_allowed' });
  if (user.role !== 'staff') return;
  // Staff reach incidents, and the templates to use on them (the template render checks the incident
  // it names is theirs: staffMayReach). Reports they file pass through requireReportKey, not here.
  if (!c.req.path.includes('/incidents') && !c.req.path.includes('/templates'))
    throw new ApiError(403, 'A staff account cannot do this.', { code: 'role_not_allowed' });
  const incidentId = c.req.param('id');
  if (incidentId !== undefined && !filedBy(c, principal, incidentId)) throw notFound('incident');
}

/** Staff apply only STAFF_EVENTS (to their own incidents); 403 otherwise. */
export function checkSessionEvent(principal: Principal, type: string): void {
  if (principal.user?.role === 'staff' && !(STAFF_EVENTS as readonly string[]).includes(type))
    throw new ApiError(403, 'A staff account can add evidence and notes to its own reports, nothing more.', {
      code: 'role_not_allowed',
    });
}

/** The incidents a principal may list: a member of staff's own; everyone else's, all. */
export const listableFiler = (principal: Principal): string | undefined =>
  principal.user?.role === 'staff' ? principal.keyId : undefined;
