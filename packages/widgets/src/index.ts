// @policy/widgets: importing this module registers every component (the embed bundle's entry).

export * from './complaint-redirect/complaint-redirect.js';
export * from './conduct-banner/conduct-banner.js';
export * from './report-form/report-form.js';
export type { ConfigError, ConfigErrorCode, ConfigResult, PublicPracticeConfig } from './shared/config.js';
export { apiOrigin, clearConfigCache, isPublicPracticeConfig, loadPublicConfig } from './shared/config.js';
export type { Locale } from './shared/i18n.js';
export { resolveLocale } from './shared/i18n.js';
export type { LoadState, PolicyConfigErrorDetail, PolicyConfigReadyDetail } from './shared/policy-element.js';
export { PolicyElement } from './shared/policy-element.js';
