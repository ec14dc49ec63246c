// Locale choice and formatting shared by every component. Text lives beside each component as an
// `en-GB` dictionary plus a `cy` one typed against it, so a missing Welsh string fails the typecheck.
import type { Locale } from '@policy/core';

export type { Locale };

/**
 * Picks the text locale: an explicit `lang` attribute on the element wins, then the practice's
 * configured locale, then English. Any `cy…` tag is Welsh; any `en…` tag is British English.
 */
export function resolveLocale(langAttribute: string | null | undefined, practiceLocale?: Locale): Locale {
  const tag = (langAttribute ?? '').trim().toLowerCase();
  if (tag === 'cy' || tag.startsWith('cy-')) return 'cy';
  if (tag === 'en' || tag.startsWith('en-')) return 'en-GB';
  return practiceLocale === 'cy' ? 'cy' : 'en-GB';
}

/** Fills `{name}` slots in a message. Values are plain text; Lit escapes them when rendered. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));
}

// Month names are our own: browsers' Intl data for Welsh is missing in some builds (Debian's
// Chromium formats `cy` dates in US English), and a date must read the same everywhere.
const MONTHS: Record<Locale, string[]> = {
  'en-GB': 'January February March April May June July August September October November December'.split(' '),
  cy: 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' '),
};

/** "2 March 2026" / "2 Mawrth 2026" for an ISO date (YYYY-MM-DD); undefined if it isn't one. */
export function formatDate(isoDate: string | undefined, locale: Locale): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? '');
  const month = MONTHS[locale][Number(match?.[2]) - 1];
  const day = Number(match?.[3]);
  if (!match || !month || day < 1 || day > 31) return undefined;
  return `${day} ${month} ${match[1]}`;
}
