import { createRouter } from '../http/router.js';
import { createPractice, getPractice, updatePractice } from './practices.handlers.js';
import { createPracticeRoute, getPracticeRoute, updatePracticeRoute } from './practices.routes.js';

export const practices = createRouter()
  .openapi(createPracticeRoute, createPractice)
  .openapi(getPracticeRoute, getPractice)
  .openapi(updatePracticeRoute, updatePractice);
