import { createRouter } from '../http/router.js';
import { create, issueReset, list, update } from './users.handlers.js';
import { createUserRoute, issueResetRoute, listUsersRoute, updateUserRoute } from './users.routes.js';

export const users = createRouter()
  .openapi(createUserRoute, create)
  .openapi(listUsersRoute, list)
  .openapi(updateUserRoute, update)
  .openapi(issueResetRoute, issueReset);
