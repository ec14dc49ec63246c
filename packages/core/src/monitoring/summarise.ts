import {
  CATEGORIES,
  type Category,
  OUTCOMES,
  type Outcome,
  PLATFORMS,
  type Platform,
  SEVERITIES,
  type Severity,
} from '../model/constants.js';
import type { Incident } from '../model/incident.js';
import { authorKey } from '../policy/author.js';

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

export const SUMMARY_OUTCOMES = [...OUTCOMES, 'open'] as const;

const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Counts a key; a value outside the vocabulary (an old stored row, say) is skipped, not NaN. */
function bump<K extends string>(counts: Record<K, number>, key: K): void {
  if (Object.hasOwn(counts, key)) counts[key] += 1;
}

function parseTime(value: string, what: string): number {
  const time = Date.parse(value);
  if (!Number.isFinite(time))
    throw new RangeError(`${what} is not a valid ISO date-time: ${JSON.stringify(value)}`);
  return time;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

const roundTenth = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;

const minutesBetween = (from: string, to: string): number | null => {
  const start = Date.parse(from);
  const end = Date.parse(to);
  return Number.isFinite(start) && Number.isFinite(end) ? (end - start) / 60_000 : null;
};

/**
 * Authors behind two or more incidents in the period. "The same author" is core's one definition
 * (policy/author.ts: the same handle, or without one the same name, on the same platform), the one
 * the repeat-poster rule behind blocking counts by, so this report and that guard agree.
 */
function repeatAuthors(incidents: readonly Incident[]): { author: string; incidents: number }[] {
  const groups = new Map<string, { author: string; incidents: number }>();
  for (const incident of incidents) {
    const key = authorKey(incident.report);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.incidents += 1;
    else {
      // Show the author as first written: the handle if there is one, else the name.
      const author = incident.report.author?.handle?.trim() || incident.report.author?.name?.trim() || '';
      groups.set(key, { author, incidents: 1 });
    }
  }
  return [...groups.values()]
    .filter((group) => group.incidents >= 2)
    .sort((a, b) => b.incidents - a.incidents || a.author.localeCompare(b.author, 'en-GB'));
}

/**
 * The monitoring report for incidents created in [from, to). `now` decides which open deadlines
 * count as missed; defaults to `to`. A deadline still on a closed incident counts only if it fell
 * due before the incident was closed.
 */
export function summarise(
  incidents: readonly Incident[],
  period: { from: string; to: string; now?: string },
): MonitoringSummary {
  const from = parseTime(period.from, '`from`');
  const to = parseTime(period.to, '`to`');
  if (from > to) throw new RangeError('`from` must not be after `to`');
  const now = period.now === undefined ? to : parseTime(period.now, '`now`');

  const inPeriod = incidents.filter((incident) => {
    const created = Date.parse(incident.createdAt);
    return created >= from && created < to;
  });

  const byCategory = zeroCounts(CATEGORIES);
  const bySeverity = zeroCounts(SEVERITIES);
  const byPlatform = zeroCounts(PLATFORMS);
  const byOutcome = zeroCounts(SUMMARY_OUTCOMES);
  const toTriage: number[] = [];
  const toClose: number[] = [];
  const deadlinesMissed: MonitoringSummary['deadlinesMissed'] = [];

  for (const incident of inPeriod) {
    // An incident with several categories counts once in each.
    for (const category of new Set(incident.categories)) bump(byCategory, category);
    bump(bySeverity, incident.severity);
    bump(byPlatform, incident.report.platform);
    const closed = incident.state === 'closed';
    bump(byOutcome, closed ? (incident.outcome ?? 'unresolved') : 'open');

    if (incident.triagedAt) {
      const minutes = minutesBetween(incident.createdAt, incident.triagedAt);
      if (minutes !== null) toTriage.push(minutes);
    }
    if (closed && incident.closedAt) {
      const minutes = minutesBetween(incident.createdAt, incident.closedAt);
      if (minutes !== null) toClose.push(minutes);
    }

    const closedAt = closed && incident.closedAt ? Date.parse(incident.closedAt) : Number.NaN;
    const cutoff = Number.isFinite(closedAt) ? Math.min(now, closedAt) : now;
    for (const deadline of incident.deadlines) {
      if (Date.parse(deadline.due) < cutoff) {
        deadlinesMissed.push({
          incidentId: incident.id,
          reference: incident.reference,
          kind: deadline.kind,
          due: deadline.due,
        });
      }
    }
  }
  deadlinesMissed.sort(
    (a, b) => Date.parse(a.due) - Date.parse(b.due) || a.reference.localeCompare(b.reference, 'en-GB'),
  );

  return {
    from: period.from,
    to: period.to,
    total: inPeriod.length,
    byCategory,
    bySeverity,
    byPlatform,
    byOutcome,
    medianMinutesToTriage: roundTenth(median(toTriage)),
    medianMinutesToClose: roundTenth(median(toClose)),
    deadlinesMissed,
    repeatAuthors: repeatAuthors(inPeriod),
  };
}

// ---------------------------------------------------------------- CSV

/** The one header row: every column named (a section uses the columns it needs, left to right). */
const CSV_HEADER = ['section', 'key', 'value', 'incident_id', 'deadline', 'due'] as const;

/**
 * One RFC 4180 field, always quoted. A field that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, tab or CR; author handles start with "@") gets a leading apostrophe (OWASP's
 * advice for CSV injection).
 */
function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The summary as RFC 4180 CSV: CRLF line ends, every field quoted, one header row naming every
 * column, every record the same width so strict parsers accept it. The first column names the
 * section (summary, category, severity, platform, outcome, deadline_missed, repeat_author); `key`
 * is the figure's name, the category, … the incident's reference or the author; `value` the figure
 * or count; a missed deadline fills `incident_id`, `deadline` (its kind) and `due`.
 */
export function summaryToCsv(summary: MonitoringSummary): string {
  const rows: (string | number | null)[][] = [];
  rows.push([...CSV_HEADER]);
  const section = (name: string, body: (string | number | null)[][]) => {
    for (const row of body) rows.push([name, ...row]);
  };
  const counts = <K extends string>(record: Record<K, number>, keys: readonly K[]) =>
    keys.map((key) => [key, record[key]]);

  section('summary', [
    ['from', summary.from],
    ['to', summary.to],
    ['total', summary.total],
    ['median_minutes_to_triage', summary.medianMinutesToTriage],
    ['median_minutes_to_close', summary.medianMinutesToClose],
    ['deadlines_missed', summary.deadlinesMissed.length],
    ['repeat_authors', summary.repeatAuthors.length],
  ]);
  section('category', counts(summary.byCategory, CATEGORIES));
  section('severity', counts(summary.bySeverity, SEVERITIES));
  section('platform', counts(summary.byPlatform, PLATFORMS));
  section('outcome', counts(summary.byOutcome, SUMMARY_OUTCOMES));
  section(
    'deadline_missed',
    summary.deadlinesMissed.map((missed) => [
      missed.reference,
      null,
      missed.incidentId,
      missed.kind,
      missed.due,
    ]),
  );
  section(
    'repeat_author',
    summary.repeatAuthors.map((repeat) => [repeat.author, repeat.incidents]),
  );

  return rows
    .map((row) => {
      const padded = [...row, ...Array<null>(CSV_HEADER.length - row.length).fill(null)];
      return padded.map(csvField).join(',');
    })
    .map((line) => `${line}\r\n`)
    .join('');
}
