import { css, html, nothing, type TemplateResult } from 'lit';
import { fill, formatDate } from '../shared/i18n.js';
import { linkify } from '../shared/linkify.js';
import { emit, PolicyElement } from '../shared/policy-element.js';
import { safeUrl } from '../shared/safe-url.js';
import { baseStyles } from '../shared/styles.js';
import { dismissedVersion, rememberDismissal } from './dismissal.js';
import { BANNER_MESSAGES } from './messages.js';

export const BANNER_VARIANTS = ['inline', 'top', 'bottom'] as const;
export type BannerVariant = (typeof BANNER_VARIANTS)[number];

export interface BannerToggleDetail {
  expanded: boolean;
}

export interface BannerDismissDetail {
  ods: string;
  version: string;
}

/**
 * A calm notice asking patients to treat staff and other patients with respect, expanding to the
 * practice's enabled code-of-conduct clauses, a link to the full policy and its last-reviewed date.
 * Dismissal is remembered per practice and policy version in localStorage; a new version shows again.
 *
 * The collapsed notice uses only fixed text, so it takes its final size before the practice's data
 * arrives (no layout shift); `top`/`bottom` bars are fixed overlays that never move the page.
 *
 * @summary Code-of-conduct notice for a GP practice website.
 *
 * @attr practice - ODS code of the practice, e.g. `A81001`.
 * @attr api - API origin; defaults to the origin the widget script was loaded from.
 * @attr config - The practice's public configuration as JSON (renders with no network).
 * @attr lang - `en-GB` or `cy`; defaults to the practice's locale.
 * @attr variant - `inline` (card in the page flow, default), `top` or `bottom` (fixed bar).
 *
 * @fires policy-banner-toggle - The clauses were shown or hidden. detail: `{ expanded }`
 * @fires policy-banner-dismiss - The patient dismissed the notice (cancelable: `preventDefault()` keeps it). detail: `{ ods, version }`
 * @fires policy-config-ready - The practice configuration is loaded and rendered. detail: `{ ods, locale }`
 * @fires policy-config-error - The configuration could not be loaded. detail: `{ error: { code, message } }`
 *
 * @csspart banner - The notice's outer container (a labelled region).
 * @csspart inner - The width-limited row inside the banner.
 * @csspart summary - The heading and message.
 * @csspart heading - The notice heading.
 * @csspart message - The short notice text.
 * @csspart actions - The container of the two buttons.
 * @csspart toggle - The show/hide button.
 * @csspart dismiss - The dismiss button.
 * @csspart details - The expanded clauses, policy link and review date.
 * @csspart clauses - The list of code-of-conduct clauses.
 * @csspart clause - One clause.
 * @csspart policy-link - The link to the full policy.
 * @csspart reviewed - The last-reviewed line.
 * @csspart status - Loading and error messages.
 *
 * @cssproperty [--policy-font-family='Frutiger W01-55Roman', Frutiger, Arial, sans-serif] - Text font.
 * @cssproperty [--policy-font-size=1rem] - Base text size.
 * @cssproperty [--policy-line-height=1.5] - Base line height.
 * @cssproperty [--policy-color-text=#212b32] - Text colour.
 * @cssproperty [--policy-color-secondary-text=#4c6272] - Secondary text colour (review date).
 * @cssproperty [--policy-color-primary=#005eb8] - Accent colour (border, secondary button).
 * @cssproperty [--policy-color-link=#005eb8] - Link colour.
 * @cssproperty [--policy-color-link-visited=#330072] - Visited link colour.
 * @cssproperty [--policy-color-focus=#ffeb3b] - Focus highlight colour.
 * @cssproperty [--policy-color-focus-text=#212b32] - Text and underline colour on focus.
 * @cssproperty [--policy-color-surface=#fff] - Banner background.
 * @cssproperty [--policy-color-border=#d8dde0] - Banner border colour.
 * @cssproperty [--policy-radius=4px] - Corner radius.
 * @cssproperty [--policy-max-width=960px] - Content width inside the top and bottom bars.
 * @cssproperty [--policy-z-index=1000] - Stacking order of the top and bottom bars.
 */
export class PolicyConductBanner extends PolicyElement {
  static override properties = {
    variant: { type: String, reflect: true },
    expanded: { state: true },
    dismissed: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .banner {
        background: var(--policy-color-surface, #fff);
        border: 1px solid var(--policy-color-border, #d8dde0);
        border-left: 8px solid var(--policy-color-primary, #005eb8);
        border-radius: var(--policy-radius, 4px);
        padding: 1rem 1.25rem;
      }
      .bar {
        position: fixed;
        left: 0;
        right: 0;
        z-index: var(--policy-z-index, 1000);
        max-height: 85vh;
        overflow-y: auto;
        border: 0 solid var(--policy-color-primary, #005eb8);
        border-radius: 0;
        padding: 0.75rem 1rem;
        box-shadow: 0 0 12px #212b3240;
      }
      .top {
        top: 0;
        border-bottom-width: 4px;
      }
      .bottom {
        bottom: 0;
        border-top-width: 4px;
      }
      .bar .inner {
        max-width: var(--policy-max-width, 960px);
        margin: 0 auto;
      }
      .row,
      .actions,
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: center;
      }
      .row {
        justify-content: space-between;
      }
      .summary {
        flex: 1 1 22rem;
      }
      h2 {
        font-size: 1.1875rem;
        margin-bottom: 0.25rem;
      }
      .details {
        margin-top: 1rem;
        padding-top: 1rem;
        border-top: 1px solid var(--policy-color-border, #d8dde0);
      }
      .meta {
        margin-top: 0.75rem;
        gap: 0.25rem 1.5rem;
      }
    `,
  ];

  /** Placement: `inline` card in the page flow (default), `top` or `bottom` fixed bar. */
  declare variant: BannerVariant;
  declare protected expanded: boolean;
  declare protected dismissed: boolean;

  constructor() {
    super();
    this.variant = 'inline';
    this.expanded = false;
    this.dismissed = false;
  }

  /** The ODS code whose dismissal applies: the loaded config's, else the attribute's. */
  private get ods(): string | undefined {
    return this.loadState.status === 'ready'
      ? this.loadState.config.ods
      : (this.practice ?? this.config?.ods);
  }

  /** True when this practice's current policy version (or, before it is known, any version) was dismissed. */
  private isDismissed(): boolean {
    if (this.dismissed) return true;
    const ods = this.ods;
    if (!ods) return false;
    const stored = dismissedVersion(ods);
    if (stored === undefined) return false;
    return this.loadState.status === 'ready' ? stored === this.loadState.config.policy.version : true;
  }

  private toggle(): void {
    this.expanded = !this.expanded;
    emit<BannerToggleDetail>(this, 'policy-banner-toggle', { expanded: this.expanded });
  }

  private dismiss(): void {
    const ods = this.ods ?? '';
    const version = this.loadState.status === 'ready' ? this.loadState.config.policy.version : '';
    if (!emit<BannerDismissDetail>(this, 'policy-banner-dismiss', { ods, version })) return;
    if (ods && version) rememberDismissal(ods, version);
    this.dismissed = true;
  }

  protected override render(): TemplateResult | typeof nothing {
    const t = BANNER_MESSAGES[this.locale];
    if (this.isDismissed()) {
      // Kept in the tree so the dismissal is announced; takes no space.
      return this.dismissed
        ? html`<div class="visually-hidden" role="status" lang=${this.locale}>${t.dismissed}</div>`
        : nothing;
    }
    const variant = BANNER_VARIANTS.includes(this.variant) ? this.variant : 'inline';
    const bar = variant !== 'inline';
    return html`
      <section
        part="banner"
        class="root banner ${bar ? `bar ${variant}` : ''}"
        aria-labelledby="heading"
        lang=${this.locale}
      >
        <div part="inner" class="inner">
          <div class="row">
            <div part="summary" class="summary">
              <h2 id="heading" part="heading">${t.heading}</h2>
              <p part="message">${t.message}</p>
            </div>
            <div part="actions" class="actions">
              <button
                part="toggle"
                class="button button-secondary"
                type="button"
                aria-expanded=${this.expanded ? 'true' : 'false'}
                aria-controls="details"
                @click=${this.toggle}
              >
                ${this.expanded ? t.hide : t.show}
              </button>
              <button
                part="dismiss"
                class="link-button"
                type="button"
                aria-label=${t.dismiss + t.dismissHidden}
                @click=${this.dismiss}
              >
                ${t.dismiss}
              </button>
            </div>
          </div>
          <div id="details" part="details" class="details" ?hidden=${!this.expanded}>
            ${this.expanded ? this.renderDetails() : nothing}
          </div>
        </div>
      </section>
    `;
  }

  private renderDetails(): TemplateResult {
    const t = BANNER_MESSAGES[this.locale];
    const state = this.loadState;
    if (state.status === 'error') return html`<p part="status" role="status">${t.error}</p>`;
    if (state.status !== 'ready') return html`<p part="status" role="status">${t.loading}</p>`;
    const { config } = state;
    const policyUrl = safeUrl(config.policy.url);
    const reviewed = formatDate(config.policy.lastReviewed, this.locale);
    return html`
      <p>${fill(t.intro, { practice: config.name })}</p>
      <ul part="clauses">
        ${config.conduct.map(
          (clause) =>
            html`<li part="clause">${linkify(clause.text[this.locale] ?? clause.text['en-GB']).map((part) =>
              'href' in part ? html`<a class="breakable" href=${part.href}>${part.text}</a>` : part.text,
            )}</li>`,
        )}
      </ul>
      <p class="meta">
        ${policyUrl ? html`<a part="policy-link" href=${policyUrl}>${t.policyLink}</a>` : nothing}
        ${reviewed ? html`<span part="reviewed" class="muted">${fill(t.lastReviewed, { date: reviewed })}</span>` : nothing}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'policy-banner-toggle': CustomEvent<BannerToggleDetail>;
    'policy-banner-dismiss': CustomEvent<BannerDismissDetail>;
  }
}
