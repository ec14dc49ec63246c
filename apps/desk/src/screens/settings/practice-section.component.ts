import { type ConductClauseId, type ConductClauseOverride, conductClauses } from '@policy/core';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Practice } from '../../api/types.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

type Routes = {
  procedureUrl: string;
  email: string;
  phone: string;
  leafletUrl: string;
  icbName: string;
  icbUrl: string;
  reviewsUrl: string;
  policyUrl: string;
  lastReviewed: string;
};

interface ClauseDraft {
  id: ConductClauseId;
  enabled: boolean;
  wording: string;
  defaultText: string;
}

/** The code of conduct (each clause on or off, reworded) and where complaints and reviews go. */
export class PracticeSection extends SettingsSection {
  static override properties = {
    ...SettingsSection.properties,
    clauses: { state: true },
    routes: { state: true },
  };
  static override styles = [baseStyles, sectionStyles];

  declare clauses: ClauseDraft[];
  declare routes: Routes;

  constructor() {
    super();
    this.clauses = [];
    this.routes = {
      procedureUrl: '',
      email: '',
      phone: '',
      leafletUrl: '',
      icbName: '',
      icbUrl: '',
      reviewsUrl: '',
      policyUrl: '',
      lastReviewed: '',
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('practice') && this.practice) this.fill(this.practice);
  }

  private fill(practice: Practice): void {
    const settings = practice.settings;
    const defaults = conductClauses({ ...settings, conduct: { ...settings.conduct, clauses: [] } });
    const overrides = new Map(settings.conduct.clauses.map((clause) => [clause.id, clause]));
    this.clauses = defaults.map((clause) => ({
      id: clause.id,
      enabled: overrides.get(clause.id)?.enabled !== false,
      wording: overrides.get(clause.id)?.text?.['en-GB'] ?? '',
      defaultText: clause.text['en-GB'],
    }));
    this.routes = {
      procedureUrl: settings.complaints.procedureUrl ?? '',
      email: settings.complaints.email ?? '',
      phone: settings.complaints.phone ?? '',
      leafletUrl: settings.complaints.leafletUrl ?? '',
      icbName: settings.icb.name ?? '',
      icbUrl: settings.icb.url ?? '',
      reviewsUrl: settings.reviews.nhsWebsiteUrl ?? '',
      policyUrl: settings.conduct.policyUrl ?? '',
      lastReviewed: settings.conduct.lastReviewed ?? '',
    };
  }

  override render(): TemplateResult {
    const field = (key: keyof Routes, label: string, type = 'text', hint = '') =>
      html`<div class="field">
        <label for="r-${key}">${label}</label>
        ${hint ? html`<span class="hint" id="r-${key}-hint">${hint}</span>` : ''}
        <input id="r-${key}" type=${type} aria-describedby=${hint ? `r-${key}-hint` : ''} .value=${live(this.routes[key])} @input=${(
          event: Event,
        ) => {
          this.routes = { ...this.routes, [key]: (event.target as HTMLInputElement).value };
        }} />
      </div>`;
    return html`
      <form class="card" @submit=${this.saveClauses} aria-labelledby="clauses-heading">
        <h2 id="clauses-heading">Code of conduct</h2>
        <p>What patients and visitors see in the conduct banner on the practice website. Turn a clause off, or reword it in the practice’s own voice; an empty wording keeps the policy’s.</p>
        ${this.clauses.map(
          (clause, index) => html`<div class="clause" data-clause=${clause.id}>
            <label class="checkbox">
              <input type="checkbox" .checked=${live(clause.enabled)} @change=${(event: Event) => this.updateClause(index, { enabled: (event.target as HTMLInputElement).checked })} />
              <span>${clause.defaultText}</span>
            </label>
            <div class="field">
              <label for="wording-${clause.id}">Practice wording (optional)</label>
              <textarea id="wording-${clause.id}" rows="2" .value=${live(clause.wording)} ?disabled=${!clause.enabled} @input=${(event: Event) => this.updateClause(index, { wording: (event.target as HTMLTextAreaElement).value })}></textarea>
            </div>
          </div>`,
        )}
        <div class="two">
          ${field('policyUrl', 'Full policy on the website', 'url')}
          ${field('lastReviewed', 'Policy last reviewed', 'date')}
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Save the code of conduct</button>
      </form>
      <form class="card" @submit=${this.saveRoutes} aria-labelledby="routes-heading">
        <h2 id="routes-heading">Complaint routes</h2>
        <p>Where the complaint guide and the templates send people instead of social media.</p>
        <div class="two">
          ${field('procedureUrl', 'Complaints procedure page', 'url')}
          ${field('leafletUrl', 'Complaints leaflet', 'url')}
          ${field('email', 'Complaints email', 'email')}
          ${field('phone', 'Complaints phone')}
          ${field('icbName', 'Integrated Care Board', 'text', 'Complaints about the practice may go to the ICB instead.')}
          ${field('icbUrl', 'ICB complaints page', 'url')}
          ${field('reviewsUrl', 'NHS website reviews page', 'url')}
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Save the complaint routes</button>
      </form>
      ${feedback(this.status, this.error)}
    `;
  }

  private updateClause(index: number, change: Partial<ClauseDraft>): void {
    this.clauses = this.clauses.map((clause, at) => (at === index ? { ...clause, ...change } : clause));
  }

  private saveClauses(event: Event): void {
    event.preventDefault();
    const practice = this.practice;
    if (!practice) return;
    const clauses: ConductClauseOverride[] = this.clauses
      .filter((clause) => !clause.enabled || clause.wording.trim())
      .map((clause) => ({
        id: clause.id,
        ...(clause.enabled ? {} : { enabled: false }),
        ...(clause.wording.trim() ? { text: { 'en-GB': clause.wording.trim() } } : {}),
      }));
    const conduct = {
      ...practice.settings.conduct,
      clauses,
      ...(this.routes.policyUrl ? { policyUrl: this.routes.policyUrl } : {}),
      ...(this.routes.lastReviewed ? { lastReviewed: this.routes.lastReviewed } : {}),
      version: String((Number(practice.settings.conduct.version) || 0) + 1),
    };
    void this.saveSettings(
      { conduct },
      'The code of conduct is saved. Banners dismissed before will show again.',
    );
  }

  private saveRoutes(event: Event): void {
    event.preventDefault();
    const practice = this.practice;
    if (!practice) return;
    const given = (value: string) => (value.trim() ? value.trim() : undefined);
    const r = this.routes;
    void this.saveSettings(
      {
        complaints: clean({
          procedureUrl: given(r.procedureUrl),
          email: given(r.email),
          phone: given(r.phone),
          leafletUrl: given(r.leafletUrl),
        }),
        icb: clean({
          ...practice.settings.icb,
          name: given(r.icbName) ?? practice.settings.icb.name,
          url: given(r.icbUrl),
        }),
        reviews: clean({ nhsWebsiteUrl: given(r.reviewsUrl) }),
      },
      'The complaint routes are saved.',
    );
  }
}

const clean = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
