import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { fill } from '../shared/i18n.js';
import { emit, PolicyElement } from '../shared/policy-element.js';
import { mailtoUrl, safeUrl, telUrl } from '../shared/safe-url.js';
import { baseStyles } from '../shared/styles.js';
import { REDIRECT_MESSAGES, type RedirectMessages } from './messages.js';

/** What a patient can choose; `urgent` comes first because it is the one that cannot wait. */
export const REDIRECT_CHOICES = ['urgent', 'complaint', 'feedback', 'appointments'] as const;
export type RedirectChoice = (typeof REDIRECT_CHOICES)[number];

export interface RedirectChooseDetail {
  choice: RedirectChoice;
}

export interface RedirectLinkDetail {
  href: string;
}

// Used when the practice's details are not available: these never vary between practices.
const NHS_111_URL = 'https://111.nhs.uk/';
const NHS_APP_URL = 'https://www.nhs.uk/nhs-app/';
const FIND_A_GP_URL = 'https://www.nhs.uk/service-search/find-a-gp';

// Host name labels of well-known platforms → how people write their names.
const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  fb: 'Facebook',
  x: 'X',
  twitter: 'X',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  youtu: 'YouTube',
  whatsapp: 'WhatsApp',
  wa: 'WhatsApp',
  nextdoor: 'Nextdoor',
};

/** "Facebook" for (www.|m.)facebook.com links, else the bare host name. */
export function platformName(href: string): string {
  const host = new URL(href).hostname.replace(/^www\./, '');
  const known = host
    .split('.')
    .map((label) => PLATFORM_NAMES[label])
    .find(Boolean);
  return known ?? host;
}

/**
 * "Want to raise something?" — routes a patient to the right channel instead of social media: the
 * practice's complaints procedure or the local NHS body, in the words of the practice's nation
 * (England's ICB, Wales's Putting Things Right and health board, Scotland's NHS board, Northern
 * Ireland's HSC procedure: the time limit, acknowledgement, ombudsman and free advocacy), the NHS website review page, the NHS App / online
 * consultation / phone, and NHS 111 or 999 (always shown, and first when chosen).
 *
 * Wrapped around a practice's own social media link, it becomes an interstitial: following the
 * link opens the guide first, which ends with a "continue anyway" link.
 *
 * @summary Guide that routes complaints, feedback and requests away from social media.
 *
 * @attr practice - ODS code of the practice, e.g. `A81001`.
 * @attr api - API origin; defaults to the origin the widget script was loaded from.
 * @attr config - The practice's public configuration as JSON (renders with no network).
 * @attr lang - `en-GB` or `cy`; defaults to the practice's locale.
 *
 * @slot - Optional: the practice's own social media link (`<a href>`). Following it opens the guide first.
 *
 * @fires policy-redirect-choose - The patient asked to be shown a route. detail: `{ choice }` (`urgent`, `complaint`, `feedback` or `appointments`)
 * @fires policy-redirect-open - A slotted social media link was followed and the guide opened instead. detail: `{ href }`
 * @fires policy-redirect-continue - The patient chose to continue to the social media link anyway (cancelable). detail: `{ href }`
 * @fires policy-config-ready - The practice configuration is loaded and rendered. detail: `{ ods, locale }`
 * @fires policy-config-error - The configuration could not be loaded. detail: `{ error: { code, message } }`
 *
 * @csspart guide - The outer container (a labelled region).
 * @csspart heading - The guide heading.
 * @csspart intro - The introduction.
 * @csspart urgent-note - The always-present NHS 111 / 999 line.
 * @csspart form - The form holding the choices.
 * @csspart choices - The fieldset of radio choices.
 * @csspart choice - One radio choice (label and input).
 * @csspart error - The message shown when nothing was chosen.
 * @csspart submit - The "Show me how" button.
 * @csspart answer - The revealed route for the chosen need.
 * @csspart answer-heading - The heading of the revealed route (receives focus).
 * @csspart emergency - The 999 callout.
 * @csspart why - The "why not on social media?" explanation.
 * @csspart continue - The "continue to … anyway" link (interstitial only).
 * @csspart status - Loading and error messages.
 *
 * @cssproperty [--policy-font-family='Frutiger W01-55Roman', Frutiger, Arial, sans-serif] - Text font.
 * @cssproperty [--policy-font-size=1rem] - Base text size.
 * @cssproperty [--policy-line-height=1.5] - Base line height.
 * @cssproperty [--policy-color-text=#212b32] - Text colour.
 * @cssproperty [--policy-color-primary=#005eb8] - Accent colour (borders, radio fill).
 * @cssproperty [--policy-color-link=#005eb8] - Link colour.
 * @cssproperty [--policy-color-link-visited=#330072] - Visited link colour.
 * @cssproperty [--policy-color-focus=#ffeb3b] - Focus highlight colour.
 * @cssproperty [--policy-color-focus-text=#212b32] - Text and outline colour on focus.
 * @cssproperty [--policy-color-button=#007f3b] - Primary button colour.
 * @cssproperty [--policy-color-button-text=#fff] - Primary button text colour.
 * @cssproperty [--policy-color-surface=#fff] - Guide background.
 * @cssproperty [--policy-color-surface-alt=#f0f4f5] - Background of the urgent line and answer.
 * @cssproperty [--policy-color-border=#d8dde0] - Border colour.
 * @cssproperty [--policy-color-error=#d5281b] - Error and emergency colour.
 * @cssproperty [--policy-radius=4px] - Corner radius.
 */
export class PolicyComplaintRedirect extends PolicyElement {
  static override properties = {
    selected: { state: true },
    shown: { state: true },
    showError: { state: true },
    announcement: { state: true },
    socialHref: { state: true },
    open: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .guide {
        background: var(--policy-color-surface, #fff);
        border: 1px solid var(--policy-color-border, #d8dde0);
        border-top: 4px solid var(--policy-color-primary, #005eb8);
        border-radius: var(--policy-radius, 4px);
        padding: 1.25rem;
      }
      .guide > *,
      .answer > * {
        margin-top: 1rem;
      }
      .guide > :first-child,
      .answer > :first-child {
        margin-top: 0;
      }
      .slotted + .guide {
        margin-top: 0.75rem;
      }
      .urgent,
      .answer {
        background: var(--policy-color-surface-alt, #f0f4f5);
        border-left: 6px solid var(--policy-color-error, #d5281b);
        padding: 0.5rem 0.75rem;
      }
      .answer {
        border-color: var(--policy-color-primary, #005eb8);
        padding: 1rem 1.25rem;
      }
      fieldset {
        border: 0;
        min-width: 0;
      }
      legend {
        font-weight: 700;
        font-size: 1.125rem;
        padding: 0;
        margin-bottom: 0.5rem;
      }
      form > p {
        margin-top: 1rem;
      }
      .why {
        border-top: 1px solid var(--policy-color-border, #d8dde0);
        padding-top: 1rem;
      }
      .why h3 {
        margin-bottom: 0.25rem;
      }
      .invalid {
        border-left: 4px solid var(--policy-color-error, #d5281b);
        padding-left: 0.75rem;
      }
      .error-message {
        color: var(--policy-color-error, #d5281b);
        font-weight: 700;
      }
      .choice {
        display: flex;
        gap: 0.75rem;
        padding: 0.25rem 0;
      }
      .choice input {
        flex: none;
        width: 1.5rem;
        height: 1.5rem;
        margin: 0;
        accent-color: var(--policy-color-primary, #005eb8);
      }
      .choice input:focus-visible {
        outline: 3px solid var(--policy-color-focus-text, #212b32);
        box-shadow: 0 0 0 7px var(--policy-color-focus, #ffeb3b);
      }
      h3:focus-visible {
        outline: 3px solid var(--policy-color-focus, #ffeb3b);
        outline-offset: 4px;
      }
      h4 {
        font-size: 1rem;
      }
      .emergency {
        background: var(--policy-color-surface, #fff);
        border: 3px solid var(--policy-color-error, #d5281b);
        padding: 0.75rem 1rem;
        font-weight: 700;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ];

  declare protected selected: RedirectChoice | undefined;
  declare protected shown: RedirectChoice | undefined;
  declare protected showError: boolean;
  declare protected announcement: string;
  declare protected socialHref: string | undefined;
  declare protected open: boolean;
  private focusAnswer = false;
  private focusHeading = false;

  constructor() {
    super();
    this.showError = false;
    this.announcement = '';
    this.open = false;
    this.addEventListener('click', (event) => this.interceptSocialLink(event));
  }

  /** The slotted link, followed without a modifier key, opens the guide instead (once). */
  private interceptSocialLink(event: MouseEvent): void {
    if (!this.socialHref || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!anchor || !this.contains(anchor)) return;
    event.preventDefault();
    this.open = true;
    this.focusHeading = true;
    emit<RedirectLinkDetail>(this, 'policy-redirect-open', { href: this.socialHref });
  }

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const anchor = slot
      .assignedElements({ flatten: true })
      .map((element) => (element.matches('a[href]') ? element : element.querySelector('a[href]')))
      .find((element): element is HTMLAnchorElement => element instanceof HTMLAnchorElement);
    this.socialHref = safeUrl(anchor?.href);
  }

  private get interstitial(): boolean {
    return this.socialHref !== undefined;
  }

  private onChange(event: Event): void {
    this.selected = (event.target as HTMLInputElement).value as RedirectChoice;
    this.showError = false;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const t = REDIRECT_MESSAGES[this.locale];
    if (!this.selected) {
      this.showError = true;
      this.announcement = '';
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]')?.focus(),
      );
      return;
    }
    this.shown = this.selected;
    this.focusAnswer = true;
    this.announcement = fill(t.announce, { choice: t[this.selected] });
    emit<RedirectChooseDetail>(this, 'policy-redirect-choose', { choice: this.selected });
  }

  private onContinue(event: MouseEvent): void {
    if (
      this.socialHref &&
      !emit<RedirectLinkDetail>(this, 'policy-redirect-continue', { href: this.socialHref })
    ) {
      event.preventDefault();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAnswer) {
      this.focusAnswer = false;
      this.renderRoot.querySelector<HTMLElement>('#answer-heading')?.focus();
    }
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const slot = html`<div class="slotted"><slot @slotchange=${this.onSlotChange}></slot></div>`;
    if (this.interstitial && !this.open) return slot;
    return html`${slot}${this.renderGuide()}`;
  }

  private renderGuide(): TemplateResult {
    const locale = this.locale;
    const t = REDIRECT_MESSAGES[locale];
    const platform = this.socialHref ? platformName(this.socialHref) : '';
    const heading = this.interstitial ? fill(t.interstitialHeading, { platform }) : t.heading;
    return html`
      <section part="guide" class="root guide" aria-labelledby="heading" lang=${locale}>
        <h2 id="heading" part="heading" tabindex="-1">${heading}</h2>
        ${this.interstitial ? html`<p part="intro">${t.interstitialIntro}</p>` : nothing}
        <p part="urgent-note" class="urgent">
          <strong>${t.urgentLead}</strong>
          ${
            this.nation() === 'northern_ireland'
              ? html`${t.outOfHoursLead} <a href=${this.urgentUrl()}>${t.outOfHours}</a>.`
              : html`${t.urgentOnlineVerb} <a href=${this.urgentUrl()}>${this.urgentName(t)}</a>
                  ${t.orCall} <a href="tel:111">111</a>.`
          }
          ${t.emergencyCall} <a href="tel:999">999</a>.
        </p>
        <form part="form" novalidate @submit=${this.onSubmit}>
          <div class=${this.showError ? 'invalid' : ''}>
            <fieldset part="choices" aria-describedby=${this.showError ? 'choice-error' : nothing}>
              <legend>${t.legend}</legend>
              ${
                this.showError
                  ? html`<p id="choice-error" part="error" class="error-message">
                      <span class="visually-hidden">${t.errorPrefix}</span> ${t.errorNoChoice}
                    </p>`
                  : nothing
              }
              ${REDIRECT_CHOICES.map(
                (choice) => html`
                  <div part="choice" class="choice">
                    <input
                      type="radio"
                      id="choice-${choice}"
                      name="choice"
                      .value=${choice}
                      .checked=${this.selected === choice}
                      @change=${this.onChange}
                    />
                    <label for="choice-${choice}">${t[choice]}</label>
                  </div>
                `,
              )}
            </fieldset>
          </div>
          <p><button part="submit" class="button" type="submit">${t.submit}</button></p>
        </form>
        ${this.shown ? this.renderAnswer(this.shown, t) : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
        <div part="why" class="why">
          <h3>${t.whyHeading}</h3>
          <p>${t.whyText}</p>
        </div>
        ${
          this.interstitial && this.socialHref
            ? html`<p>
                <a part="continue" href=${this.socialHref} rel="noopener" @click=${this.onContinue}
                  >${fill(t.continueAnyway, { platform })}</a
                >
              </p>`
            : nothing
        }
      </section>
    `;
  }

  /** The practice's nation, once its details are loaded (England's services until then). */
  private nation(): string | undefined {
    return this.loadState.status === 'ready' ? this.loadState.config.nation : undefined;
  }

  /** NHS 111 online, or NHS 24 (also on 111) in Scotland. Northern Ireland has no 111 at all. */
  private urgentName(t: RedirectMessages): string {
    return this.nation() === 'scotland' ? t.nhs24Online : t.nhs111Online;
  }

  private urgentUrl(): string {
    const config = this.loadState.status === 'ready' ? this.loadState.config : undefined;
    return safeUrl(config?.channels.urgent.nhs111Url) ?? NHS_111_URL;
  }

  private renderAnswer(choice: RedirectChoice, t: RedirectMessages): TemplateResult {
    const title = choice === 'appointments' ? t.appointmentsHeading : t[choice];
    return html`
      <div part="answer" class="answer" role="region" aria-labelledby="answer-heading">
        <h3 id="answer-heading" part="answer-heading" tabindex="-1">${title}</h3>
        ${choice === 'urgent' ? this.renderUrgent(t) : this.renderPracticeRoute(choice, t)}
      </div>
    `;
  }

  private renderUrgent(t: RedirectMessages): TemplateResult {
    return html`
      <p part="emergency" class="emergency">${t.emergencyText} <a href="tel:999">${t.call999}</a></p>
      ${
        this.nation() === 'northern_ireland'
          ? html`<p>${t.outOfHoursText}</p>
              <ul>
                <li><a href=${this.urgentUrl()}>${t.outOfHours}</a></li>
              </ul>`
          : html`<p>${fill(t.urgentText, { service: this.urgentName(t) })}</p>
              <ul>
                <li><a href=${this.urgentUrl()}>${this.urgentName(t)}</a></li>
                <li><a href="tel:111">${t.call111}</a></li>
              </ul>`
      }
    `;
  }

  private renderPracticeRoute(
    choice: Exclude<RedirectChoice, 'urgent'>,
    t: RedirectMessages,
  ): TemplateResult {
    const state = this.loadState;
    if (state.status === 'error') return html`<p part="status" role="status">${t.error}</p>`;
    if (state.status !== 'ready') return html`<p part="status" role="status">${t.loading}</p>`;
    const config = state.config;
    const practice = config.name;
    if (choice === 'complaint') {
      const { complaints, icb } = config.channels;
      const facts = config.complaintsFacts;
      // The nation's route in the nation's words (core's, filled in by the API): the ICB in
      // England, Putting Things Right and the health board in Wales, the NHS board in Scotland,
      // the HSC procedure in Northern Ireland.
      const route = config.complaintsRoute;
      const words = route.words[this.locale] ?? route.words['en-GB'];
      const ways = [
        link(safeUrl(complaints.procedureUrl), t.procedure),
        labelled(t.emailTo, mailtoUrl(complaints.email), complaints.email, 'breakable'),
        labelled(t.callOn, telUrl(complaints.phone), complaints.phone),
        link(safeUrl(complaints.leafletUrl), t.leaflet),
      ].filter((way) => way !== nothing);
      const bodyWays = [
        link(safeUrl(icb.url), t.bodyWebsite),
        labelled(t.emailTo, mailtoUrl(icb.email), icb.email, 'breakable'),
        labelled(t.callOn, telUrl(icb.phone), icb.phone),
      ].filter((way) => way !== nothing);
      const ombudsmanPhone = telUrl(facts.ombudsman.phone);
      const advocacy = safeUrl(route.advocacy.url);
      const guidance = safeUrl(route.guidanceUrl);
      return html`
        <p>${fill(t.complaintText, { practice })}</p>
        ${ways.length ? html`<ul>${ways.map((way) => html`<li>${way}</li>`)}</ul>` : html`<p>${t.askReception}</p>`}
        <h4>${words.alternativeHeading}</h4>
        <p>${words.alternativeText}</p>
        ${bodyWays.length ? html`<ul>${bodyWays.map((way) => html`<li>${way}</li>`)}</ul>` : nothing}
        <h4>${t.nextHeading}</h4>
        <ul>
          <li>${words.timeLimit}</li>
          <li>${words.acknowledgement}</li>
          <li>
            ${words.ombudsmanText}
            ${link(safeUrl(facts.ombudsman.url), t.ombudsmanWebsite)}${
              ombudsmanPhone
                ? html`, <a class="nowrap" href=${ombudsmanPhone}>${facts.ombudsman.phone}</a>`
                : nothing
            }
          </li>
          <li>${words.support} ${link(advocacy, route.advocacy.name)}</li>
        </ul>
        ${guidance ? html`<p>${link(guidance, fill(t.guidanceLink, { procedure: words.procedure }))}</p>` : nothing}
      `;
    }
    if (choice === 'feedback') {
      const reviewUrl = safeUrl(config.channels.reviews.nhsWebsiteUrl);
      return html`
        <p>${fill(t.feedbackText, { practice })}</p>
        <p>
          ${
            reviewUrl
              ? html`<a href=${reviewUrl}>${t.reviewLink}</a>`
              : html`<a href=${FIND_A_GP_URL}>${fill(t.findLink, { practice })}</a>`
          }
        </p>
      `;
    }
    const { appointments } = config.channels;
    const phone = appointments.phone ?? config.phone;
    const phoneHref = telUrl(phone);
    const online = safeUrl(appointments.onlineConsultationUrl);
    return html`
      <ul>
        ${
          appointments.nhsApp
            ? html`<li>${t.nhsAppUse} <a href=${NHS_APP_URL}>${t.nhsApp}</a> ${t.nhsAppText}</li>`
            : nothing
        }
        ${online ? html`<li><a href=${online}>${t.onlineConsultation}</a></li>` : nothing}
        ${phoneHref ? html`<li>${t.callUs} <a class="nowrap" href=${phoneHref}>${phone}</a></li>` : nothing}
      </ul>
      <p>${t.appointmentsNote}</p>
    `;
  }
}

function link(href: string | undefined, text: string): TemplateResult | typeof nothing {
  return href ? html`<a href=${href}>${text}</a>` : nothing;
}

function labelled(
  label: string,
  href: string | undefined,
  text: string | undefined,
  kind: 'nowrap' | 'breakable' = 'nowrap',
): TemplateResult | typeof nothing {
  return href && text ? html`${label} <a class=${kind} href=${href}>${text}</a>` : nothing;
}

declare global {
  interface HTMLElementEventMap {
    'policy-redirect-choose': CustomEvent<RedirectChooseDetail>;
    'policy-redirect-open': CustomEvent<RedirectLinkDetail>;
    'policy-redirect-continue': CustomEvent<RedirectLinkDetail>;
  }
}
