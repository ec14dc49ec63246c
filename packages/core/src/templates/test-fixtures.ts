// Hand-built practices and incidents for the template tests (the lifecycle is not a dependency).

import type { Category } from '../model/constants.js';
import { type Incident, newIncident, type ReportInput } from '../model/incident.js';
import { type PracticeSettingsInput, withDefaults } from '../model/settings.js';

/** A real-looking practice with a long name, the case the 280-character limit has to survive. */
export const LONG_NAME = 'The Old Cottage Hospital Surgery & Health Centre';
export const PHONE = '01234 567890';

export const practice = (overrides: Partial<PracticeSettingsInput> = {}) =>
  withDefaults({
    name: LONG_NAME,
    ods: 'A81001',
    phone: PHONE,
    website: 'https://www.oldcottagesurgery.nhs.uk',
    address: 'Alexandra Road, Epsom KT17 4BL',
    complaints: {
      procedureUrl: 'https://www.oldcottagesurgery.nhs.uk/complaints',
      email: 'oldcottage.complaints@nhs.net',
      leafletUrl: 'https://www.oldcottagesurgery.nhs.uk/complaints-leaflet.pdf',
    },
    icb: { name: 'NHS Surrey Heartlands Integrated Care Board', url: 'https://www.surreyheartlands.org' },
    reviews: {
      nhsWebsiteUrl:
        'https://www.nhs.uk/services/gp-surgery/the-old-cottage-hospital-surgery/A81001/ratings-and-reviews',
    },
    appointments: {
      nhsApp: true,
      onlineConsultationUrl: 'https://www.oldcottagesurgery.nhs.uk/online-consultation',
      phone: PHONE,
    },
    staff: [
      { name: 'Dr Priya Raman', role: 'GP partner', aliases: ['Dr Raman', 'Dr P'] },
      { name: 'Gareth Hughes', role: 'Practice manager' },
      { name: 'Siân Evans', role: 'Receptionist', aliases: ['Siân'] },
    ],
    ...overrides,
  });

/** Text no template may ever repeat. */
export const POST_TEXT = 'Dr Raman at reception told my neighbour Mrs Jones about her cancer ZQX-7731';

export function incident(categories: Category[], report: Partial<ReportInput> = {}): Incident {
  return newIncident({
    id: 'inc_test_1',
    reference: 'SM-2026-0042',
    practiceOds: 'A81001',
    report: {
      platform: 'facebook',
      postUrl: 'https://www.facebook.com/oldcottagesurgery/posts/1234567890',
      seenAt: '2026-03-05T14:05:00Z',
      location: 'practice_page',
      author: { kind: 'patient', name: 'Alex Morgan', handle: '@alexm' },
      text: POST_TEXT,
      affects: { practice: true, staff: ['Dr Raman'] },
      atRisk: false,
      reporter: { name: 'Sam Taylor', role: 'Receptionist' },
      ...report,
    },
    classification: { categories: [], severity: null, recommendedActions: [], suggestedTemplates: [] },
    categories,
    createdAt: '2026-03-05T14:10:00Z',
  });
}
