// A fictional practice's public configuration, in the exact shape GET /v1/practices/{ods}/public
// returns. Phone numbers are Ofcom drama numbers; domains are reserved `.example` names.
import type { PublicPracticeConfig } from '@policy/core';

export const FIXTURE_ODS = 'Y01234';

export function fixtureConfig(overrides: Partial<PublicPracticeConfig> = {}): PublicPracticeConfig {
  return {
    ods: FIXTURE_ODS,
    name: 'Meadowbank Surgery',
    locale: 'en-GB',
    website: 'https://meadowbank-surgery.example/',
    policy: {
      url: 'https://meadowbank-surgery.example/policies/social-media',
      lastReviewed: '2026-03-02',
      version: '3',
    },
    conduct: [
      {
        id: 'zero_tolerance',
        text: {
          'en-GB':
            'We do not accept abuse, threats or violence towards our staff or other patients, in person, on the phone or online.',
          cy: 'Nid ydym yn derbyn camdriniaeth, bygythiadau na thrais tuag at ein staff na chleifion eraill, wyneb yn wyneb, ar y ffôn nac ar-lein.',
        },
      },
      {
        id: 'recording_consent',
        text: {
          'en-GB':
            'Please do not film or record staff or other patients in the surgery without their agreement.',
          cy: 'Peidiwch â ffilmio na recordio staff na chleifion eraill yn y feddygfa heb eu caniatâd.',
        },
      },
      {
        id: 'no_staff_identification',
        text: {
          'en-GB': 'Please do not name or post pictures of our staff on social media.',
          cy: 'Peidiwch ag enwi staff na phostio lluniau ohonynt ar y cyfryngau cymdeithasol.',
        },
      },
      {
        id: 'no_social_media_contact',
        text: {
          'en-GB':
            'We cannot discuss your care on social media. Contact us by phone, online or at reception.',
          cy: 'Ni allwn drafod eich gofal ar y cyfryngau cymdeithasol. Cysylltwch â ni dros y ffôn, ar-lein neu yn y dderbynfa.',
        },
      },
      {
        id: 'complaints_procedure',
        text: {
          'en-GB':
            'If you are unhappy with our service, please use our complaints procedure so we can put things right.',
          cy: "Os nad ydych yn hapus â'n gwasanaeth, defnyddiwch ein trefn gwyno er mwyn i ni allu unioni pethau.",
        },
      },
    ],
    channels: {
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
      urgent: { nhs111Phone: '111', nhs111Url: 'https://111.nhs.uk/', emergencyPhone: '999' },
      socialAccounts: [
        {
          platform: 'facebook',
          handle: 'MeadowbankSurgery',
          url: 'https://www.facebook.com/MeadowbankSurgery',
        },
      ],
    },
    complaintsFacts: {
      timeLimitMonths: 12,
      acknowledgeWithinWorkingDays: 3,
      ombudsman: {
        name: 'Parliamentary and Health Service Ombudsman',
        url: 'https://www.ombudsman.org.uk/',
        phone: '0345 015 4033',
      },
    },
    ...overrides,
  };
}
