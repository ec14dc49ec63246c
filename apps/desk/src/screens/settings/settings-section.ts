// What every settings section shares: the session, the practice, saving a settings patch with
// the API's own answer shown (success or the problem's words).
import { LitElement } from 'lit';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import type { Practice, Session } from '../../api/types.js';
import { practiceOf } from '../../shared/practice.js';

export abstract class SettingsSection extends LitElement {
  static override properties = {
    session: { attribute: false },
    practice: { attribute: false },
    status: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare session: Session | undefined;
  declare practice: Practice | undefined;
  declare status: string;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.session = undefined;
    this.practice = undefined;
    this.status = '';
    this.error = undefined;
    this.busy = false;
  }

  protected get ods(): string {
    return this.session?.user.practice.ods ?? '';
  }

  /** PATCH /v1/practices/{ods} with `settings` fields (each given field replaces the stored one whole). */
  protected async saveSettings(settings: Record<string, unknown>, done: string): Promise<boolean> {
    return this.run(async () => {
      this.practice = await api<Practice>(`/practices/${this.ods}`, { method: 'PATCH', body: { settings } });
      await practiceOf(this.ods, true);
      this.dispatchEvent(
        new CustomEvent('desk-practice-changed', { detail: this.practice, bubbles: true, composed: true }),
      );
    }, done);
  }

  /** Runs a request, showing `done` on success or the server's words on failure. */
  protected async run(work: () => Promise<void>, done: string): Promise<boolean> {
    this.busy = true;
    this.error = undefined;
    this.status = '';
    try {
      await work();
      this.status = done;
      return true;
    } catch (error) {
      this.error = messageOf(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return false;
    } finally {
      this.busy = false;
    }
  }
}
