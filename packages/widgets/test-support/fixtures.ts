// A fictional practice's public configuration, made by core's own publicConfig() from settings,
// so tests render exactly what GET /v1/practices/{ods}/public returns. Phone numbers are Ofcom
// drama numbers; domains are reserved `.example` names.
import {
  type PracticeSettingsInput,
  type PublicPracticeConfig,
  publicConfig,
  withDefaults,
} from '@policy/core';

export const FIXTURE_ODS = 'Y01234';

export const fixtureSettings: PracticeSettingsInput = {
  name: 'Meadowbank Surgery',
  ods: FIXTURE_ODS,
  website: 'https://meadowbank-surgery.example/',
  phone: '01632 960 000',
  complaints: {
    procedureUrl: 'https://meadowbank-surgery.example/complaints',
    email: 'complaints.meadowbank@nhs.example',
    phone: '01632 960 001',
    leafletUrl: 'https://meadowbank-surgery.example/complaints-leaflet.pdf',
  },
  icb: {
    name: 'NHS Northshire Integrated Care Board',
    url: 'https://northshire-icb.example/complaints',
    email: 'complaints@northshire-icb.example',
    phone: '0300 555 0123',
  },
  reviews: {
    nhsWebsiteUrl: 'https://www.nhs.uk/services/gp-surgery/meadowbank-surgery/Y01234/leave-a-review',
  },
  appointments: {
    nhsApp: true,
    onlineConsultationUrl: 'https://meadowbank-surgery.example/online-consultation',
    phone: '01632 960 000',
  },
  socialAccounts: [
    { platform: 'facebook', handle: 'MeadowbankSurgery', url: 'https://www.facebook.com/MeadowbankSurgery' },
  ],
  conduct: {
    clauses: [],
    policyUrl: 'https://meadowbank-surgery.example/policies/social-media',
    lastReviewed: '2026-03-02',
    version: '3',
  },
};

export function fixtureConfig(
  overrides: Partial<PublicPracticeConfig> = {},
  settings: Partial<PracticeSettingsInput> = {},
): PublicPracticeConfig {
  return { ...publicConfig(withDefaults({ ...fixtureSettings, ...settings })), ...overrides };
}
