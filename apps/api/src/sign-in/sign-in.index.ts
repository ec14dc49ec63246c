import { createRouter } from '../http/router.js';
import {
  acceptInvite,
  completeReset,
  getInvite,
  getSession,
  requestReset,
  signIn as signInHandler,
  signOut,
  signOutEverywhere,
  totpConfirm,
  totpSetup,
} from './sign-in.handlers.js';
import {
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

export const signIn = createRouter()
  .openapi(signInRoute, signInHandler)
  .openapi(getSessionRoute, getSession)
  .openapi(signOutRoute, signOut)
  .openapi(signOutEverywhereRoute, signOutEverywhere)
  .openapi(totpSetupRoute, totpSetup)
  .openapi(totpConfirmRoute, totpConfirm)
  .openapi(getInviteRoute, getInvite)
  .openapi(acceptInviteRoute, acceptInvite)
  .openapi(requestResetRoute, requestReset)
  .openapi(completeResetRoute, completeReset);
