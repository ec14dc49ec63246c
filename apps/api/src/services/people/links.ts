import type { UserRow, UserTokenRow } from '../../db/schema.js';
import type { Deps } from '../../http/env.js';
import { newToken, tokenHash } from './sessions.js';

// One-time links: an invitation sets a first password, a reset link a new one. The token (256 random
// bits) is in the link only; the database keeps its SHA-256, when it ends, and when it was used.

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A link a manager hands over (in person, by phone, by message): a working day. */
export const MANAGER_RESET_TTL_MS = 24 * 60 * 60 * 1000;
/** A link sent by email on request: an hour. */
export const EMAILED_RESET_TTL_MS = 60 * 60 * 1000;

export const DESK_LINKS = { invite: '/desk/#/invite/', reset: '/desk/#/reset/' } as const;

/** Issues a link (call inside a write); the person's older links of the same kind stop working. */
export function issueLink(
  deps: Deps,
  user: UserRow,
  purpose: UserTokenRow['purpose'],
  ttlMs: number,
  createdBy: string,
): { path: string; expiresAt: string } {
  const now = deps.clock();
  const token = newToken();
  deps.people.expireTokensOf(user.id, purpose, now.toISOString());
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  deps.people.insertToken({
    tokenHash: tokenHash(token),
    userId: user.id,
    purpose,
    createdAt: now.toISOString(),
    createdBy,
    expiresAt,
    usedAt: null,
  });
  return { path: `${DESK_LINKS[purpose]}${token}`, expiresAt };
}

/** The live link's person, or undefined (unknown, used, expired, or the person disabled). */
export function linkHolder(
  deps: Deps,
  token: string,
  purpose: UserTokenRow['purpose'],
): { user: UserRow; link: UserTokenRow } | undefined {
  if (token.length > 100) return undefined;
  const link = deps.people.liveToken(tokenHash(token), purpose, deps.clock().toISOString());
  const user = link ? deps.people.userById(link.userId) : undefined;
  return link && user && !user.disabledAt ? { user, link } : undefined;
}

/** Emails are compared as typed, trimmed and lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
