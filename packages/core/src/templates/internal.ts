// Texts for the practice itself: the alert a manager gets when a report is filed, and the
// monitoring report for the partners. Internal, but they still never repeat the post's text.

import {
  ACTION_TEXT,
  CATEGORY_LABELS,
  DEADLINE_LABELS,
  LOCATION_LABELS,
  OUTCOME_LABELS,
  PLATFORM_LABELS,
  SEVERITY_LABELS,
} from '../labels/index.js';
import type { Category, Locale, Severity } from '../model/constants.js';
import { CATEGORIES, PLATFORMS, SEVERITIES } from '../model/constants.js';
import { type PolicyActionId, policyFor } from '../model/policy.js';
import { SUMMARY_OUTCOMES } from '../monitoring/summarise.js';
import { partnerSteps } from '../policy/guidance.js';
import {
  bullets,
  formatDate,
  nonEmpty,
  paragraphs,
  type TemplateBody,
  type TemplateContext,
} from './context.js';
import { orderedCategories } from './law.js';

const numbered = (lines: readonly string[]): string =>
  lines.map((line, index) => `${index + 1}. ${line}`).join('\n');

type ActionId = PolicyActionId;

/** The manager's first steps for these categories, in policy order, in the locale. */
function firstSteps(categories: readonly Category[], locale: Locale): string[] {
  return policyFor(categories).actions.map((action) => ACTION_TEXT[locale][action.id as ActionId]);
}

const actionText = (id: ActionId, locale: Locale): string => ACTION_TEXT[locale][id];

const WORDS = {
  'en-GB': {
    urgent: 'URGENT',
    title: 'New social media report',
    severity: 'severity',
    critical: 'This is critical: act now, whatever the time.',
    where: 'Where',
    seen: 'Seen',
    categories: 'Categories',
    confirmed: 'confirmed at triage',
    unconfirmed: 'from the classifier, not yet confirmed',
    none: 'none found yet',
    affects: 'Affects',
    practice: 'the practice',
    staff: (count: number) => `${count} named member${count === 1 ? '' : 's'} of staff`,
    patients: 'other patients',
    reportedBy: 'Reported by',
    atRisk: 'The reporter says someone may be at risk right now.',
    firstSteps: 'First steps',
    triageDue: (due: string) => `Triage is due by ${due}.`,
    triageDefault: 'Triage is due by the end of the next business day.',
    generic: (practice: string) =>
      `A new social media report has been filed for ${practice}. Open it to see its severity and categories.`,
    notAssessed: 'not yet assessed',
  },
  cy: {
    urgent: 'BRYS',
    title: 'Adroddiad newydd am y cyfryngau cymdeithasol',
    severity: 'difrifoldeb',
    critical: 'Mae hwn yn gritigol: gweithredwch nawr, beth bynnag yw’r amser.',
    where: 'Ble',
    seen: 'Gwelwyd',
    categories: 'Categorïau',
    confirmed: 'wedi’u cadarnhau wrth frysbennu',
    unconfirmed: 'gan y dosbarthwr, heb eu cadarnhau eto',
    none: 'dim wedi’u canfod eto',
    affects: 'Yn effeithio ar',
    practice: 'y feddygfa',
    staff: (count: number) => `${count} aelod o staff a enwyd`,
    patients: 'cleifion eraill',
    reportedBy: 'Adroddwyd gan',
    atRisk: 'Mae’r sawl a adroddodd yn dweud y gallai rhywun fod mewn perygl ar hyn o bryd.',
    firstSteps: 'Camau cyntaf',
    triageDue: (due: string) => `Mae angen brysbennu erbyn ${due}.`,
    triageDefault: 'Mae angen brysbennu erbyn diwedd y diwrnod gwaith nesaf.',
    generic: (practice: string) =>
      `Mae adroddiad newydd am y cyfryngau cymdeithasol wedi’i gyflwyno ar gyfer ${practice}. Agorwch ef i weld ei ddifrifoldeb a’i gategorïau.`,
    notAssessed: 'heb ei asesu eto',
  },
} as const;

function staffAlert({ practice, incident, locale }: TemplateContext): string {
  const words = WORDS[locale];
  if (!incident) {
    return paragraphs(
      `${words.title}: ${words.severity} ${words.notAssessed}`,
      words.generic(practice.name),
      `${words.firstSteps}:\n${numbered([actionText('save_evidence', locale)])}`,
      words.triageDefault,
    );
  }
  const { report } = incident;
  const severity: Severity = incident.severity;
  const critical = severity === 'critical';
  const categories = orderedCategories(incident.categories);
  const affects = [
    report.affects?.practice ? words.practice : null,
    report.affects?.staff && report.affects.staff.length > 0
      ? words.staff(report.affects.staff.length)
      : null,
    report.affects?.patients ? words.patients : null,
  ].filter((part): part is string => part !== null);
  const triage = incident.deadlines.find((deadline) => deadline.kind === 'triage');
  const where = [
    PLATFORM_LABELS[locale][report.platform],
    LOCATION_LABELS[locale][report.location],
    nonEmpty(report.postUrl),
  ]
    .filter(Boolean)
    .join(', ');
  const reporter = [report.reporter.name, nonEmpty(report.reporter.role)].filter(Boolean).join(', ');
  return paragraphs(
    `${critical ? `${words.urgent}: ` : ''}${words.title} ${incident.reference}: ${words.severity} ${SEVERITY_LABELS[locale][severity]}`,
    critical && words.critical,
    [
      `${words.where}: ${where}`,
      `${words.seen}: ${formatDate(report.seenAt, locale, true)}`,
      `${words.categories}: ${
        categories.length > 0
          ? `${categories.map((category) => CATEGORY_LABELS[locale][category]).join('; ')} (${
              incident.categoriesConfirmed ? words.confirmed : words.unconfirmed
            })`
          : words.none
      }`,
      affects.length > 0 ? `${words.affects}: ${affects.join('; ')}` : null,
      `${words.reportedBy}: ${reporter}`,
    ]
      .filter(Boolean)
      .join('\n'),
    report.atRisk && words.atRisk,
    `${words.firstSteps}:\n${numbered(firstSteps(categories, locale))}`,
    incident.state === 'reported' &&
      (triage ? words.triageDue(formatDate(triage.due, locale, true)) : words.triageDefault),
  );
}

// ---------------------------------------------------------------- monitoring summary

const SUMMARY_WORDS = {
  'en-GB': {
    title: (practice: string) => `Social media incidents: report to the partners of ${practice}`,
    period: 'Period',
    to: 'to',
    upTo: 'up to',
    total: 'Incidents reported',
    byCategory: 'By category',
    bySeverity: 'By severity',
    byPlatform: 'By platform',
    byOutcome: 'Outcomes',
    none: 'none',
    medianTriage: 'Median time to triage',
    medianClose: 'Median time to close',
    notAvailable: 'not available',
    missed: 'Deadlines missed',
    due: 'due',
    repeat: 'Authors behind two or more incidents',
    decisions: 'For the partners to decide',
    incidents: (count: number) => `${count} incident${count === 1 ? '' : 's'}`,
    duration: (days: number, hours: number, minutes: number) =>
      [days && `${days} d`, hours && `${hours} h`, (minutes || (!days && !hours)) && `${minutes} min`]
        .filter(Boolean)
        .join(' '),
  },
  cy: {
    title: (practice: string) =>
      `Digwyddiadau ar y cyfryngau cymdeithasol: adroddiad i bartneriaid ${practice}`,
    period: 'Cyfnod',
    to: 'i',
    upTo: 'hyd at',
    total: 'Digwyddiadau a adroddwyd',
    byCategory: 'Yn ôl categori',
    bySeverity: 'Yn ôl difrifoldeb',
    byPlatform: 'Yn ôl platfform',
    byOutcome: 'Canlyniadau',
    none: 'dim',
    medianTriage: 'Amser canolrifol i frysbennu',
    decisions: 'I’r partneriaid benderfynu',
    medianClose: 'Amser canolrifol i gau',
    notAvailable: 'dim ar gael',
    missed: 'Terfynau amser a fethwyd',
    due: 'erbyn',
    repeat: 'Awduron sydd y tu ôl i ddau ddigwyddiad neu fwy',
    incidents: (count: number) => `${count} digwyddiad`,
    duration: (days: number, hours: number, minutes: number) =>
      [
        days && `${days} diwrnod`,
        hours && `${hours} awr`,
        (minutes || (!days && !hours)) && `${minutes} munud`,
      ]
        .filter(Boolean)
        .join(' '),
  },
} as const;

function duration(minutes: number | null, locale: Locale): string {
  const words = SUMMARY_WORDS[locale];
  if (minutes === null) return words.notAvailable;
  const total = Math.round(minutes);
  return words.duration(Math.floor(total / 1440), Math.floor((total % 1440) / 60), total % 60);
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});
const isLondonMidnight = (iso: string): boolean =>
  Number.isFinite(Date.parse(iso)) && londonClock.format(Date.parse(iso)) === '00:00:00';

/** Whole days read "1 March 2026 to 31 March 2026"; anything else shows times, end exclusive. */
function period(from: string, to: string, locale: Locale): string {
  const words = SUMMARY_WORDS[locale];
  if (isLondonMidnight(from) && isLondonMidnight(to)) {
    const lastDay = new Date(Date.parse(to) - 1).toISOString();
    return `${formatDate(from, locale)} ${words.to} ${formatDate(lastDay, locale)}`;
  }
  return `${formatDate(from, locale, true)} ${words.upTo} ${formatDate(to, locale, true)}`;
}

function countLine<K extends string>(
  record: Readonly<Record<K, number>>,
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  locale: Locale,
  keepZeros = false,
): string {
  const parts = keys
    .filter((key) => keepZeros || record[key] > 0)
    .map((key) => `${labels[key]}: ${record[key]}`);
  return parts.length > 0 ? parts.join('; ') : SUMMARY_WORDS[locale].none;
}

function monitoringSummary({ practice, summary, locale }: TemplateContext): string {
  if (!summary) throw new Error('monitoring_summary needs a summary');
  const words = SUMMARY_WORDS[locale];
  const severitiesHighFirst = [...SEVERITIES].reverse();
  const decisions = partnerSteps(
    CATEGORIES.filter((category) => summary.byCategory[category] > 0),
    locale,
  );
  return paragraphs(
    words.title(practice.name),
    `${words.period}: ${period(summary.from, summary.to, locale)}`,
    [
      `${words.total}: ${summary.total}`,
      `${words.byCategory}: ${countLine(summary.byCategory, CATEGORIES, CATEGORY_LABELS[locale], locale)}`,
      `${words.bySeverity}: ${countLine(summary.bySeverity, severitiesHighFirst, SEVERITY_LABELS[locale], locale, true)}`,
      `${words.byPlatform}: ${countLine(summary.byPlatform, PLATFORMS, PLATFORM_LABELS[locale], locale)}`,
      `${words.byOutcome}: ${countLine(summary.byOutcome, SUMMARY_OUTCOMES, OUTCOME_LABELS[locale], locale)}`,
    ].join('\n'),
    [
      `${words.medianTriage}: ${duration(summary.medianMinutesToTriage, locale)}`,
      `${words.medianClose}: ${duration(summary.medianMinutesToClose, locale)}`,
    ].join('\n'),
    `${words.missed}: ${summary.deadlinesMissed.length}${
      summary.deadlinesMissed.length > 0
        ? `\n${bullets(
            summary.deadlinesMissed.map((missed) => {
              const kind =
                DEADLINE_LABELS[locale][missed.kind as keyof (typeof DEADLINE_LABELS)['en-GB']] ??
                missed.kind;
              return `${missed.reference}: ${kind}, ${words.due} ${formatDate(missed.due, locale, true)}`;
            }),
          )}`
        : ''
    }`,
    `${words.repeat}: ${summary.repeatAuthors.length}${
      summary.repeatAuthors.length > 0
        ? `\n${bullets(summary.repeatAuthors.map((repeat) => `${repeat.author}: ${words.incidents(repeat.incidents)}`))}`
        : ''
    }`,
    // The report is addressed to the partners: what the period's incidents leave for them to decide.
    decisions.length > 0 && `${words.decisions}:\n${bullets(decisions.map((step) => step.text))}`,
  );
}

export const STAFF_ALERT: Record<Locale, TemplateBody> = { 'en-GB': staffAlert, cy: staffAlert };
export const MONITORING_SUMMARY: Record<Locale, TemplateBody> = {
  'en-GB': monitoringSummary,
  cy: monitoringSummary,
};
