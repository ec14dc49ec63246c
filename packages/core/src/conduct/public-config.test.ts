import { describe, expect, it } from 'vitest';
import { withDefaults } from '../model/settings.js';
import { conductClauses } from './clauses.js';
import { publicConfig } from './public-config.js';

const settings = withDefaults({
  name: 'Lea Vale Medical Group',
  ods: 'E82001',
  website: 'https://leavale.example',
  phone: '01582 000000',
  address: '1 Private Lane, Dunstable',
  complaints: { procedureUrl: 'https://leavale.example/complaints', email: 'complaints.leavale@nhs.net' },
  icb: { name: 'NHS Bedfordshire, Luton and Milton Keynes ICB', url: 'https://blmkhealthandcareicb.example' },
  reviews: { nhsWebsiteUrl: 'https://www.nhs.uk/services/gp-surgery/lea-vale/E82001/ratings-and-reviews' },
  appointments: { nhsApp: true, phone: '01582 000000' },
  socialAccounts: [
    { platform: 'facebook', handle: '@LeaValeMedical', postedBy: ['Carlene Anson', 'community engagement'] },
    { platform: 'x', handle: '@group_lea', url: 'https://x.com/group_lea' },
  ],
  conduct: {
    clauses: [{ id: 'recording_consent', enabled: false }],
    policyUrl: 'https://leavale.example/social-media-policy',
    lastReviewed: '2026-02-01',
    version: '4',
  },
  staff: [
    { name: 'Heidi Newton', role: 'Managing Partner', aliases: ['Heidi'] },
    { name: 'Mathew Wright', role: 'Business Partner', aliases: ['Dr W'] },
  ],
  closedDates: ['2026-12-29'],
  replyTargetBusinessDays: 2,
});

describe('publicConfig', () => {
  const config = publicConfig(settings);
  const json = JSON.stringify(config);

  it('never carries the staff roster, who posts for the practice, or other private settings', () => {
    for (const secret of [
      'Heidi',
      'Newton',
      'Mathew Wright',
      'Dr W',
      'Managing Partner',
      'Carlene Anson',
      'community engagement',
      'Private Lane',
      '2026-12-29',
      'postedBy',
      '"staff":',
      'businessHours',
      'replyTarget',
      'closedDates',
    ]) {
      expect(json).not.toContain(secret);
    }
  });

  it('copies only known fields, so a setting added later stays private', () => {
    const withExtra = {
      ...settings,
      apiKeyHash: 'secret-hash',
      complaints: { ...settings.complaints, internalNote: 'do not show' },
      icb: { ...settings.icb, contractManager: 'do not show' },
    };
    const leaked = JSON.stringify(publicConfig(withExtra));
    expect(leaked).not.toContain('secret-hash');
    expect(leaked).not.toContain('do not show');
  });

  it('gives the enabled clauses in the practice’s order, in both locales', () => {
    expect(config.conduct).toEqual(conductClauses(settings));
    expect(config.conduct.map((clause) => clause.id)).not.toContain('recording_consent');
    expect(config.conduct).toHaveLength(8);
  });

  it('shows the policy link, review date and version', () => {
    expect(config.policy).toEqual({
      url: 'https://leavale.example/social-media-policy',
      lastReviewed: '2026-02-01',
      version: '4',
    });
  });

  it('routes people to the practice, the ICB, reviews, appointments and urgent help', () => {
    expect(config.channels.complaints).toEqual({
      procedureUrl: 'https://leavale.example/complaints',
      email: 'complaints.leavale@nhs.net',
    });
    expect(config.channels.icb.name).toBe('NHS Bedfordshire, Luton and Milton Keynes ICB');
    expect(config.channels.reviews.nhsWebsiteUrl).toContain('ratings-and-reviews');
    expect(config.channels.appointments).toEqual({ nhsApp: true, phone: '01582 000000' });
    expect(config.channels.urgent).toEqual({
      nhs111Phone: '111',
      nhs111Url: 'https://111.nhs.uk',
      emergencyPhone: '999',
    });
    expect(config.channels.socialAccounts).toEqual([
      { platform: 'facebook', handle: '@LeaValeMedical' },
      { platform: 'x', handle: '@group_lea', url: 'https://x.com/group_lea' },
    ]);
  });

  it('states the complaints facts and the Ombudsman', () => {
    expect(config.complaintsFacts).toEqual({
      timeLimitMonths: 12,
      acknowledgeWithinWorkingDays: 3,
      ombudsman: {
        name: 'Parliamentary and Health Service Ombudsman',
        url: 'https://www.ombudsman.org.uk',
        phone: '0345 015 4033',
      },
    });
  });

  it('omits unset optional fields instead of sending undefined or empty strings', () => {
    const bare = publicConfig(withDefaults({ name: 'Test Surgery', ods: 'Z99999', website: '' }));
    expect(bare).not.toHaveProperty('website');
    expect(bare).not.toHaveProperty('phone');
    expect(bare.policy).toEqual({ version: '1' });
    expect(bare.channels.complaints).toEqual({});
    expect(bare.channels.icb.name).toMatch(/Integrated Care Board/);
    expect(JSON.parse(JSON.stringify(bare))).toEqual(bare);
  });
});

describe('publicConfig: the four nations', () => {
  const forNation = (
    nation: 'england' | 'wales' | 'scotland' | 'northern_ireland',
    locale: 'en-GB' | 'cy' = 'en-GB',
  ) => publicConfig(withDefaults({ name: 'Test Surgery', ods: 'Z99999', nation, locale }));

  it('England by default: the ICB, 12 months, 3 working days, the PHSO, NHS 111', () => {
    const config = publicConfig(withDefaults({ name: 'Test Surgery', ods: 'Z99999' }));
    expect(config.nation).toBe('england');
    expect(config.complaintsRoute.localBody).toBe('icb');
    expect(config.complaintsRoute.words['en-GB'].alternativeText).toContain(
      'your local Integrated Care Board (ICB)',
    );
    expect(config.complaintsFacts.ombudsman.name).toBe('Parliamentary and Health Service Ombudsman');
    expect(config.channels.urgent.nhs111Url).toBe('https://111.nhs.uk');
  });

  it('Wales: Putting Things Right and the health board in both languages, the PSOW, NHS 111 Wales — no ICB anywhere', () => {
    for (const locale of ['en-GB', 'cy'] as const) {
      const config = forNation('wales', locale);
      expect(config.complaintsRoute.localBody).toBe('health_board');
      expect(config.complaintsRoute.words['en-GB'].procedure).toContain('Putting Things Right');
      expect(config.complaintsRoute.words.cy.procedure).toContain('Gweithio i Wella');
      expect(config.complaintsRoute.words['en-GB'].alternativeText).toContain('your local health board');
      expect(config.complaintsRoute.words.cy.alternativeText).toContain('eich bwrdd iechyd lleol');
      expect(config.complaintsFacts).toEqual({
        timeLimitMonths: 12,
        acknowledgeWithinWorkingDays: 2,
        ombudsman: {
          name: 'Public Services Ombudsman for Wales',
          url: 'https://www.ombudsman.wales',
          phone: '0300 790 0203',
        },
      });
      expect(config.channels.urgent.nhs111Url).toBe('https://111.wales.nhs.uk');
      expect(JSON.stringify(config)).not.toMatch(
        /Integrated Care Board|Bwrdd Gofal Integredig|\bICB\b|Parliamentary/,
      );
    }
  });

  it('Scotland: the NHS board, 6 months, the SPSO, PASS, NHS 24', () => {
    const config = forNation('scotland');
    expect(config.complaintsRoute.localBody).toBe('nhs_board');
    expect(config.complaintsFacts.timeLimitMonths).toBe(6);
    expect(config.complaintsFacts.ombudsman.name).toBe('Scottish Public Services Ombudsman');
    expect(config.complaintsRoute.advocacy.name).toContain('Patient Advice and Support Service');
    expect(config.channels.urgent.nhs111Url).toBe('https://www.nhs24.scot');
    expect(JSON.stringify(config)).not.toMatch(/Integrated Care Board|\bICB\b|Parliamentary/);
  });

  it('Northern Ireland: the HSC procedure, the SPPG as go-between, NIPSO, the Patient and Client Council', () => {
    const config = forNation('northern_ireland');
    expect(config.complaintsRoute.localBody).toBe('sppg');
    expect(config.complaintsRoute.words['en-GB'].procedure).toContain('HSC');
    expect(config.complaintsFacts.ombudsman.name).toBe('Northern Ireland Public Services Ombudsman');
    // A GP practice (family practitioner services) acknowledges in 3 working days; HSC Trusts in 2.
    expect(config.complaintsFacts.acknowledgeWithinWorkingDays).toBe(3);
    expect(config.complaintsFacts.timeLimitMonths).toBe(6);
    expect(config.complaintsRoute.advocacy.name).toBe('Patient and Client Council');
    expect(config.channels.urgent.nhs111Url).not.toContain('111.nhs.uk');
    expect(JSON.stringify(config)).not.toMatch(/Integrated Care Board|\bICB\b|Parliamentary/);
  });

  it('keeps the practice’s own name for its local body, and fills it into the guide’s words', () => {
    const config = publicConfig(
      withDefaults({
        name: 'T',
        ods: 'W00001',
        nation: 'wales',
        icb: { name: 'Hywel Dda University Health Board' },
      }),
    );
    expect(config.channels.icb.name).toBe('Hywel Dda University Health Board');
    expect(config.complaintsRoute.words.cy.alternativeText).toContain('Hywel Dda University Health Board');
    expect(config.complaintsRoute.words['en-GB'].alternativeText).not.toContain('{body}');
  });
});
