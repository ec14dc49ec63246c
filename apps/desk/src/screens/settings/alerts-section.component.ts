import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@policy/core';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

/** Who is emailed at once about new incidents, and from which severity. */
export class AlertsSection extends SettingsSection {
  static override properties = {
    ...SettingsSection.properties,
    emails: { state: true },
    minSeverity: { state: true },
    invalid: { state: true },
  };
  static override styles = [baseStyles, sectionStyles];

  declare emails: string;
  declare minSeverity: Severity;
  declare invalid: string;

  constructor() {
    super();
    this.emails = '';
    this.minSeverity = 'high';
    this.invalid = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('practice') && this.practice) {
      const alerts = this.practice.settings.alerts;
      this.emails = (alerts?.emails ?? []).join('\n');
      this.minSeverity = alerts?.minSeverity ?? 'high';
    }
  }

  override render(): TemplateResult {
    return html`<form class="card" novalidate @submit=${this.save} aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alert emails</h2>
        <p>New incidents at or above the chosen severity are emailed at once, any hour. Emails say what happened and link here; they never contain the post or names.</p>
        <div class="field">
          <label for="alert-emails">Email addresses</label>
          <span class="hint" id="alert-emails-hint">One a line.</span>
          ${this.invalid ? html`<span class="error-message" id="alert-emails-error"><span class="visually-hidden">Error:</span> ${this.invalid}</span>` : ''}
          <textarea id="alert-emails" rows="4" aria-describedby="alert-emails-hint ${this.invalid ? 'alert-emails-error' : ''}" aria-invalid=${this.invalid ? 'true' : 'false'} .value=${live(this.emails)} @input=${(
            event: Event,
          ) => {
            this.emails = (event.target as HTMLTextAreaElement).value;
          }}></textarea>
        </div>
        <div class="field">
          <label for="alert-severity">Alert from</label>
          <select id="alert-severity" @change=${(event: Event) => {
            this.minSeverity = (event.target as HTMLSelectElement).value as Severity;
          }}>
            ${[...SEVERITIES].reverse().map((severity) => html`<option value=${severity} ?selected=${severity === this.minSeverity}>${SEVERITY_LABELS['en-GB'][severity]} and above</option>`)}
          </select>
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Save alerts</button>
      </form>
      ${feedback(this.status, this.error)}`;
  }

  private save(event: Event): void {
    event.preventDefault();
    const emails = this.emails
      .split(/[\n,;]+/)
      .map((email) => email.trim())
      .filter(Boolean);
    const bad = emails.filter((email) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email));
    this.invalid = bad.length ? `Not an email address: ${bad.join(', ')}` : '';
    if (bad.length) return;
    void this.saveSettings(
      { alerts: { emails, minSeverity: this.minSeverity } },
      `Alerts saved: ${emails.length} address${emails.length === 1 ? '' : 'es'}.`,
    );
  }
}
