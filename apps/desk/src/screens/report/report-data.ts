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
  /** Filled in after the period's totals: one summary per month. */
  months: { label: string; summary: MonitoringSummary }[] | undefined;
  audit: AuditVerdict | { error: string };
}

/** The period's totals and the audit verdict: what the screen shows first. */
export async function loadTotals(ods: string, period: Period): Promise<Omit<ReportData, 'months'>> {
  const [summary, audit] = await Promise.all([
    api<MonitoringSummary>(`/practices/${ods}/reports/summary`, { query: { ...period } }),
    api<AuditVerdict>(`/practices/${ods}/audit/verify`).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : 'The audit check could not run.',
    })),
  ]);
  return { summary, audit };
}

/** Month by month, for the charts by month (one summary each, fetched together). */
export function loadMonths(ods: string, period: Period): Promise<NonNullable<ReportData['months']>> {
  return Promise.all(
    monthsOf(period).map(async (month) => ({
      label: month.label,
      summary: await api<MonitoringSummary>(`/practices/${ods}/reports/summary`, {
        query: { from: month.from, to: month.to },
      }),
    })),
  );
}

export function reportCsv(ods: string, period: Period): Promise<string> {
  return apiText(`/practices/${ods}/reports/summary`, { query: { ...period }, accept: 'text/csv' });
}
