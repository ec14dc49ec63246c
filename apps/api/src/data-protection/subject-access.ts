import { type Incident, REMOVED_TEXT } from '@policy/core';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { EvidenceRow } from '../db/schema.js';
import type { Store } from '../db/store.js';

// A subject access request: everything the practice holds about or by one person, found by handle or
// name across every incident, with the evidence files. Removed content ([removed]) never matches.

export interface SubjectQuery {
  handle?: string;
  name?: string;
}

export interface SubjectEvidence {
  id: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  capturedAt: string;
  available: boolean;
  file: string | null;
}

export interface SubjectAccessItem {
  incidentId: string;
  reference: string;
  state: string;
  createdAt: string;
  closedAt: string | null;
  record: { legalHold: boolean; personalDataRemovedAt: string | null };
  matchedOn: string[];
  report: {
    platform: string;
    postUrl?: string;
    seenAt: string;
    author?: Record<string, unknown>;
    text: string;
    reporter: Record<string, unknown>;
    affects?: Record<string, unknown>;
  };
  notes: { at: string; by: string; text: string }[];
  publicReplies: { at: string; platform: string; text: string }[];
  evidence: SubjectEvidence[];
}

const normaliseHandle = (value: string) => value.trim().replace(/^@+/, '').toLowerCase();
const normaliseName = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The words as a whole, case-insensitively, anywhere in a text. */
const mentionPattern = (words: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRegExp(words).replace(/ /g, '\\s+')}(?=$|[^\\p{L}\\p{N}_])`, 'iu');

const held = (value: string | undefined): value is string => value !== undefined && value !== REMOVED_TEXT;

/** Where in the incident the person is found, or an empty list. */
export function matchesOf(incident: Incident, query: SubjectQuery): string[] {
  const found = new Set<string>();
  const texts: [string, string[]][] = [
    ['text', [incident.report.text]],
    ['notes', incident.notes.map((note) => note.text)],
    ['publicReplies', incident.publicReplies.map((reply) => reply.text)],
  ];
  const searchTexts = (pattern: RegExp) => {
    for (const [where, values] of texts)
      if (values.some((value) => held(value) && pattern.test(value))) found.add(where);
  };
  if (query.handle) {
    const handle = normaliseHandle(query.handle);
    const author = incident.report.author?.handle;
    if (handle && held(author) && normaliseHandle(author) === handle) found.add('author.handle');
    if (handle) searchTexts(mentionPattern(`@${handle}`));
  }
  if (query.name) {
    const name = normaliseName(query.name);
    const same = (value: string | undefined) => held(value) && normaliseName(value) === name;
    if (same(incident.report.author?.name)) found.add('author.name');
    if (same(incident.report.reporter.name)) found.add('reporter.name');
    if ((incident.report.affects?.staff ?? []).some((staff) => same(staff))) found.add('affects.staff');
    if (name) searchTexts(mentionPattern(name));
  }
  return [...found];
}

const extensionOf = (mediaType: string) => (mediaType.startsWith('image/') ? mediaType.slice(6) : 'txt');
const evidencePath = (reference: string, evidence: Pick<EvidenceRow, 'id' | 'mediaType'>) =>
  `evidence/${reference}/${evidence.id}.${extensionOf(evidence.mediaType)}`;

/** Every incident of the practice the person is found in, in filing order. */
export function subjectAccess(store: Store, ods: string, query: SubjectQuery): SubjectAccessItem[] {
  const items: SubjectAccessItem[] = [];
  for (const row of store.projections(ods)) {
    const incident = JSON.parse(row.data) as Incident;
    const matchedOn = matchesOf(incident, query);
    if (matchedOn.length === 0) continue;
    const record = store.recordState(ods, row.id);
    const { platform, postUrl, seenAt, author, text, reporter, affects } = incident.report;
    items.push({
      incidentId: incident.id,
      reference: incident.reference,
      state: incident.state,
      createdAt: incident.createdAt,
      closedAt: incident.closedAt,
      record: {
        legalHold: record?.legalHold ?? false,
        personalDataRemovedAt: record?.personalDataRemovedAt ?? null,
      },
      matchedOn,
      report: {
        platform,
        ...(postUrl === undefined ? {} : { postUrl }),
        seenAt,
        ...(author ? { author: { ...author } } : {}),
        text,
        reporter: { ...reporter },
        ...(affects ? { affects: { ...affects } } : {}),
      },
      notes: incident.notes,
      publicReplies: incident.publicReplies,
      evidence: store.evidenceOf(ods, incident.id).map((evidence) => ({
        id: evidence.id,
        kind: evidence.kind,
        mediaType: evidence.mediaType,
        size: evidence.size,
        sha256: evidence.sha256,
        capturedAt: evidence.capturedAt,
        available: evidence.removedAt === null,
        file: evidence.removedAt === null ? evidencePath(incident.reference, evidence) : null,
      })),
    });
  }
  return items;
}

/** One CSV cell: quoted, and a leading = + - @ made inert for spreadsheets (CSV injection). */
const cell = (value: unknown): string => {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

export function subjectAccessCsv(items: readonly SubjectAccessItem[]): string {
  const header = [
    'reference',
    'incident_id',
    'state',
    'created_at',
    'closed_at',
    'matched_on',
    'platform',
    'post_url',
    'seen_at',
    'author_name',
    'author_handle',
    'text',
    'reporter_name',
    'notes',
    'public_replies',
    'evidence_files',
  ];
  const rows = items.map((item) =>
    [
      item.reference,
      item.incidentId,
      item.state,
      item.createdAt,
      item.closedAt,
      item.matchedOn.join(' '),
      item.report.platform,
      item.report.postUrl,
      item.report.seenAt,
      item.report.author?.name,
      item.report.author?.handle,
      item.report.text,
      item.report.reporter.name,
      item.notes.map((note) => note.text).join('\n'),
      item.publicReplies.map((reply) => reply.text).join('\n'),
      item.evidence.flatMap((evidence) => (evidence.file ? [evidence.file] : [])).join(' '),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.map(cell).join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * The ZIP, streamed: the manifests first, then the evidence files, each read from the database a
 * chunk at a time, and each chunk only when the client is ready for it — so memory holds one chunk,
 * not a file, let alone the whole export.
 */
export function subjectAccessZip(
  store: Store,
  ods: string,
  manifest: { items: SubjectAccessItem[] } & Record<string, unknown>,
  modified: Date,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const files = manifest.items.flatMap((item) =>
    item.evidence.flatMap((evidence) => (evidence.file ? [{ incidentId: item.incidentId, evidence }] : [])),
  );
  let zip: Zip;
  let next = 0;
  /** The file being written: its entry, its chunks' indexes and how many are in. */
  let current:
    | { entry: ZipDeflate | ZipPassThrough; evidenceId: string; indexes: number[]; done: number }
    | undefined;
  let produced = 0;
  let ended = false;
  const mtime = modified.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : modified;
  const open = (name: string, compress: boolean) => {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    entry.mtime = mtime;
    zip.add(entry);
    return entry;
  };
  /** One step: the next chunk of the current file, else the next file's entry, else the end. */
  const step = () => {
    if (current) {
      const { entry, evidenceId, indexes } = current;
      const idx = indexes[current.done] as number;
      current.done += 1;
      const last = current.done === indexes.length;
      // A chunk gone since the manifest was made (a removal meanwhile) ends the file short.
      const bytes = store.evidenceChunk(ods, evidenceId, idx);
      if (last || !bytes) current = undefined;
      entry.push(bytes ?? new Uint8Array(0), last || !bytes);
      return;
    }
    const file = files[next];
    next += 1;
    if (!file) {
      ended = true;
      zip.end();
      return;
    }
    const row = store.evidence(ods, file.incidentId, file.evidence.id);
    // Removed or gone since the manifest was made: the manifest says what was held; skip the bytes.
    if (!row || row.removedAt !== null || !file.evidence.file) return;
    const entry = open(file.evidence.file, row.mediaType.startsWith('text/'));
    const indexes = store.evidenceChunkIndexes(ods, row.id);
    if (indexes.length === 0) entry.push(new Uint8Array(0), true);
    else current = { entry, evidenceId: row.id, indexes, done: 0 };
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        produced += 1;
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      open('manifest.json', true).push(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
      open('manifest.csv', true).push(encoder.encode(subjectAccessCsv(manifest.items)), true);
    },
    pull() {
      // Until something is enqueued: a pull that enqueues nothing is not called again.
      const before = produced;
      while (produced === before && !ended) step();
    },
  });
}
