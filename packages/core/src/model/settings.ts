import { complaintsRoute } from '../policy/nations.js';
import type { ActorRole, ConductClauseId, Locale, Nation, Platform, Severity } from './constants.js';

/** One weekday's reply hours in the practice's local time, "HH:MM" 24-hour. */
export interface BusinessHours {
  /** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay` numbers them. */
  days: number[];
  open: string;
  close: string;
}

export interface ConductClauseOverride {
  id: ConductClauseId;
  enabled?: boolean;
  /** Practice wording that replaces the default text, per locale. */
  text?: Partial<Record<Locale, string>>;
}

export interface StaffMember {
  name: string;
  role?: string;
  /** Other names people use: nicknames, first names, initials ("Dr P"). */
  aliases?: string[];
}

export interface SocialAccount {
  platform: Platform;
  handle: string;
  url?: string;
  /** Roles allowed to post on the account. */
  postedBy?: string[];
}

/** Who is told at once when something serious is reported, and from which severity up. */
export interface AlertSettings {
  /** Addresses that receive alerts and the daily deadline digest (the manager, a shared inbox). */
  emails: string[];
  /** Incidents at or above this severity alert at once; `high` means high and critical. */
  minSeverity: Severity;
}

export const DEFAULT_ALERTS: AlertSettings = { emails: [], minSeverity: 'high' };

export interface PracticeSettings {
  name: string;
  ods: string;
  website?: string;
  locale: Locale;
  /** The UK nation the practice is in: it decides the complaints route and the ombudsman. */
  nation: Nation;
  timeZone: 'Europe/London';
  phone?: string;
  address?: string;
  complaints: {
    procedureUrl?: string;
    email?: string;
    phone?: string;
    leafletUrl?: string;
  };
  /**
   * The local NHS body a patient may complain to instead of the practice: in England the
   * Integrated Care Board (the name `icb` is England's); in Wales the health board, in Scotland the
   * NHS board, in Northern Ireland the Department of Health's SPPG.
   */
  icb: { name: string; url?: string; email?: string; phone?: string };
  reviews: { nhsWebsiteUrl?: string };
  appointments: {
    nhsApp: boolean;
    onlineConsultationUrl?: string;
    phone?: string;
  };
  socialAccounts: SocialAccount[];
  businessHours: BusinessHours;
  /** Reply target for comments, in business days. */
  replyTargetBusinessDays: number;
  conduct: {
    /** Order and overrides; clauses not listed keep their default place and text. */
    clauses: ConductClauseOverride[];
    policyUrl?: string;
    /** ISO date (YYYY-MM-DD) the policy was last reviewed. */
    lastReviewed?: string;
    /** Bumped when the policy changes so dismissed banners show again. */
    version: string;
  };
  /** Sensitive: used by the classifier only, never public. */
  staff: StaffMember[];
  /** Extra bank holidays or closures (ISO dates) on top of the UK bank holiday table. */
  closedDates: string[];
  alerts: AlertSettings;
  /** How long personal data of a closed incident is kept before the scheduled purge removes it. */
  retention: RetentionSettings;
  /** How people sign in to the practice desk. */
  security: PracticeSecurity;
}

export interface PracticeSecurity {
  /** Managers and partners must enrol a TOTP authenticator and give a code at each sign-in. */
  requireTwoFactor: boolean;
}

export const DEFAULT_SECURITY: PracticeSecurity = { requireTwoFactor: true };

/** Roles that decide on incidents and settings: their accounts need a second factor when required. */
export const TWO_FACTOR_ROLES = ['manager', 'partner'] as const satisfies readonly ActorRole[];

/**
 * Whether a person of this role must give a TOTP code to sign in. Settings stored before `security`
 * existed read as the default (required).
 */
export function twoFactorRequired(settings: Pick<PracticeSettings, 'security'>, role: ActorRole): boolean {
  const required = settings.security?.requireTwoFactor ?? DEFAULT_SECURITY.requireTwoFactor;
  return required && (TWO_FACTOR_ROLES as readonly ActorRole[]).includes(role);
}

export interface RetentionSettings {
  /**
   * Whole years after an incident is closed. The NHS Records Management Code of Practice (Appendix II,
   * "Complaints case file": closure of incident + 10 years, then review and destroy if no longer needed)
   * is the nearest record type; docs/data-protection.md says why.
   */
  closedIncidentYears: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { closedIncidentYears: 10 };
/** Bounds the API accepts for `retention.closedIncidentYears`. */
export const RETENTION_YEARS_RANGE = { min: 1, max: 100 } as const;

export type PracticeSettingsInput = Partial<Omit<PracticeSettings, 'name' | 'ods' | 'alerts'>> & {
  alerts?: Partial<AlertSettings>;
  name: string;
  ods: string;
};

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '19:00' };

/** Fills every setting the practice did not give with the policy's default. */
export function withDefaults(input: PracticeSettingsInput): PracticeSettings {
  return {
    website: undefined,
    phone: undefined,
    address: undefined,
    ...input,
    locale: input.locale ?? 'en-GB',
    nation: input.nation ?? 'england',
    timeZone: 'Europe/London',
    complaints: { ...input.complaints },
    icb: input.icb ?? { name: complaintsRoute(input.nation).localBody.defaultName['en-GB'] },
    reviews: { ...input.reviews },
    appointments: { nhsApp: true, ...input.appointments },
    socialAccounts: input.socialAccounts ?? [],
    businessHours: input.businessHours ?? DEFAULT_BUSINESS_HOURS,
    replyTargetBusinessDays: input.replyTargetBusinessDays ?? 3,
    conduct: { clauses: [], version: '1', ...input.conduct },
    staff: input.staff ?? [],
    closedDates: input.closedDates ?? [],
    security: { ...DEFAULT_SECURITY, ...input.security },
    retention: { ...DEFAULT_RETENTION, ...input.retention },
    alerts: alertsOf(input),
  };
}

/** The practice's alert settings, defaults filled in (settings stored before alerts existed have none). */
export function alertsOf(settings: { alerts?: Partial<AlertSettings> }): AlertSettings {
  return {
    emails: settings.alerts?.emails ?? DEFAULT_ALERTS.emails,
    minSeverity: settings.alerts?.minSeverity ?? DEFAULT_ALERTS.minSeverity,
  };
}

/** NHS ODS practice codes: a letter and five digits (e.g. A81001). */
export const ODS_CODE_PATTERN = /^[A-Z][0-9]{5}$/;
