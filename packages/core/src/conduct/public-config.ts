import type { ConductClauseId, Locale, Platform } from '../model/constants.js';
import type { PracticeSettings } from '../model/settings.js';
import { conductClauses } from './clauses.js';
import { COMPLAINTS_FACTS, OMBUDSMAN, URGENT_HELP } from './facts.js';

/** Everything the patient-facing widgets show. Never holds the staff roster, keys or private settings. */
export interface PublicPracticeConfig {
  ods: string;
  name: string;
  locale: Locale;
  website?: string;
  /** The practice's main phone number. */
  phone?: string;
  policy: { url?: string; lastReviewed?: string; version: string };
  /** Enabled clauses in the practice's order, with text in both locales. */
  conduct: { id: ConductClauseId; text: Record<Locale, string> }[];
  channels: {
    complaints: { procedureUrl?: string; email?: string; phone?: string; leafletUrl?: string };
    icb: { name: string; url?: string; email?: string; phone?: string };
    reviews: { nhsWebsiteUrl?: string };
    appointments: { nhsApp: boolean; onlineConsultationUrl?: string; phone?: string };
    urgent: { nhs111Phone: '111'; nhs111Url: string; emergencyPhone: '999' };
    socialAccounts: { platform: Platform; handle: string; url?: string }[];
  };
  complaintsFacts: {
    timeLimitMonths: 12;
    acknowledgeWithinWorkingDays: 3;
    ombudsman: { name: string; url: string; phone: string };
  };
}

/**
 * Copies only the named keys whose values are set. Picking by name (never spreading) means a
 * setting added later stays private until someone decides to publish it.
 */
function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}

/** What the widgets show for a practice: public facts only (no staff roster, hours or private settings). */
export function publicConfig(settings: PracticeSettings): PublicPracticeConfig {
  return {
    ods: settings.ods,
    name: settings.name,
    locale: settings.locale,
    ...pick(settings, ['website', 'phone']),
    policy: {
      ...(settings.conduct.policyUrl ? { url: settings.conduct.policyUrl } : {}),
      ...pick(settings.conduct, ['lastReviewed']),
      version: settings.conduct.version,
    },
    conduct: conductClauses(settings),
    channels: {
      complaints: pick(settings.complaints, ['procedureUrl', 'email', 'phone', 'leafletUrl']),
      icb: { name: settings.icb.name, ...pick(settings.icb, ['url', 'email', 'phone']) },
      reviews: pick(settings.reviews, ['nhsWebsiteUrl']),
      appointments: {
        nhsApp: settings.appointments.nhsApp,
        ...pick(settings.appointments, ['onlineConsultationUrl', 'phone']),
      },
      urgent: { ...URGENT_HELP },
      // Who may post on each account is internal: only the platform, handle and link go out.
      socialAccounts: settings.socialAccounts.map((account) => ({
        platform: account.platform,
        handle: account.handle,
        ...pick(account, ['url']),
      })),
    },
    complaintsFacts: { ...COMPLAINTS_FACTS, ombudsman: { ...OMBUDSMAN } },
  };
}
