import type { ReportInput } from '@policy/core';
import type { ReportFields, Screenshot } from './model.js';

// The draft kept on the device: every field and the screenshot Blobs, in IndexedDB (which stores
// Blobs natively, unlike localStorage). One draft per API origin and practice.

export interface PendingSubmission {
  /** Exactly what was submitted; retries resend it unchanged under the same Idempotency-Key. */
  report: ReportInput;
  attempts: number;
  queuedAt: string;
}

export interface StoredDraft {
  key: string;
  fields: ReportFields;
  screenshots: Screenshot[];
  /** Generated once per draft; a retry of the same submission reuses it so the API files one report. */
  idempotencyKey: string;
  pending: PendingSubmission | null;
  savedAt: string;
}

export interface DraftStore {
  load(key: string): Promise<StoredDraft | null>;
  /** Resolves once the write is durable, so a submit never starts before its copy is safe. */
  save(draft: StoredDraft): Promise<void>;
  remove(key: string): Promise<void>;
}

const DB_NAME = 'policy-report-form';
const STORE = 'drafts';

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

const open = (): Promise<IDBDatabase> => {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
  };
  return request(req);
};

/** The IndexedDB store, or null where the browser has none (some private modes). */
export const openDraftStore = async (): Promise<DraftStore | null> => {
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBDatabase;
  try {
    db = await open();
  } catch {
    return null;
  }
  // Another tab upgrading the database asks us to let go; reopen lazily on the next call.
  let current: IDBDatabase | null = db;
  db.onversionchange = () => {
    db.close();
    current = null;
  };
  const database = async () => {
    current ??= await open();
    return current;
  };
  return {
    async load(key) {
      const tx = (await database()).transaction(STORE, 'readonly');
      const found = await request<StoredDraft | undefined>(tx.objectStore(STORE).get(key));
      return found ?? null;
    },
    async save(draft) {
      const tx = (await database()).transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).put(draft);
      await done(tx);
    },
    async remove(key) {
      const tx = (await database()).transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).delete(key);
      await done(tx);
    },
  };
};
