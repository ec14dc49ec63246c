import type { Locale, Platform, TemplateChannel, TemplateId } from '../model/constants.js';
import type { Incident } from '../model/incident.js';
import type { PracticeSettings } from '../model/settings.js';

export interface TemplateInfo {
  id: TemplateId;
  channel: TemplateChannel;
  purpose: string;
  locales: Locale[];
}

export interface RenderOptions {
  practice: PracticeSettings;
  incident?: Incident;
  platform?: Platform;
  locale?: Locale;
  /** For `monitoring_summary`: the period and its figures. */
  summary?: import('../monitoring/summarise.js').MonitoringSummary;
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

export const TEMPLATES: readonly TemplateInfo[] = [];

export function renderTemplate(_id: TemplateId, _options: RenderOptions): RenderedTemplate {
  throw new Error('renderTemplate: not implemented yet');
}
