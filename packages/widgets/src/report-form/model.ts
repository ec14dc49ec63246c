import type { AuthorKind, Platform, PostLocation, ReportInput } from '@policy/core';
import { PLATFORMS, POST_LOCATIONS } from '@policy/core/constants';
import { type EvidenceImageType, MAX_POST_TEXT_LENGTH } from '@policy/core/limits';
import { fill } from '../shared/i18n.js';
import type { Strings } from './strings.js';

// The report form's data and rules as plain functions (no DOM), so they are tested on their own.
// Every limit is core's (`@policy/core/limits`), the one the API enforces: the form never accepts
// what the server would refuse, and never cuts what it would accept.

export type ScreenshotType = EvidenceImageType;

/** What the member of staff types, as the inputs hold it (strings, not the API's types). */
export interface ReportFields {
  platform: Platform | '';
  postUrl: string;
  /** `<input type="datetime-local">` value in the device's time zone, e.g. `2026-11-25T09:30`. */
  seenAt: string;
  location: PostLocation | '';
  authorName: string;
  authorHandle: string;
  authorPatient: PatientAnswer;
  authorStaff: boolean;
  text: string;
  affectsPractice: boolean;
  affectsStaff: boolean;
  staffNames: string;
  affectsPatients: boolean;
  atRisk: 'yes' | 'no' | '';
  reporterName: string;
  reporterRole: string;
}

/** The patient question's answers; "staff" is a separate tick box (see `authorKind`). */
export type PatientAnswer = Extract<AuthorKind, 'patient' | 'public' | 'unknown'>;

export type FieldName = keyof ReportFields | 'screenshots';

export interface Screenshot {
  id: string;
  name: string;
  type: ScreenshotType;
  size: number;
  blob: Blob;
}

export interface FieldError {
  field: FieldName | null;
  message: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value for `date` in the device's own time zone, to the minute. */
export const toLocalInputValue = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

export const emptyFields = (now: Date): ReportFields => ({
  platform: '',
  postUrl: '',
  seenAt: toLocalInputValue(now),
  location: '',
  authorName: '',
  authorHandle: '',
  authorPatient: 'unknown',
  authorStaff: false,
  text: '',
  affectsPractice: false,
  affectsStaff: false,
  staffNames: '',
  affectsPatients: false,
  atRisk: '',
  reporterName: '',
  reporterRole: '',
});

/** Staff-authored posts take the HR path whatever the patient answer says. */
export const authorKind = (fields: Pick<ReportFields, 'authorPatient' | 'authorStaff'>): AuthorKind =>
  fields.authorStaff ? 'staff' : fields.authorPatient;

/** Parses a `datetime-local` value as device-local time; null when it is not a real time. */
export const parseLocalInput = (value: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Reject roll-overs such as 31 February, which Date quietly turns into March.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
};

const isWebAddress = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
};

export const staffNameList = (value: string): string[] =>
  value
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);

/** 20000 → "20,000" (the same in Welsh). */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/**
 * What the character count under the text says: nothing while the text is well inside core's
 * limit, the characters left from 90% of it, and how many too many once over. Counted in UTF-16
 * code units, as the API counts (`MAX_POST_TEXT_LENGTH`).
 */
export const characterCount = (
  text: string,
  strings: Pick<Strings, 'textRemaining' | 'textTooMany'>,
): { over: boolean; message: string } | null => {
  const left = MAX_POST_TEXT_LENGTH - text.length;
  if (left < 0) return { over: true, message: fill(strings.textTooMany, { count: formatCount(-left) }) };
  if (text.length < MAX_POST_TEXT_LENGTH * 0.9) return null;
  return { over: false, message: fill(strings.textRemaining, { count: formatCount(left) }) };
};

/** Clock skew between the device and the server is common; a few minutes ahead is not "future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Every problem with the fields, in the order they appear on the form (GOV.UK error summary order). */
export const validate = (fields: ReportFields, strings: Strings, now: Date): FieldError[] => {
  const errors: FieldError[] = [];
  if (fields.atRisk === '') errors.push({ field: 'atRisk', message: strings.errAtRisk });
  if (!PLATFORMS.includes(fields.platform as Platform))
    errors.push({ field: 'platform', message: strings.errPlatform });
  if (fields.postUrl.trim() !== '' && !isWebAddress(fields.postUrl.trim()))
    errors.push({ field: 'postUrl', message: strings.errPostUrl });
  const seen = parseLocalInput(fields.seenAt);
  if (!seen) errors.push({ field: 'seenAt', message: strings.errSeenAt });
  else if (seen.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    errors.push({ field: 'seenAt', message: strings.errSeenAtFuture });
  if (!POST_LOCATIONS.includes(fields.location as PostLocation))
    errors.push({ field: 'location', message: strings.errLocation });
  if (fields.text.trim() === '') errors.push({ field: 'text', message: strings.errText });
  else if (fields.text.length > MAX_POST_TEXT_LENGTH)
    errors.push({
      field: 'text',
      message: fill(strings.errTextLong, {
        max: formatCount(MAX_POST_TEXT_LENGTH),
        count: formatCount(fields.text.length),
      }),
    });
  if (fields.affectsStaff && staffNameList(fields.staffNames).length === 0)
    errors.push({ field: 'staffNames', message: strings.errStaffNames });
  if (fields.reporterName.trim() === '')
    errors.push({ field: 'reporterName', message: strings.errReporterName });
  return errors;
};

const trimmed = (value: string): string | undefined => {
  const text = value.trim();
  return text === '' ? undefined : text;
};

/** The API body for valid fields (call `validate` first); optional parts are left out when empty. */
export const toReportInput = (fields: ReportFields): ReportInput => {
  const seen = parseLocalInput(fields.seenAt);
  const author: NonNullable<ReportInput['author']> = { kind: authorKind(fields) };
  const authorName = trimmed(fields.authorName);
  const authorHandle = trimmed(fields.authorHandle);
  if (authorName) author.name = authorName;
  if (authorHandle) author.handle = authorHandle;
  const affects: NonNullable<ReportInput['affects']> = {};
  if (fields.affectsPractice) affects.practice = true;
  if (fields.affectsStaff) affects.staff = staffNameList(fields.staffNames);
  if (fields.affectsPatients) affects.patients = true;
  const reporter: ReportInput['reporter'] = { name: fields.reporterName.trim() };
  const role = trimmed(fields.reporterRole);
  if (role) reporter.role = role;
  const input: ReportInput = {
    platform: fields.platform as Platform,
    seenAt: (seen ?? new Date(Number.NaN)).toISOString(),
    location: fields.location as PostLocation,
    author,
    text: fields.text,
    atRisk: fields.atRisk === 'yes',
    reporter,
  };
  const postUrl = trimmed(fields.postUrl);
  if (postUrl) input.postUrl = postUrl;
  if (Object.keys(affects).length > 0) input.affects = affects;
  return input;
};

/** Where an API validation path (`reporter.name`, `/reporter/name`, `["author","kind"]`) shows on the form. */
export const fieldForPath = (path: unknown): FieldName | null => {
  const parts = Array.isArray(path)
    ? path.map(String)
    : String(path ?? '')
        .replace(/^[#/]+/, '')
        .split(/[./[\]]+/)
        .filter(Boolean);
  const [head, next] = parts;
  switch (head) {
    case 'platform':
    case 'postUrl':
    case 'seenAt':
    case 'location':
    case 'text':
    case 'atRisk':
      return head;
    case 'author':
      return next === 'handle' ? 'authorHandle' : next === 'name' ? 'authorName' : 'authorPatient';
    case 'affects':
      return next === 'staff' ? 'staffNames' : next === 'patients' ? 'affectsPatients' : 'affectsPractice';
    case 'reporter':
      return next === 'role' ? 'reporterRole' : 'reporterName';
    case 'screenshot':
    case 'screenshots':
      return 'screenshots';
    default:
      return null;
  }
};

/** An RFC 9457 problem body, as far as the form reads it. */
export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: { path?: unknown; message?: string }[];
}

/** The field errors a 4xx problem names; the detail as one summary line when it names none. */
export const errorsFromProblem = (problem: Problem, strings: Strings): FieldError[] => {
  const listed = (problem.errors ?? [])
    .filter((error) => typeof error.message === 'string' && error.message !== '')
    .map((error) => ({ field: fieldForPath(error.path), message: String(error.message) }));
  if (listed.length > 0) return listed;
  const detail = problem.detail ?? problem.title ?? String(problem.status ?? '');
  return [{ field: null, message: fill(strings.errServer, { detail }) }];
};

/**
 * Wait before retry `attempt` (1-based): 2 s doubling to a 5-minute cap, with ±20% jitter so a
 * practice's devices coming back online together do not all retry in the same second.
 */
export const retryDelayMs = (attempt: number, random: number): number => {
  const base = Math.min(2000 * 2 ** Math.max(0, attempt - 1), 5 * 60 * 1000);
  return Math.round(base * (0.8 + 0.4 * random));
};

/** The image type its leading bytes say, not its name or the browser's guess; null if not one we take. */
export const sniffImageType = (head: Uint8Array): ScreenshotType | null => {
  const starts = (bytes: number[], offset = 0) => bytes.every((byte, i) => head[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
};

/** A version 4 UUID; `crypto.randomUUID` only exists in secure contexts, a practice site may be plain http. */
export const newId = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
