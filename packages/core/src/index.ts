// @policy/core: the practice's social-media and acceptable-use policy as pure code.

export { classify } from './classification/classify.js';
export { RULE_MEANINGS } from './classifier/rules/tables/index.js';
export type { ConductClause } from './conduct/clauses.js';
export { conductClauses } from './conduct/clauses.js';
export type { PublicPracticeConfig } from './conduct/public-config.js';
export { publicConfig } from './conduct/public-config.js';
export * from './labels/index.js';
export type { BusinessCalendar } from './lifecycle/business-time.js';
export { businessMillisBetween, calendarFor } from './lifecycle/business-time.js';
export type { ChaseKind, ChaseSubject, DeadlineChase, DigestEntry } from './lifecycle/chase.js';
export {
  alertsAtOnce,
  businessMinutesBetween,
  CHASE_LEAD_BUSINESS_MINUTES,
  chaseDeadlines,
  chaseKey,
  deadlineDigest,
} from './lifecycle/chase.js';
export { overdueDeadlines } from './lifecycle/deadlines.js';
export type { GuardRule } from './lifecycle/rules.js';
export { GUARD_RULES, RULE_CODES } from './lifecycle/rules.js';
export { availableEvents, nextSteps, replay, startIncident, transition } from './lifecycle/transition.js';
export * from './limits.js';
export * from './model/constants.js';
export type * from './model/incident.js';
export * from './model/personal-data.js';
export type { PolicyActionId } from './model/policy.js';
export { CATEGORY_POLICY, POLICY_ORDER, policyFor } from './model/policy.js';
export * from './model/settings.js';
export type { MonitoringSummary } from './monitoring/summarise.js';
export { summarise, summaryToCsv } from './monitoring/summarise.js';
export * from './policy/index.js';
export type {
  RenderedTemplate,
  RenderOptions,
  TemplateInfo,
  TemplateRenderErrorCode,
} from './templates/render.js';
export { renderTemplate, TEMPLATES, TemplateRenderError, tryRenderTemplate } from './templates/render.js';
