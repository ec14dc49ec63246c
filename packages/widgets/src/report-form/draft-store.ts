import type { ReportInput } from '@policy/core';
import type { ReportFields, Screenshot } from './model.js';

// The draft kept on the device: every field and the screenshot Blobs, in IndexedDB (which stores
// Blobs natively, unlike localStorage). One draft per API origin and practice.
//
// Reception PCs are shared, and a draft holds a post that may name patients and staff: a draft
// lives 7 days from its last save (DRAFT_LIFETIME_MS), and is removed the moment the API files it.
// Opening the store deletes every expired draft, whichever practice it belongs to.

/** How long an unsent draft (or a report waiting to be sent) is kept on the device after its last save. */
export const DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

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
  /** Deletes every draft last saved before `cutoff` (or with no readable time); resolves with how many. */
  removeSavedBefore(cutoff: Date): Promise<number>;
}

/** Whether a draft is past its lifetime at `now`. A draft whose time cannot be read is treated as expired. */
export const isExpired = (draft: Pick<StoredDraft, 'savedAt'>, now: Date): boolean => {
  const saved = Date.parse(draft.savedAt);
  return Number.isNaN(saved) || saved < now.getTime() - DRAFT_LIFETIME_MS;
};

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

/**
 * The IndexedDB store, or null where the browser has none (some private modes). Drafts older than
 * their lifetime at `now` are deleted before it resolves, so an expired draft is never offered.
 */
export const openDraftStore = async (now: Date = new Date()): Promise<DraftStore | null> => {
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
  const store: DraftStore = {
    async load(key) {
      const tx = (await database()).transaction(STORE, 'readonly');
      const found = await request<StoredDraft | undefined>(tx.objectStore(STORE).get(key));
      return found && !isExpired(found, new Date()) ? found : null;
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
    async removeSavedBefore(cutoff) {
      const tx = (await database()).transaction(STORE, 'readwrite', { durability: 'strict' });
      let removed = 0;
      const cursorRequest = tx.objectStore(STORE).openCursor();
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (!cursor) return;
        const saved = Date.parse((cursor.value as StoredDraft).savedAt);
        if (Number.isNaN(saved) || saved < cutoff.getTime()) {
          cursor.delete();
          removed += 1;
        }
        cursor.continue();
      };
      await done(tx);
      return removed;
    },
  };
  try {
    await store.removeSavedBefore(new Date(now.getTime() - DRAFT_LIFETIME_MS));
  } catch {
    // A store that cannot delete can still keep today's draft; load() never returns an expired one.
  }
  return store;
};
