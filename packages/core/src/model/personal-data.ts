import type { IncidentEvent } from './incident.js';

// Which parts of the policy's records are personal data: post text, the author's name and handle,
// the reporter's name, staff named as affected, words quoted from the post, and the free text staff
// write (notes, replies, reasons). Everything else — types, times, categories, severity, outcomes,
// evidence hashes, actor ids and roles — is the record of what the practice did, kept for the audit.
//
// An event splits into the event without its personal data (what the audit chain hashes) and the
// removed values (held beside it, and deletable). Replaying events without their personal data folds
// the same lifecycle — same states, categories, severity, deadlines — because every guard reads
// structure, never the words: a removed value is masked, not blanked, so "a reason was recorded"
// stays true, and blank strings (which carry no data) are kept as they are.

/** What a removed text reads as. */
export const REMOVED_TEXT = '[removed]' as const;

/**
 * `mask`: a non-blank string becomes REMOVED_TEXT (guards such as "the author is known" keep their
 * answer). `drop`: the key goes (optional fields no guard reads and whose form is checked — a URL).
 */
export type PersonalFieldMode = 'mask' | 'drop';

/** A dotted path into an event; `*` is every element of an array. */
export type PersonalField = readonly [path: string, mode: PersonalFieldMode];

const EVERY_EVENT: readonly PersonalField[] = [['actor.name', 'drop']];

export const PERSONAL_FIELDS: { readonly [T in IncidentEvent['type']]: readonly PersonalField[] } = {
  report: [
    ['report.text', 'mask'],
    ['report.postUrl', 'drop'],
    ['report.author.name', 'mask'],
    ['report.author.handle', 'mask'],
    ['report.affects.staff.*', 'mask'],
    ['report.reporter.name', 'mask'],
    ['classification.categories.*.evidence.*.excerpt', 'mask'],
  ],
  record_evidence: [],
  triage: [['evidenceUnavailableReason', 'mask']],
  respond_publicly: [['text', 'mask']],
  remove_from_page: [],
  report_to_platform: [],
  request_removal: [['contact', 'mask']],
  offer_complaints_procedure: [],
  complaint_lodged: [],
  author_removed_post: [],
  author_refused: [],
  seek_advice: [],
  issue_warning: [['summary', 'mask']],
  start_removal_review: [],
  decide_removal: [['reason', 'mask']],
  refer_safeguarding: [],
  report_to_police: [],
  block_author: [],
  assign: [],
  add_note: [['text', 'mask']],
  close: [
    ['reason', 'mask'],
    ['noPoliceReason', 'mask'],
    ['noSafeguardingReason', 'mask'],
  ],
  reopen: [['reason', 'mask']],
};

/** A removed value and where it was: the path as keys and array indexes. */
export type PersonalValue = [path: (string | number)[], value: string];

export interface PersonalSplit<T> {
  /** A copy without the personal data: masked or dropped as PERSONAL_FIELDS says. */
  record: T;
  /** The values removed, in path order; empty when the record held none. */
  personal: PersonalValue[];
}

const isBlank = (value: string) => value.trim().length === 0;

const segmentCache = new Map<string, readonly string[]>();
/** A path's segments, split once (the fields are a fixed list; this runs on every stored event). */
function segmentsOf(path: string): readonly string[] {
  let segments = segmentCache.get(path);
  if (!segments) {
    segments = path.split('.');
    if (segmentCache.size < 1000) segmentCache.set(path, segments);
  }
  return segments;
}

/**
 * Splits any JSON record by the given fields (the API uses it for its own records' free text too).
 * Copy-on-write: only the objects and arrays on the way to a removed value are copied; the rest of
 * the record is shared with the input, which is never changed. Neither may be mutated afterwards.
 */
export function splitByFields<T>(value: T, fields: readonly PersonalField[]): PersonalSplit<T> {
  const personal: PersonalValue[] = [];
  const copies = new WeakSet<object>();
  const own = (node: Record<string | number, unknown>) => {
    if (copies.has(node)) return node;
    const copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string | number, unknown>;
    copies.add(copy);
    return copy;
  };
  let record = value as unknown;
  for (const [path, mode] of fields) {
    const segments = segmentsOf(path);
    const visit = (node: unknown, i: number, at: (string | number)[]): unknown => {
      if (node === null || typeof node !== 'object') return node;
      const segment = segments[i] as string;
      const last = i === segments.length - 1;
      let out = node as Record<string | number, unknown>;
      const keys: (string | number)[] =
        segment === '*' ? (Array.isArray(node) ? node.map((_, index) => index) : []) : [segment];
      for (const key of keys) {
        if (!Object.hasOwn(out, key)) continue;
        const child = out[key];
        if (!last) {
          const next = visit(child, i + 1, [...at, key]);
          if (next !== child) {
            out = own(out);
            out[key] = next;
          }
          continue;
        }
        if (typeof child !== 'string' || isBlank(child)) continue;
        personal.push([[...at, key], child]);
        out = own(out);
        if (mode === 'drop') delete out[key];
        else out[key] = REMOVED_TEXT;
      }
      return out;
    };
    record = visit(record, 0, []);
  }
  return { record: record as T, personal };
}

/** The event without its personal data, and the values removed from it. */
export function splitPersonalData(event: IncidentEvent): PersonalSplit<IncidentEvent> {
  const fields = PERSONAL_FIELDS[event.type] ?? [];
  return splitByFields(event, [...EVERY_EVENT, ...fields]);
}

/** The event without its personal data: what is left once the values are removed for good. */
export function withoutPersonalData(event: IncidentEvent): IncidentEvent {
  return splitPersonalData(event).record;
}

/**
 * Puts removed values back: `restorePersonalData(split.record, split.personal)` equals the original.
 * Copy-on-write like splitByFields: `record` is not changed.
 */
export function restorePersonalData<T>(record: T, personal: readonly PersonalValue[]): T {
  const copies = new WeakSet<object>();
  const own = (node: Record<string | number, unknown>) => {
    if (copies.has(node)) return node;
    const copy = (Array.isArray(node) ? node.slice() : { ...node }) as Record<string | number, unknown>;
    copies.add(copy);
    return copy;
  };
  const put = (node: unknown, path: readonly (string | number)[], i: number, value: string): unknown => {
    if (node === null || typeof node !== 'object') return invalid(path);
    const key = path[i] as string | number;
    const out = own(node as Record<string | number, unknown>);
    out[key] = i === path.length - 1 ? value : put(out[key], path, i + 1, value);
    return out;
  };
  let out = record as unknown;
  for (const [path, value] of personal) {
    if (path.length === 0) return invalid(path);
    out = put(out, path, 0, value);
  }
  return out as T;
}

function invalid(path: readonly (string | number)[]): never {
  throw new Error(`restorePersonalData: no place for ${path.join('.')}`);
}
