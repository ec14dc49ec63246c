import { createRoute, z } from '@hono/zod-openapi';
import { ACTOR_ROLES } from '@policy/core';
import { requireApiKey } from '../http/auth.js';
import { apiKeySecurity, OdsParam, problems, ShortText } from '../schemas/common.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const UserParams = OdsParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'User id' }),
});

export const CreateUserSchema = z
  .strictObject({
    email: z
      .email()
      .max(254)
      .openapi({ description: 'Unique across every practice: it is how they sign in.' }),
    name: ShortText,
    role: z.enum(ACTOR_ROLES),
  })
  .openapi('CreateUser');

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ACTOR_ROLES),
    status: z.enum(['invited', 'active', 'disabled']).openapi({
      description: '`invited` until the invitation is accepted (a password set).',
    }),
    disabled: z.boolean(),
    twoFactor: z.boolean().openapi({ description: 'Whether a TOTP authenticator is enrolled.' }),
    lastSignInAt: z.string().nullable(),
    inviteExpiresAt: z.string().optional().openapi({ description: 'While invited: when the link ends.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

export const InvitedUserSchema = UserSchema.extend({
  inviteUrl: z.string().openapi({
    description: 'A same-origin path (`/desk/#/invite/<token>`) that sets a password once. Shown only here.',
  }),
  inviteExpiresAt: z.string(),
}).openapi('InvitedUser');

export const UpdateUserSchema = z
  .strictObject({
    role: z.enum(ACTOR_ROLES).optional(),
    disabled: z
      .boolean()
      .optional()
      .openapi({ description: 'A disabled person’s sessions and links end at once.' }),
    resetTwoFactor: z.literal(true).optional().openapi({
      description: 'Remove their authenticator (a lost phone): they enrol a new one at their next sign-in.',
    }),
  })
  .openapi('UpdateUser');

export const createUserRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/users',
  operationId: 'createUser',
  tags: ['People'],
  summary: 'Invite a person: an account and a one-time link to set their password (7 days)',
  description:
    'Needs `settings:write` (a manager’s session has it). 409 if the email already has an account.',
  security: apiKeySecurity,
  middleware: [requireApiKey('settings:write')] as const,
  request: { params: OdsParam, body: { required: true, content: json(CreateUserSchema) } },
  responses: {
    201: { description: 'Invited', content: json(InvitedUserSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/v1/practices/{ods}/users',
  operationId: 'listUsers',
  tags: ['People'],
  summary: 'The practice’s people',
  security: apiKeySecurity,
  middleware: [requireApiKey('settings:write')] as const,
  request: { params: OdsParam },
  responses: {
    200: { description: 'Everyone, oldest first', content: json(z.object({ items: z.array(UserSchema) })) },
    ...problems(401, 403, 404),
  },
});

export const updateUserRoute = createRoute({
  method: 'patch',
  path: '/v1/practices/{ods}/users/{id}',
  operationId: 'updateUser',
  tags: ['People'],
  summary: 'Change a person’s role, disable or re-enable them, or remove their authenticator',
  description:
    '409 `last_manager` if the change would leave the practice without an active manager; 403 `own_account` when a manager changes their own role or disables themselves (another manager does that).',
  security: apiKeySecurity,
  middleware: [requireApiKey('settings:write')] as const,
  request: { params: UserParams, body: { required: true, content: json(UpdateUserSchema) } },
  responses: {
    200: { description: 'Updated', content: json(UserSchema) },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const ResetLinkSchema = z
  .object({
    resetUrl: z.string().openapi({ description: '`/desk/#/reset/<token>`: works once, for 24 hours' }),
    expiresAt: z.string(),
  })
  .openapi('ResetLink');

export const issueResetRoute = createRoute({
  method: 'post',
  path: '/v1/practices/{ods}/users/{id}/password-reset',
  operationId: 'issuePasswordReset',
  tags: ['People'],
  summary: 'A password reset link for a person, to hand to them (their older links stop working)',
  security: apiKeySecurity,
  middleware: [requireApiKey('settings:write')] as const,
  request: { params: UserParams },
  responses: {
    201: { description: 'The link, shown once', content: json(ResetLinkSchema) },
    ...problems(401, 403, 404, 409, 413, 422),
  },
});
