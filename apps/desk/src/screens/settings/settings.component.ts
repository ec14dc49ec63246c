import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Practice, Session } from '../../api/types.js';
import { screenReady } from '../../shared/events.js';
import { practiceOf } from '../../shared/practice.js';
import { baseStyles } from '../../shared/styles.js';

export const SECTIONS = [
  ['practice', 'Code of conduct and complaints'],
  ['roster', 'Staff roster'],
  ['people', 'People'],
  ['alerts', 'Alert emails'],
  ['webhooks', 'Webhooks'],
  ['keys', 'Report keys'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];

/** Settings for managers and partners: one section at a time, each with its own address. */
export class DeskSettings extends LitElement {
  static override properties = {
    session: { attribute: false },
    section: { type: String },
    practice: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      nav ul {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin-bottom: 1.25rem;
      }
      nav li + li {
        margin-top: 0;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
    `,
  ];

  declare session: Session | undefined;
  declare section: string;
  declare practice: Practice | undefined;
  declare error: string | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.section = 'practice';
    this.practice = undefined;
    this.error = undefined;
    this.addEventListener('desk-practice-changed', (event) => {
      this.practice = (event as CustomEvent<Practice>).detail;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session) void this.load();
    else if (changed.has('section') && this.practice) void this.ready();
  }

  private async load(): Promise<void> {
    const ods = this.session?.user.practice.ods;
    if (!ods) return;
    this.practice = await practiceOf(ods);
    if (!this.practice) this.error = 'The practice’s settings could not be read.';
    await this.ready();
  }

  private async ready(): Promise<void> {
    await this.updateComplete;
    screenReady(this, `Settings: ${this.label}`);
  }

  private get current(): SectionId {
    return (SECTIONS.find(([id]) => id === this.section)?.[0] ?? 'practice') as SectionId;
  }

  private get label(): string {
    return SECTIONS.find(([id]) => id === this.current)?.[1] ?? '';
  }

  override render(): TemplateResult {
    const current = this.current;
    return html`<h1>Settings</h1>
      <nav aria-label="Settings sections">
        <ul>
          ${SECTIONS.map(([id, label]) => html`<li><a href="#/settings/${id}" aria-current=${id === current ? 'page' : nothing}>${label}</a></li>`)}
        </ul>
      </nav>
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      ${this.practice ? this.renderSection(current) : html`<p role="status">Loading…</p>`}`;
  }

  private renderSection(id: SectionId): TemplateResult {
    const s = this.session;
    const p = this.practice;
    switch (id) {
      case 'practice':
        return html`<desk-practice-section .session=${s} .practice=${p}></desk-practice-section>`;
      case 'roster':
        return html`<desk-roster-section .session=${s} .practice=${p}></desk-roster-section>`;
      case 'people':
        return html`<desk-people-section .session=${s} .practice=${p}></desk-people-section>`;
      case 'alerts':
        return html`<desk-alerts-section .session=${s} .practice=${p}></desk-alerts-section>`;
      case 'webhooks':
        return html`<desk-webhooks-section .session=${s} .practice=${p}></desk-webhooks-section>`;
      case 'keys':
        return html`<desk-keys-section .session=${s} .practice=${p}></desk-keys-section>`;
    }
  }
}
