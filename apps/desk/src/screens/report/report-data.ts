import { api, apiText } from '../../api/client.js';
import type { AuditVerdict, MonitoringSummary } from '../../api/types.js';

export interface Period {
  from: string;
  to: string;
}

/** The first day of each month the period touches (ISO dates), capped at 24 months. */
export function monthsOf(period: Period): { from: string; to: string; label: string }[] {
  const months: { from: string; to: string; label: string }[] = [];
  const start = new Date(`${period.from}T00:00:00Z`);
  const end = new Date(`${period.to}T00:00:00Z`);
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor <= end && months.length < 24) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const last = new Date(next.getTime() - 86_400_000);
    months.push({
      from: (cursor < start ? start : cursor).toISOString().slice(0, 10),
      to: (last > end ? end : last).toISOString().slice(0, 10),
      label: cursor.toISOString().slice(0, 7),
    });
    cursor = next;
  }
  return months;
}

export function defaultPeriod(now = new Date()): Period {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

export interface ReportData {
  summary: MonitoringSummary;
  months: { label: string; summary: MonitoringSummary }[];
  audit: AuditVerdict | { error: string };
}

export async function loadReport(ods: string, period: Period): Promise<ReportData> {
  const path = `/practices/${ods}/reports/summary`;
  const [summary, months, audit] = await Promise.all([
    api<MonitoringSummary>(path, { query: { ...period } }),
    Promise.all(
      monthsOf(period).map(async (month) => ({
        label: month.label,
        summary: await api<MonitoringSummary>(path, { query: { from: month.from, to: month.to } }),
      })),
    ),
    api<AuditVerdict>(`/practices/${ods}/audit/verify`).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : 'The audit check could not run.',
    })),
  ]);
  return { summary, months, audit };
}

export function reportCsv(ods: string, period: Period): Promise<string> {
  return apiText(`/practices/${ods}/reports/summary`, { query: { ...period }, accept: 'text/csv' });
}
