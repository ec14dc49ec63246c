import type { ConductClauseId, Locale, Nation, Platform } from '../model/constants.js';
import type { PracticeSettings } from '../model/settings.js';
import {
  type ComplaintRouteWords,
  complaintsRoute,
  type NationComplaintsRoute,
  URGENT_HELP,
} from '../policy/nations.js';
import { conductClauses } from './clauses.js';

/** Everything the patient-facing widgets show. Never holds the staff roster, keys or private settings. */
export interface PublicPracticeConfig {
  ods: string;
  name: string;
  locale: Locale;
  /** The UK nation the practice is in: it decides `complaintsRoute` and `complaintsFacts`. */
  nation: Nation;
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
  /** The nation's complaints facts (England: 12 months, 3 working days, the PHSO). */
  complaintsFacts: {
    timeLimitMonths: number;
    acknowledgeWithinWorkingDays: number;
    ombudsman: { name: string; url: string; phone: string };
  };
  /** The nation's complaints route, with the complaint guide's words in both locales ({body} filled in). */
  complaintsRoute: {
    localBody: NationComplaintsRoute['localBody']['kind'];
    advocacy: NationComplaintsRoute['advocacy'];
    guidanceUrl: string;
    words: Record<Locale, ComplaintRouteWords>;
  };
}

/** The guide's words with the local NHS body's name put in. */
function routeWords(
  route: NationComplaintsRoute,
  bodyName: (locale: Locale) => string,
): Record<Locale, ComplaintRouteWords> {
  const fill = (words: ComplaintRouteWords, locale: Locale): ComplaintRouteWords => ({
    ...words,
    alternativeText: words.alternativeText.replace('{body}', bodyName(locale)),
  });
  return { 'en-GB': fill(route.words['en-GB'], 'en-GB'), cy: fill(route.words.cy, 'cy') };
}

/** The local NHS body's name: the practice's own, else the nation's default in the locale. */
export function localBodyName(settings: PracticeSettings, locale: Locale): string {
  const route = complaintsRoute(settings.nation);
  const name = settings.icb.name.trim();
  const isDefault =
    name === '' ||
    Object.values(route.localBody.defaultName).includes(name) ||
    name === 'your local Integrated Care Board (ICB)';
  return isDefault ? route.localBody.defaultName[locale] : name;
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
  const route = complaintsRoute(settings.nation);
  return {
    ods: settings.ods,
    name: settings.name,
    locale: settings.locale,
    nation: route.nation,
    ...pick(settings, ['website', 'phone']),
    policy: {
      ...(settings.conduct.policyUrl ? { url: settings.conduct.policyUrl } : {}),
      ...pick(settings.conduct, ['lastReviewed']),
      version: settings.conduct.version,
    },
    conduct: conductClauses(settings),
    channels: {
      complaints: pick(settings.complaints, ['procedureUrl', 'email', 'phone', 'leafletUrl']),
      icb: {
        name: localBodyName(settings, settings.locale),
        ...pick(settings.icb, ['url', 'email', 'phone']),
      },
      reviews: pick(settings.reviews, ['nhsWebsiteUrl']),
      appointments: {
        nhsApp: settings.appointments.nhsApp,
        ...pick(settings.appointments, ['onlineConsultationUrl', 'phone']),
      },
      urgent: { ...URGENT_HELP, nhs111Url: route.urgentAdviceUrl },
      // Who may post on each account is internal: only the platform, handle and link go out.
      socialAccounts: settings.socialAccounts.map((account) => ({
        platform: account.platform,
        handle: account.handle,
        ...pick(account, ['url']),
      })),
    },
    complaintsFacts: {
      timeLimitMonths: route.timeLimitMonths,
      acknowledgeWithinWorkingDays: route.acknowledgeWithinWorkingDays,
      ombudsman: { ...route.ombudsman },
    },
    complaintsRoute: {
      localBody: route.localBody.kind,
      advocacy: { ...route.advocacy },
      guidanceUrl: route.guidanceUrl,
      words: routeWords(route, (locale) => localBodyName(settings, locale)),
    },
  };
}
