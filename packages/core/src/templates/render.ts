import {
  LOCALES,
  type Locale,
  PLATFORM_REPLY_LIMITS,
  type Platform,
  TEMPLATE_IDS,
  type TemplateChannel,
  type TemplateId,
} from '../model/constants.js';
import type { Incident } from '../model/incident.js';
import type { PracticeSettings } from '../model/settings.js';
import type { MonitoringSummary } from '../monitoring/summarise.js';
import type { TemplateBody, TemplateContext } from './context.js';
import { MONITORING_SUMMARY, STAFF_ALERT } from './internal.js';
import { LETTERS } from './letters.js';
import { PLATFORM_REPORT } from './platform-report.js';
import { PUBLIC_REPLIES } from './public-replies.js';

export interface TemplateInfo {
  id: TemplateId;
  channel: TemplateChannel;
  purpose: string;
  locales: Locale[];
  /** What the template reads besides the practice settings: `summary` is required where listed. */
  uses: ('incident' | 'summary')[];
}

export interface RenderOptions {
  practice: PracticeSettings;
  incident?: Incident;
  /** Where a public reply will be posted. Defaults to the incident's platform, else X (the tightest common limit). */
  platform?: Platform;
  /** Defaults to the practice's locale. */
  locale?: Locale;
  /** For `monitoring_summary`: the period and its figures. */
  summary?: MonitoringSummary;
  /** ISO date to put at the top of a letter. */
  date?: string;
}

export interface RenderedTemplate {
  id: TemplateId;
  locale: Locale;
  text: string;
  /** Characters as the platform counts them (code points). */
  length: number;
  /** The platform's limit for public replies; null for private channels with no limit. */
  limit: number | null;
  fits: boolean;
}

export type TemplateRenderErrorCode = 'unknown_template' | 'unsupported_locale' | 'summary_required';

export interface TemplateRenderFailure {
  code: TemplateRenderErrorCode;
  message: string;
}

/** Thrown by `renderTemplate` for input it cannot render; `tryRenderTemplate` returns it instead. */
export class TemplateRenderError extends Error {
  readonly code: TemplateRenderErrorCode;
  constructor(failure: TemplateRenderFailure) {
    super(failure.message);
    this.name = 'TemplateRenderError';
    this.code = failure.code;
  }
}

interface TemplateDefinition extends TemplateInfo {
  body: Record<Locale, TemplateBody>;
}

const DEFINITIONS: Readonly<Record<TemplateId, Omit<TemplateDefinition, 'id' | 'locales'>>> = {
  public_acknowledgement: {
    channel: 'public_reply',
    purpose: 'A brief, calm public reply: thanks, we would like to help, please contact us directly.',
    uses: [],
    body: PUBLIC_REPLIES.public_acknowledgement,
  },
  complaint_redirect: {
    channel: 'public_reply',
    purpose:
      'A public reply: complaints cannot be dealt with on social media; here is the complaints procedure.',
    uses: [],
    body: PUBLIC_REPLIES.complaint_redirect,
  },
  appointment_redirect: {
    channel: 'public_reply',
    purpose:
      'A public reply: appointments cannot be booked here; use the NHS App, online consultation or phone.',
    uses: [],
    body: PUBLIC_REPLIES.appointment_redirect,
  },
  move_offline: {
    channel: 'public_reply',
    purpose: 'A public reply: please do not share medical details here; contact us privately.',
    uses: [],
    body: PUBLIC_REPLIES.move_offline,
  },
  feedback_thanks: {
    channel: 'public_reply',
    purpose: 'A public reply: thank you; you can also leave a review on the NHS website.',
    uses: [],
    body: PUBLIC_REPLIES.feedback_thanks,
  },
  removal_request: {
    channel: 'private_message',
    purpose: 'A private message or letter asking the author to remove the post, and why.',
    uses: ['incident'],
    body: LETTERS.removal_request,
  },
  complaint_invitation: {
    channel: 'private_message',
    purpose:
      'A private message or letter inviting a formal complaint: how, the 12-month limit, acknowledgement within 3 working days, the ICB alternative and the Ombudsman.',
    uses: ['incident'],
    body: LETTERS.complaint_invitation,
  },
  conduct_warning: {
    channel: 'letter',
    purpose:
      'A formal written warning: the post is not constructive and harms the relationship; the NHS Constitution; possible consequences.',
    uses: ['incident'],
    body: LETTERS.conduct_warning,
  },
  platform_report: {
    channel: 'platform_form',
    purpose: 'Text for the platform’s report form: which platform rule and which UK law the post breaches.',
    uses: ['incident'],
    body: PLATFORM_REPORT,
  },
  staff_alert: {
    channel: 'internal',
    purpose: 'To the manager: a new report, its severity and the first steps to take.',
    uses: ['incident'],
    body: STAFF_ALERT,
  },
  monitoring_summary: {
    channel: 'internal',
    purpose:
      'To the partners: the number and nature of incidents, outcomes and missed deadlines for a period.',
    uses: ['summary'],
    body: MONITORING_SUMMARY,
  },
};

export const TEMPLATES: readonly TemplateInfo[] = TEMPLATE_IDS.map((id) => {
  const { channel, purpose, uses } = DEFINITIONS[id];
  return { id, channel, purpose, locales: [...LOCALES], uses: [...uses] };
});

/** Length as platforms count it: Unicode code points, so an emoji or "ŵ" is one character. */
export const characterCount = (text: string): number => [...text].length;

export type TemplateRenderResult =
  | { ok: true; template: RenderedTemplate }
  | { ok: false; error: TemplateRenderFailure };

/** Renders a template, or says why it cannot: an unknown id or locale, or a summary template with no summary. */
export function tryRenderTemplate(id: TemplateId, options: RenderOptions): TemplateRenderResult {
  if (!Object.hasOwn(DEFINITIONS, id)) {
    return {
      ok: false,
      error: { code: 'unknown_template', message: `There is no template called ${JSON.stringify(id)}.` },
    };
  }
  const locale = options.locale ?? options.practice.locale;
  if (!(LOCALES as readonly string[]).includes(locale)) {
    return {
      ok: false,
      error: {
        code: 'unsupported_locale',
        message: `Templates are written in ${LOCALES.join(' and ')}, not ${JSON.stringify(locale)}.`,
      },
    };
  }
  const definition = DEFINITIONS[id];
  if (definition.uses.includes('summary') && !options.summary) {
    return {
      ok: false,
      error: {
        code: 'summary_required',
        message: `The ${id} template needs a monitoring summary for its period.`,
      },
    };
  }

  const platform = options.platform ?? options.incident?.report.platform;
  const context: TemplateContext = {
    practice: options.practice,
    locale,
    ...(platform ? { platform } : {}),
    ...(options.incident ? { incident: options.incident } : {}),
    ...(options.summary ? { summary: options.summary } : {}),
    ...(options.date ? { date: options.date } : {}),
  };
  const output = definition.body[locale](context);
  const candidates = (typeof output === 'string' ? [output] : [...output]).map((text) => text.trim());

  const limit = definition.channel === 'public_reply' ? PLATFORM_REPLY_LIMITS[platform ?? 'x'] : null;
  // Longest first: take the fullest wording that fits, else the shortest there is (and say it does not fit).
  const text =
    (limit === null ? candidates[0] : candidates.find((candidate) => characterCount(candidate) <= limit)) ??
    (candidates.at(-1) as string);
  const length = characterCount(text);
  return { ok: true, template: { id, locale, text, length, limit, fits: limit === null || length <= limit } };
}

/** Renders a template; throws a `TemplateRenderError` (with its `code`) for input it cannot render. */
export function renderTemplate(id: TemplateId, options: RenderOptions): RenderedTemplate {
  const result = tryRenderTemplate(id, options);
  if (!result.ok) throw new TemplateRenderError(result.error);
  return result.template;
}
