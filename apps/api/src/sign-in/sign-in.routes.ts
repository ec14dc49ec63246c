import { createRoute, z } from '@hono/zod-openapi';
import { ACTOR_ROLES } from '@policy/core';
import { problems, sessionSecurity } from '../schemas/common.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const PracticeRefSchema = z
  .object({
    ods: z.string(),
    name: z.string(),
    demo: z.literal(true).optional().openapi({ description: 'The fictional demo practice (`npm start`).' }),
  })
  .openapi('PracticeRef');

export const SessionSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ACTOR_ROLES),
      practice: PracticeRefSchema,
    }),
    expiresAt: z.string().openapi({ description: 'The absolute end: 12 hours after sign-in.' }),
    idleExpiresAt: z
      .string()
      .openapi({ description: 'When the session ends without further requests (30 minutes idle).' }),
    twoFactor: z.enum(['ok', 'enrol']).openapi({
      description:
        '`enrol`: the role needs a TOTP authenticator and has none yet; until confirmed, only `GET`/`DELETE /v1/session` and `/v1/session/totp/*` are open (anything else is 403 `two_factor_enrolment_required`).',
    }),
  })
  .openapi('Session');

const Password = z
  .string()
  .max(1024)
  .openapi({ description: 'At least 12 characters; not a common password.' });
const Email = z.string().trim().min(1).max(254);
const Code = z
  .string()
  .max(20)
  .openapi({ description: 'The 6-digit code from the authenticator app', example: '123456' });

export const SignInSchema = z
  .strictObject({ email: Email, password: z.string().min(1).max(1024), code: Code.optional() })
  .openapi('SignIn');

const TokenParam = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'The token from the link' }),
});

const sessionCookie = {
  'Set-Cookie': {
    description: '`policy_session=…; HttpOnly; Secure; SameSite=Strict; Path=/`',
    schema: { type: 'string' as const },
  },
};

export const signInRoute = createRoute({
  method: 'post',
  path: '/v1/session',
  operationId: 'signIn',
  tags: ['Sign-in'],
  summary: 'Sign in with email and password (and a TOTP code where enrolled)',
  description:
    'Sets the `policy_session` cookie. 401 with `code`: `invalid_credentials` (wrong or unknown email or password — the same answer either way), `totp_required` (send `code` too), `invalid_totp`. After 5 failures for an email (or 20 from one address) within 15 minutes sign-in is locked for 15 minutes: 429 `locked` with `Retry-After`, even for the right password.',
  security: [],
  request: { body: { required: true, content: json(SignInSchema) } },
  responses: {
    200: { description: 'Signed in', headers: sessionCookie, content: json(SessionSchema) },
    ...problems(400, 401, 403, 413, 415, 422, 429),
  },
});

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/v1/session',
  operationId: 'getSession',
  tags: ['Sign-in'],
  summary: 'Who is signed in, and until when',
  security: sessionSecurity,
  responses: {
    200: { description: 'The session', content: json(SessionSchema) },
    ...problems(401),
  },
});

export const signOutRoute = createRoute({
  method: 'delete',
  path: '/v1/session',
  operationId: 'signOut',
  tags: ['Sign-in'],
  summary: 'Sign out (this browser)',
  security: sessionSecurity,
  responses: { 204: { description: 'Signed out (or was not signed in)' }, ...problems(403) },
});

export const signOutEverywhereRoute = createRoute({
  method: 'post',
  path: '/v1/session/sign-out-everywhere',
  operationId: 'signOutEverywhere',
  tags: ['Sign-in'],
  summary: 'End every session of the signed-in person, on every device',
  security: sessionSecurity,
  responses: { 204: { description: 'Every session ended' }, ...problems(401, 403, 413, 422) },
});

export const TotpSetupSchema = z
  .object({
    secret: z.string().openapi({ description: 'Base32, for typing into an authenticator app' }),
    otpauthUri: z.string().openapi({ description: 'The `otpauth://totp/…` URI, for a QR code' }),
  })
  .openapi('TotpSetup');

export const totpSetupRoute = createRoute({
  method: 'post',
  path: '/v1/session/totp/setup',
  operationId: 'setUpTotp',
  tags: ['Sign-in'],
  summary: 'Start enrolling a TOTP authenticator: a new secret (takes effect once confirmed)',
  security: sessionSecurity,
  responses: {
    200: { description: 'The secret', content: json(TotpSetupSchema) },
    ...problems(401, 403, 413, 422),
  },
});

export const TotpConfirmSchema = z.strictObject({ code: Code }).openapi('TotpConfirm');

export const totpConfirmRoute = createRoute({
  method: 'post',
  path: '/v1/session/totp/confirm',
  operationId: 'confirmTotp',
  tags: ['Sign-in'],
  summary: 'Confirm the authenticator with a code from it: two-factor is on from now',
  description:
    '422 `invalid_totp` for a wrong code; 409 `no_totp_setup` without a setup first. Every later sign-in needs a code.',
  security: sessionSecurity,
  request: { body: { required: true, content: json(TotpConfirmSchema) } },
  responses: {
    200: { description: 'Enrolled', content: json(SessionSchema) },
    ...problems(400, 401, 403, 409, 413, 415, 422, 429),
  },
});

export const InviteSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(ACTOR_ROLES),
    practice: PracticeRefSchema,
    requiresTwoFactor: z.boolean(),
    expiresAt: z.string(),
  })
  .openapi('Invite');

export const getInviteRoute = createRoute({
  method: 'get',
  path: '/v1/invites/{token}',
  operationId: 'getInvite',
  tags: ['Sign-in'],
  summary: 'What an invitation link is for (404 if unknown, used or expired)',
  security: [],
  request: { params: TokenParam },
  responses: { 200: { description: 'The invitation', content: json(InviteSchema) }, ...problems(404) },
});

export const AcceptInviteSchema = z.strictObject({ password: Password }).openapi('AcceptInvite');

export const acceptInviteRoute = createRoute({
  method: 'post',
  path: '/v1/invites/{token}/accept',
  operationId: 'acceptInvite',
  tags: ['Sign-in'],
  summary: 'Set a password with an invitation link, and sign in',
  description:
    'The link works once. A weak password is 422 with `errors[]`. Signs in: `twoFactor` is `enrol` when the role needs an authenticator.',
  security: [],
  request: { params: TokenParam, body: { required: true, content: json(AcceptInviteSchema) } },
  responses: {
    200: { description: 'Signed in', headers: sessionCookie, content: json(SessionSchema) },
    ...problems(400, 403, 404, 413, 415, 422),
  },
});

export const RequestResetSchema = z.strictObject({ email: Email }).openapi('PasswordResetRequest');

export const requestResetRoute = createRoute({
  method: 'post',
  path: '/v1/password-resets',
  operationId: 'requestPasswordReset',
  tags: ['Sign-in'],
  summary: 'Email a password reset link (always 202, whether or not the email has an account)',
  description:
    'When the server can send email (and knows its public URL), the person gets a link valid for 1 hour; at most one every 5 minutes. Without email, ask a practice manager for a reset link.',
  security: [],
  request: { body: { required: true, content: json(RequestResetSchema) } },
  responses: { 202: { description: 'Accepted' }, ...problems(400, 403, 413, 415, 422) },
});

export const CompleteResetSchema = z.strictObject({ password: Password }).openapi('PasswordResetComplete');

export const completeResetRoute = createRoute({
  method: 'post',
  path: '/v1/password-resets/{token}',
  operationId: 'completePasswordReset',
  tags: ['Sign-in'],
  summary: 'Set a new password with a reset link: every session of the person ends',
  security: [],
  request: { params: TokenParam, body: { required: true, content: json(CompleteResetSchema) } },
  responses: { 204: { description: 'Password set' }, ...problems(400, 403, 404, 413, 415, 422) },
});
