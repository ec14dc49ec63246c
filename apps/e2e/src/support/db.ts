// Reads the test's SQLite file directly (its own read-only connection, not the server's), so a
// test sees what is durably stored, not what the API says it stored.
import { createHash } from 'node:crypto';
import type { ReportInput } from '@policy/core';
import Database from 'better-sqlite3';

export interface StoredIncident {
  id: string;
  reference: string;
  severity: string;
  categories: string[];
  report: ReportInput;
}

export interface StoredEvidence {
  id: string;
  incidentId: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function withDb<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function incidentsOf(path: string, ods: string): StoredIncident[] {
  return withDb(path, (db) =>
    (
      db
        .prepare(
          'SELECT id, reference, severity, categories, data FROM incidents WHERE practice_ods = ? ORDER BY rowid',
        )
        .all(ods) as { id: string; reference: string; severity: string; categories: string; data: string }[]
    ).map((row) => ({
      id: row.id,
      reference: row.reference,
      severity: row.severity,
      categories: JSON.parse(row.categories) as string[],
      report: (JSON.parse(row.data) as { report: ReportInput }).report,
    })),
  );
}

export function evidenceOf(path: string, incidentId: string): StoredEvidence[] {
  return withDb(path, (db) => {
    // The bytes are stored in chunks (apps/api evidence_chunks), joined here in their order.
    const chunks = db.prepare('SELECT bytes FROM evidence_chunks WHERE evidence_id = ? ORDER BY idx');
    return (
      db
        .prepare(
          `SELECT id, incident_id AS incidentId, kind, media_type AS mediaType, size, sha256
           FROM evidence WHERE incident_id = ? ORDER BY rowid`,
        )
        .all(incidentId) as Omit<StoredEvidence, 'bytes'>[]
    ).map((row) => ({
      ...row,
      bytes: Buffer.concat((chunks.all(row.id) as { bytes: Buffer }[]).map((chunk) => chunk.bytes)),
    }));
  });
}
