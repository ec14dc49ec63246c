import {
  CATEGORY_LABELS,
  type Category,
  DEADLINE_LABELS,
  type DeadlineKind,
  type Incident,
  nextSteps,
  SEVERITY_LABELS,
  type Severity,
} from '@policy/core';
import nodemailer, { type TransportOptions } from 'nodemailer';
import type { DeadlineNotification, IncidentNotification } from '../schemas/notifications.js';

// Alert emails (nodemailer over SMTP). An email may leave NHSmail, so it says only what the manager
// needs to act: reference, severity, categories, the deadline and what to do now, with a link to the
// desk — never the post's text, the author's or reporter's names, handles or evidence.

export interface SmtpConfig {
  /** e.g. smtp://127.0.0.1:2525 or smtps://user:pass@smtp.example.nhs.uk:465 */
  url: string;
  from: string;
}

/** SMTP from the environment, or null (email off) unless both SMTP_URL and SMTP_FROM are set. */
export function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim();
  return url && from ? { url, from } : null;
}

export interface Email {
  subject: string;
  text: string;
}

export interface Mailer {
  send(to: string, email: Email): Promise<{ accepted: boolean; response: string }>;
  close(): void;
}

export function createMailer(config: SmtpConfig, timeoutMs = 10_000): Mailer {
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as TransportOptions);
  return {
    async send(to, email) {
      const info = await transport.sendMail({
        from: config.from,
        to,
        subject: email.subject,
        text: email.text,
      });
      return {
        accepted: info.accepted.length > 0 && info.rejected.length === 0,
        response: String(info.response),
      };
    },
    close: () => transport.close(),
  };
}

/**
 * Sign-in emails (password reset links) over the same SMTP server as the alerts. The transport is
 * made at the first email; a refused message throws, so the caller can log that it failed.
 */
export function smtpSendMail(
  config: SmtpConfig,
): (message: { to: string; subject: string; text: string }) => Promise<void> {
  let mailer: Mailer | undefined;
  return async ({ to, subject, text }) => {
    mailer ??= createMailer(config);
    const sent = await mailer.send(to, { subject, text });
    if (!sent.accepted) throw new Error('the SMTP server refused the message');
  };
}

const LOCALE = 'en-GB';
const when = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});
/** "19:00 on Monday 9 March 2026" (UK time). */
export const ukTime = (iso: string): string => {
  const parts = when.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} on ${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
};

const categoryList = (categories: readonly Category[]) =>
  categories.length > 0
    ? categories.map((category) => CATEGORY_LABELS[LOCALE][category]).join('; ')
    : 'not yet classified';
const severityLabel = (severity: Severity) => SEVERITY_LABELS[LOCALE][severity];
const deadlineLabel = (kind: DeadlineKind) => DEADLINE_LABELS[LOCALE][kind];
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The desk, where the manager signs in to see the details. */
export function deskLink(publicUrl: string | undefined, incidentId?: string): string {
  if (!publicUrl) return 'Sign in to the practice desk (/desk/ on the practice’s policy server) to see it.';
  const base = publicUrl.replace(/\/+$/, '');
  return `Open it in the practice desk: ${base}/desk/${incidentId ? `#/incidents/${encodeURIComponent(incidentId)}` : ''}`;
}

const WHY_NO_DETAILS =
  'This email deliberately holds no post text and no names: email can leave NHSmail. Sign in to read the details.';

function incidentLines(data: IncidentNotification): string[] {
  const next = [...data.deadlines].sort((a, b) => a.due.localeCompare(b.due));
  return [
    `Reference:  ${data.reference}`,
    `Severity:   ${severityLabel(data.severity)}`,
    `Categories: ${categoryList(data.categories)}${data.categoriesConfirmed ? '' : ' (suggested; not yet triaged)'}`,
    ...(next.length > 0
      ? next.map(
          (deadline, i) =>
            `${i === 0 ? 'Deadline:   ' : '            '}${deadlineLabel(deadline.kind)} by ${ukTime(deadline.due)}`,
        )
      : ['Deadline:   none running']),
  ];
}

function stepsLines(incident: Incident | undefined): string[] {
  const steps = incident ? nextSteps(incident).map((step) => step.text) : [];
  if (steps.length === 0) return [];
  return ['', 'What to do now:', ...steps.map((step) => `- ${step}`)];
}

/** The email for a new incident (or one whose severity has just reached the alert level). */
export function incidentAlertEmail(input: {
  practiceName: string;
  data: IncidentNotification;
  /** The stored incident, for the policy's next steps (its text is never used). */
  incident: Incident | undefined;
  escalated: boolean;
  publicUrl: string | undefined;
}): Email {
  const { data } = input;
  const severity = capital(severityLabel(data.severity));
  const firstDeadline = [...data.deadlines].sort((a, b) => a.due.localeCompare(b.due))[0];
  const subject = `${severity} incident ${data.reference}${firstDeadline ? `: ${deadlineLabel(firstDeadline.kind)} by ${ukTime(firstDeadline.due)}` : ''}`;
  const opening = input.escalated
    ? `An incident at ${input.practiceName} is now ${severityLabel(data.severity)} severity.`
    : `A ${severityLabel(data.severity)} severity incident was reported to ${input.practiceName} at ${ukTime(data.createdAt)}.`;
  return {
    subject,
    text: [
      opening,
      '',
      ...incidentLines(data),
      ...stepsLines(input.incident),
      '',
      deskLink(input.publicUrl, data.incidentId),
      '',
      WHY_NO_DETAILS,
      '',
    ].join('\n'),
  };
}

/** The email for a deadline approaching or missed on an incident at or above the alert level. */
export function deadlineAlertEmail(input: {
  practiceName: string;
  kind: 'approaching' | 'missed';
  data: DeadlineNotification;
  incident: Incident | undefined;
  publicUrl: string | undefined;
}): Email {
  const { data } = input;
  const what = deadlineLabel(data.deadline.kind);
  const subject =
    input.kind === 'missed'
      ? `Missed: ${what} for ${data.reference} was due ${ukTime(data.deadline.due)}`
      : `Due soon: ${what} for ${data.reference} by ${ukTime(data.deadline.due)}`;
  return {
    subject,
    text: [
      input.kind === 'missed'
        ? `The ${what} deadline for a ${severityLabel(data.severity)} severity incident at ${input.practiceName} has passed.`
        : `The ${what} deadline for a ${severityLabel(data.severity)} severity incident at ${input.practiceName} falls due soon.`,
      '',
      ...incidentLines(data),
      ...stepsLines(input.incident),
      '',
      deskLink(input.publicUrl, data.incidentId),
      '',
      WHY_NO_DETAILS,
      '',
    ].join('\n'),
  };
}

export interface DigestItem {
  incidentId: string;
  reference: string;
  severity: Severity;
  categories: Category[];
  deadline: { kind: DeadlineKind; due: string };
}

export interface DigestData {
  practiceOds: string;
  /** The local date (YYYY-MM-DD) the digest is for. */
  date: string;
  dueToday: DigestItem[];
  missed: DigestItem[];
}

/** The morning digest: deadlines due today and those missed. */
export function digestEmail(input: {
  practiceName: string;
  data: DigestData;
  publicUrl: string | undefined;
}): Email {
  const { dueToday, missed } = input.data;
  const line = (item: DigestItem, verb: string) =>
    `- ${item.reference} (${severityLabel(item.severity)}; ${categoryList(item.categories)}): ${deadlineLabel(item.deadline.kind)} ${verb} ${
      verb === 'due by' ? time.format(new Date(item.deadline.due)) : ukTime(item.deadline.due)
    }`;
  return {
    subject: `Deadlines at ${input.practiceName}, ${input.data.date}: ${dueToday.length} due today, ${missed.length} missed`,
    text: [
      `Incident deadlines at ${input.practiceName} for ${input.data.date}.`,
      '',
      `Due today (${dueToday.length}):`,
      ...(dueToday.length > 0 ? dueToday.map((item) => line(item, 'due by')) : ['- none']),
      '',
      `Missed (${missed.length}):`,
      ...(missed.length > 0 ? missed.map((item) => line(item, 'was due')) : ['- none']),
      '',
      deskLink(input.publicUrl),
      '',
      WHY_NO_DETAILS,
      '',
    ].join('\n'),
  };
}
