import type { Category, Outcome, Platform, Severity } from '../model/constants.js';
import type { Incident } from '../model/incident.js';

export interface MonitoringSummary {
  from: string;
  to: string;
  total: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  byPlatform: Record<Platform, number>;
  byOutcome: Record<Outcome | 'open', number>;
  /** Median minutes from report to triage / to close, over incidents that reached it; null if none. */
  medianMinutesToTriage: number | null;
  medianMinutesToClose: number | null;
  deadlinesMissed: { incidentId: string; reference: string; kind: string; due: string }[];
  /** Authors behind two or more incidents in the period (by handle or name), with their counts. */
  repeatAuthors: { author: string; incidents: number }[];
}

/** `now` decides which open deadlines count as missed; defaults to `to`. */
export function summarise(
  _incidents: readonly Incident[],
  _period: { from: string; to: string; now?: string },
): MonitoringSummary {
  throw new Error('summarise: not implemented yet');
}

export function summaryToCsv(_summary: MonitoringSummary): string {
  throw new Error('summaryToCsv: not implemented yet');
}
