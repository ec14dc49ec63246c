import { randomUUID } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { UserRow } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { ApiError, notFound } from '../http/problem.js';
import { INVITE_TTL_MS, issueLink, MANAGER_RESET_TTL_MS, normalizeEmail } from '../services/people/links.js';
import type { createUserRoute, issueResetRoute, listUsersRoute, updateUserRoute } from './users.routes.js';

function view(c: Context<AppEnv>, user: UserRow) {
  const invited = !user.passwordHash && !user.disabledAt;
  const inviteExpiresAt = invited
    ? c.get('deps').people.pendingInviteExpiry(user.id, c.get('deps').clock().toISOString())
    : undefined;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.disabledAt ? ('disabled' as const) : invited ? ('invited' as const) : ('active' as const),
    disabled: user.disabledAt !== null,
    twoFactor: user.totpSecret !== null,
    lastSignInAt: user.lastSignInAt,
    ...(inviteExpiresAt ? { inviteExpiresAt } : {}),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export const create: RouteHandler<typeof createUserRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const deps = c.get('deps');
  const { people, store, clock } = deps;
  const ods = c.get('practice').ods;
  const by = c.get('principal').keyId;
  const email = normalizeEmail(body.email);
  const result = await store.write(() => {
    if (people.userByEmail(email)) return undefined;
    const now = clock().toISOString();
    const user: UserRow = {
      id: `usr_${randomUUID()}`,
      practiceOds: ods,
      email,
      name: body.name,
      role: body.role,
      passwordHash: null,
      passwordChangedAt: null,
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      disabledAt: null,
      lastSignInAt: null,
      createdAt: now,
      createdBy: by,
      updatedAt: now,
      updatedBy: by,
    };
    people.insertUser(user);
    return { user, link: issueLink(deps, user, 'invite', INVITE_TTL_MS, by) };
  });
  if (!result)
    throw new ApiError(409, 'Someone already has an account with this email.', { code: 'email_taken' });
  c.header('Location', `/v1/practices/${ods}/users/${result.user.id}`);
  return c.json(
    { ...view(c, result.user), inviteUrl: result.link.path, inviteExpiresAt: result.link.expiresAt },
    201,
  );
};

export const list: RouteHandler<typeof listUsersRoute, AppEnv> = (c) =>
  c.json(
    {
      items: c
        .get('deps')
        .people.usersOfPractice(c.get('practice').ods)
        .map((user) => view(c, user)),
    },
    200,
  );

const activeManager = (user: UserRow) => user.role === 'manager' && !user.disabledAt;

export const update: RouteHandler<typeof updateUserRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const { people, store, clock } = c.get('deps');
  const ods = c.get('practice').ods;
  const by = c.get('principal').keyId;
  // A manager does not promote (to partner), demote or disable themselves: another manager does.
  if (c.get('principal').user?.id === id && (body.role !== undefined || body.disabled !== undefined))
    throw new ApiError(403, 'Ask another manager to change your own role or account.', {
      code: 'own_account',
    });
  const outcome = await store.write(() => {
    const user = people.userOfPractice(ods, id);
    if (!user) return { ok: false as const, why: 'missing' as const };
    const now = clock().toISOString();
    const next: UserRow = {
      ...user,
      role: body.role ?? user.role,
      disabledAt:
        body.disabled === undefined ? user.disabledAt : body.disabled ? (user.disabledAt ?? now) : null,
      ...(body.resetTwoFactor ? { totpSecret: null, totpPendingSecret: null } : {}),
      updatedAt: now,
      updatedBy: by,
    };
    const managersLeft = people
      .usersOfPractice(ods)
      .filter((other) => (other.id === user.id ? activeManager(next) : activeManager(other))).length;
    if (activeManager(user) && managersLeft === 0)
      return { ok: false as const, why: 'last_manager' as const };
    people.updateUser(user.id, next);
    // Disabling ends their sessions and links; a new role applies to live sessions from their next
    // request (the role is read with the session); removing the authenticator signs them out.
    if (next.disabledAt && !user.disabledAt) {
      people.deleteSessionsOf(user.id);
      people.expireTokensOf(user.id, 'invite', now);
      people.expireTokensOf(user.id, 'reset', now);
    }
    if (body.resetTwoFactor) people.deleteSessionsOf(user.id);
    return { ok: true as const, user: next };
  });
  if (!outcome.ok) {
    if (outcome.why === 'missing') throw notFound('user');
    throw new ApiError(
      409,
      'The practice needs at least one active manager: make someone else manager first.',
      {
        code: 'last_manager',
      },
    );
  }
  return c.json(view(c, outcome.user), 200);
};

export const issueReset: RouteHandler<typeof issueResetRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const deps = c.get('deps');
  const ods = c.get('practice').ods;
  const by = c.get('principal').keyId;
  const link = await deps.store.write(() => {
    const user = deps.people.userOfPractice(ods, id);
    if (!user) throw notFound('user');
    if (user.disabledAt)
      throw new ApiError(409, 'This person is disabled: enable them first.', { code: 'user_disabled' });
    return issueLink(deps, user, 'reset', MANAGER_RESET_TTL_MS, by);
  });
  return c.json({ resetUrl: link.path, expiresAt: link.expiresAt }, 201);
};
