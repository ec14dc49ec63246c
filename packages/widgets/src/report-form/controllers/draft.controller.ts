import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DraftStore, openDraftStore, type StoredDraft } from '../draft-store.js';

/** The parts of a draft the form supplies; the key and the time are the controller's. */
export type DraftContent = Omit<StoredDraft, 'key' | 'savedAt'>;

export interface DraftControllerOptions {
  /** The form's state to keep, read at the moment of saving. */
  content(): DraftContent;
  /** A draft for this practice was found on the device; put it back in the form. */
  restore(draft: StoredDraft): void;
}

/** Wait after the last keystroke before writing, so typing is not one IndexedDB write per key. */
const SAVE_DEBOUNCE_MS = 300;

/**
 * Keeps the report form's draft on the device (IndexedDB): one draft per API origin and practice,
 * saved shortly after each change and at once when the page is hidden, restored when the form
 * opens, removed when the API has filed it. Drafts expire after 7 days (draft-store.ts).
 */
export class DraftController implements ReactiveController {
  storage: 'unknown' | 'ok' | 'none' = 'unknown';
  /** When a restored draft was last saved (shown in the "we found a report" notice). */
  restoredAt: Date | null = null;
  savedAt: Date | null = null;
  /** Something worth keeping was typed or restored since the form last started afresh. */
  dirty = false;

  private key = '';
  private store: Promise<DraftStore | null> | null = null;
  private saveChain: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
    this.flush();
  }

  /** The draft's key (API origin and practice); a new key looks for that practice's draft. */
  use(key: string): void {
    if (key === this.key) return;
    this.key = key;
    void this.load(key);
  }

  private openStore(): Promise<DraftStore | null> {
    this.store ??= openDraftStore().then((store) => {
      this.storage = store ? 'ok' : 'none';
      this.host.requestUpdate();
      return store;
    });
    return this.store;
  }

  private async load(key: string): Promise<void> {
    const store = await this.openStore();
    if (!store || key !== this.key) return;
    let draft: StoredDraft | null = null;
    try {
      draft = await store.load(key);
    } catch {
      draft = null;
    }
    if (!draft || key !== this.key) return;
    // Typing that began before the store answered wins over an older editing draft; a submitted
    // (pending) report always comes back, because the member of staff already chose to send it.
    if (this.dirty && !draft.pending) return;
    this.restoredAt = new Date(draft.savedAt);
    this.savedAt = new Date(draft.savedAt);
    this.dirty = true;
    this.options.restore(draft);
    this.host.requestUpdate();
  }

  /** Writes the draft now; resolves when it is durable (or storage is unavailable). */
  persist(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty) return this.saveChain;
    const draft: StoredDraft = {
      ...this.options.content(),
      key: this.key,
      savedAt: new Date().toISOString(),
    };
    this.saveChain = this.saveChain.then(async () => {
      const store = await this.openStore();
      if (!store) return;
      try {
        await store.save(draft);
        this.savedAt = new Date(draft.savedAt);
      } catch {
        this.storage = 'none';
      }
      this.host.requestUpdate();
    });
    return this.saveChain;
  }

  /** Something changed: save soon. */
  changed(): void {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.persist(), SAVE_DEBOUNCE_MS);
  }

  /** A save waiting on its debounce goes now (the page is being hidden or closed). */
  flush = (): void => {
    if (this.saveTimer !== undefined) void this.persist();
  };

  /** Removes the draft from the device (after the API filed it, or when the member of staff starts afresh). */
  async discard(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const store = await this.openStore();
    await this.saveChain;
    try {
      await store?.remove(this.key);
    } catch {
      // nothing more to do: a stale draft is offered again next time (until it expires)
    }
  }

  /** A fresh report: nothing restored, nothing saved yet. */
  reset(): void {
    this.restoredAt = null;
    this.savedAt = null;
    this.dirty = false;
  }
}
