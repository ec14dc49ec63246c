import { z } from '@hono/zod-openapi';
import {
  CONDUCT_CLAUSE_IDS,
  LOCALES,
  NATIONS,
  PLATFORMS,
  RETENTION_YEARS_RANGE,
  SEVERITIES,
} from '@policy/core';
import { HttpUrl, IsoDate, ShortText } from './common.js';

// The practice's settings as a client may send them: every field optional (defaults fill the rest),
// unknown fields refused.

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9 +()-]{3,20}$/, 'a phone number: digits, spaces, +, ( ) and -');
const Email = z.email().max(254);
const HHMM = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM, 24-hour');

export const StaffMemberSchema = z.strictObject({
  name: ShortText,
  role: ShortText.optional(),
  aliases: z.array(ShortText).max(20).optional(),
});

export const SettingsInputSchema = z
  .strictObject({
    website: HttpUrl.optional(),
    locale: z.enum(LOCALES).optional(),
    nation: z.enum(NATIONS).optional().openapi({
      description:
        'The UK nation the practice is in (default `england`): it decides the complaints route, the local NHS body and the ombudsman.',
    }),
    timeZone: z.literal('Europe/London').optional(),
    phone: Phone.optional(),
    address: z.string().trim().max(500).optional(),
    complaints: z
      .strictObject({
        procedureUrl: HttpUrl.optional(),
        email: Email.optional(),
        phone: Phone.optional(),
        leafletUrl: HttpUrl.optional(),
      })
      .optional(),
    icb: z
      .strictObject({
        name: ShortText,
        url: HttpUrl.optional(),
        email: Email.optional(),
        phone: Phone.optional(),
      })
      .optional(),
    reviews: z.strictObject({ nhsWebsiteUrl: HttpUrl.optional() }).optional(),
    appointments: z
      .strictObject({
        nhsApp: z.boolean().optional(),
        onlineConsultationUrl: HttpUrl.optional(),
        phone: Phone.optional(),
      })
      .optional(),
    socialAccounts: z
      .array(
        z.strictObject({
          platform: z.enum(PLATFORMS),
          handle: ShortText,
          url: HttpUrl.optional(),
          postedBy: z.array(ShortText).max(20).optional(),
        }),
      )
      .max(30)
      .optional(),
    businessHours: z
      .strictObject({
        days: z.array(z.number().int().min(0).max(6)).max(7),
        open: HHMM,
        close: HHMM,
      })
      .optional(),
    replyTargetBusinessDays: z.number().int().min(1).max(30).optional(),
    conduct: z
      .strictObject({
        clauses: z
          .array(
            z.strictObject({
              id: z.enum(CONDUCT_CLAUSE_IDS),
              enabled: z.boolean().optional(),
              text: z
                .strictObject({
                  'en-GB': z.string().trim().min(1).max(1000).optional(),
                  cy: z.string().trim().min(1).max(1000).optional(),
                })
                .optional(),
            }),
          )
          .max(CONDUCT_CLAUSE_IDS.length)
          .optional(),
        policyUrl: HttpUrl.optional(),
        lastReviewed: IsoDate.optional(),
        version: z.string().trim().min(1).max(40).optional(),
      })
      .optional(),
    staff: z.array(StaffMemberSchema).max(1000).optional(),
    closedDates: z.array(IsoDate).max(400).optional(),
    alerts: z
      .strictObject({
        emails: z.array(Email).max(20).optional().openapi({
          description: 'Who is emailed alerts and the morning deadline digest (the manager, a shared inbox)',
        }),
        minSeverity: z
          .enum(SEVERITIES)
          .optional()
          .openapi({ description: 'Incidents at or above this severity alert at once (default high)' }),
      })
      .optional(),
    retention: z
      .strictObject({
        closedIncidentYears: z
          .number()
          .int()
          .min(RETENTION_YEARS_RANGE.min)
          .max(RETENTION_YEARS_RANGE.max)
          .openapi({
            description:
              'Whole years after an incident is closed before the scheduled purge removes its personal data (default 10: the NHS Records Management Code of Practice’s complaints case file, closure + 10 years)',
          }),
      })
      .optional(),
    security: z
      .strictObject({
        requireTwoFactor: z.boolean().optional().openapi({
          description:
            'Managers and partners must enrol a TOTP authenticator and give a code at each sign-in (default true).',
        }),
      })
      .optional(),
  })
  .openapi('PracticeSettingsInput');

/** The stored settings: every field present (defaults applied). Documented loosely; see the input. */
export const SettingsSchema = z.record(z.string(), z.unknown()).openapi('PracticeSettings', {
  description: 'All settings, defaults filled in (same fields as PracticeSettingsInput, plus name and ods).',
});
