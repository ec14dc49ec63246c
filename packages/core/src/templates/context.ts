import { conductClauses, joinList } from '../conduct/clauses.js';
import type { ConductClauseId, Locale, Platform } from '../model/constants.js';
import type { Incident } from '../model/incident.js';
import type { PracticeSettings } from '../model/settings.js';
import type { MonitoringSummary } from '../monitoring/summarise.js';

/** What every template body receives. Never the post's text: templates must not repeat it. */
export interface TemplateContext {
  practice: PracticeSettings;
  locale: Locale;
  /** The platform named by the caller, else the incident's; unknown when neither says. */
  platform?: Platform;
  incident?: Incident;
  summary?: MonitoringSummary;
  /** ISO date a letter is dated, when given. */
  date?: string;
}

/** A template body: one text, or for public replies several, longest first, to fit a length limit. */
export type TemplateBody = (context: TemplateContext) => string | readonly string[];

/** The number people should ring: the practice's main line, else its appointments or complaints line. */
export const practicePhone = (practice: PracticeSettings): string | undefined =>
  nonEmpty(practice.phone) ?? nonEmpty(practice.appointments.phone) ?? nonEmpty(practice.complaints.phone);

export const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/London',
    });
    formatters.set(key, format);
  }
  return format;
}

/** A date (and time) as people in the UK read it, in the practice's time zone. */
export function formatDate(iso: string, locale: Locale, withTime = false): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? formatter(locale, withTime).format(time) : iso;
}

/** The practice's wording of the clauses that bear on these categories, where it shows them. */
export function clausesFor(
  practice: PracticeSettings,
  ids: readonly ConductClauseId[],
  locale: Locale,
): string[] {
  const wanted = new Set(ids);
  return conductClauses(practice)
    .filter((clause) => wanted.has(clause.id))
    .map((clause) => clause.text[locale]);
}

export const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join('\n');

/** Paragraphs joined by blank lines, skipping empty ones. */
export const paragraphs = (...parts: (string | false | null | undefined)[]): string =>
  parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');

export { joinList };
