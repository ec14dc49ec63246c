// `@policy/core/policy`: what the policy says to whom (guidance by audience), who counts as "the
// same author", and each UK nation's complaints route. Small and pure: no classifier, no templates.

export type { Nation } from '../model/constants.js';
export { NATIONS } from '../model/constants.js';
export type { AuthorIdentityInput } from './author.js';
export { authorKey, normaliseHandle, normaliseName, sameAuthor } from './author.js';
export type { Audience, GuidanceStep, ReporterFlags } from './guidance.js';
export {
  AUDIENCES,
  managerActionText,
  partnerStepIds,
  partnerSteps,
  reporterStepIds,
  reporterSteps,
} from './guidance.js';
export type { ComplaintRouteWords, NationComplaintsRoute, Ombudsman } from './nations.js';
export { COMPLAINTS_ROUTES, complaintsRoute, URGENT_HELP } from './nations.js';
