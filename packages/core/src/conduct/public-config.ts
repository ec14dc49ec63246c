import type { ConductClauseId, Locale, Platform } from '../model/constants.js';
import type { PracticeSettings } from '../model/settings.js';

/** Everything the patient-facing widgets show. Never holds the staff roster, keys or private settings. */
export interface PublicPracticeConfig {
  ods: string;
  name: string;
  locale: Locale;
  website?: string;
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

export function publicConfig(_settings: PracticeSettings): PublicPracticeConfig {
  throw new Error('publicConfig: not implemented yet');
}
