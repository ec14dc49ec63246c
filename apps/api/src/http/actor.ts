import { ACTOR_ROLES, type Actor, type ActorRole } from '@policy/core';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { ApiError } from './problem.js';
import { roleRank } from './session-auth.js';

const ACTING_USER = /^\s*([A-Za-z0-9._:@+-]{1,128})\s*(?:;\s*role\s*=\s*([a-z]+)\s*)?$/;

/**
 * Who a write is made by: `X-Acting-User: <id>; role=<staff|manager|partner>` (role defaults to
 * staff), or the key itself when the header is absent. The key id is recorded on every event anyway.
 */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.get('principal');
  // A signed-in person acts as themselves, in their own role: the header is not consulted.
  if (principal.user) return { id: principal.user.id, role: principal.user.role, name: principal.user.name };
  const header = c.req.header('x-acting-user');
  if (header === undefined) return { id: `key:${principal.keyId}`, role: 'staff' };
  const match = ACTING_USER.exec(header);
  const role = match?.[2] ?? 'staff';
  if (!match?.[1] || !(ACTOR_ROLES as readonly string[]).includes(role))
    throw new ApiError(422, 'X-Acting-User must be `<id>; role=<staff|manager|partner>`.', {
      errors: [{ path: 'header.x-acting-user', message: 'expected `<id>; role=<staff|manager|partner>`' }],
    });
  const maxRole = principal.maxRole ?? 'manager';
  if (roleRank(role as ActorRole) > roleRank(maxRole))
    throw new ApiError(403, `This key may act for people up to the ${maxRole} role, not ${role}.`, {
      code: 'role_above_key',
    });
  return { id: match[1], role: role as ActorRole };
}
