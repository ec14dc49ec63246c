import { PLATFORM_LABELS, PLATFORMS, type TemplateId } from '@policy/core';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import type { Incident, RenderedTemplate, Session, TemplateInfo } from '../../api/types.js';
import { emit } from '../../shared/events.js';
import { baseStyles } from '../../shared/styles.js';

export const USE_REPLY = 'desk-use-reply';
export interface UseReplyDetail {
  text: string;
  platform: string;
}

const en = 'en-GB' as const;
let templateList: Promise<TemplateInfo[]> | undefined;

/**
 * The policy's response templates, rendered by the server for this incident and the chosen
 * platform: the text, its length against the platform's limit, and a copy button. Public replies
 * can be carried into "Reply publicly" to be recorded once posted.
 */
export class DeskTemplates extends LitElement {
  static override properties = {
    incident: { attribute: false },
    session: { attribute: false },
    templates: { state: true },
    chosen: { state: true },
    platform: { state: true },
    rendered: { state: true },
    error: { state: true },
    copied: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .rendered {
        white-space: pre-wrap;
        background: #fff;
        border: 1px solid #aeb7bd;
        padding: 0.75rem 1rem;
        margin: 0.75rem 0;
        overflow-wrap: anywhere;
      }
      .too-long {
        color: #d5281b;
        font-weight: 700;
      }
    `,
  ];

  declare incident: Incident | undefined;
  declare session: Session | undefined;
  declare templates: TemplateInfo[];
  declare chosen: TemplateId | '';
  declare platform: string;
  declare rendered: RenderedTemplate | undefined;
  declare error: string | undefined;
  declare copied: string;

  constructor() {
    super();
    this.incident = undefined;
    this.session = undefined;
    this.templates = [];
    this.chosen = '';
    this.platform = '';
    this.rendered = undefined;
    this.error = undefined;
    this.copied = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    templateList ??= api<{ items: TemplateInfo[] }>('/templates').then((page) => page.items);
    templateList.then(
      (items) => {
        // Only what a person sends about this incident; the manager alert and the partners' summary live elsewhere.
        this.templates = items.filter(
          (item) => item.id !== 'staff_alert' && item.id !== 'monitoring_summary',
        );
        this.chosen ||= this.incident?.classification.suggestedTemplates[0] ?? this.templates[0]?.id ?? '';
        this.platform ||= this.incident?.report.platform ?? 'facebook';
      },
      (error: unknown) => {
        templateList = undefined;
        this.error = messageOf(error);
      },
    );
  }

  override render(): TemplateResult {
    const suggested = new Set(this.incident?.classification.suggestedTemplates ?? []);
    const ordered = [...this.templates].sort(
      (a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)),
    );
    const rendered = this.rendered;
    const info = this.templates.find((item) => item.id === rendered?.id);
    return html`<form class="row" @submit=${this.render_}>
        <div class="field">
          <label for="template">Template</label>
          <select id="template" @change=${(event: Event) => {
            this.chosen = (event.target as HTMLSelectElement).value as TemplateId;
          }}>
            ${ordered.map(
              (item) =>
                html`<option value=${item.id} ?selected=${item.id === this.chosen}>${item.purpose.replace(/\.$/, '')}${suggested.has(item.id) ? ' (suggested)' : ''}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="platform">For</label>
          <select id="platform" @change=${(event: Event) => {
            this.platform = (event.target as HTMLSelectElement).value;
          }}>
            ${PLATFORMS.map((platform) => html`<option value=${platform} ?selected=${platform === this.platform}>${PLATFORM_LABELS[en][platform]}</option>`)}
          </select>
        </div>
        <button class="button button-secondary" type="submit">Show the text</button>
      </form>
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      <div aria-live="polite">
        ${
          rendered
            ? html`<div class="rendered" data-rendered tabindex="0" role="region" aria-label="Template text">${rendered.text}</div>
              <p data-length class=${rendered.fits ? '' : 'too-long'}>
                ${rendered.length} characters${rendered.limit !== null ? html` of ${rendered.limit} allowed on ${PLATFORM_LABELS[en][this.platform as 'x'] ?? this.platform}` : nothing}${rendered.fits ? '' : `: too long by ${rendered.length - (rendered.limit ?? 0)}`}.
              </p>
              <div class="row">
                <button class="button button-secondary" type="button" @click=${this.copy}>Copy the text</button>
                ${
                  info?.channel === 'public_reply' && this.session?.user.role !== 'staff'
                    ? html`<button class="button button-secondary" type="button" @click=${this.useAsReply}>Record it as the public reply…</button>`
                    : nothing
                }
              </div>
              <p role="status" data-copied>${this.copied}</p>`
            : nothing
        }
      </div>`;
  }

  private async render_(event: Event): Promise<void> {
    event.preventDefault();
    const incident = this.incident;
    const ods = this.session?.user.practice.ods;
    if (!incident || !ods || !this.chosen) return;
    this.error = undefined;
    this.copied = '';
    try {
      this.rendered = await api<RenderedTemplate>(`/practices/${ods}/templates/${this.chosen}/render`, {
        method: 'POST',
        body: { incidentId: incident.id, platform: this.platform },
      });
    } catch (error) {
      this.rendered = undefined;
      this.error = messageOf(error);
    }
  }

  private async copy(): Promise<void> {
    const text = this.rendered?.text;
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = 'Copied. Paste it where you reply.';
    } catch {
      // No clipboard permission (an embedded desk, an old browser): select the text for Ctrl+C.
      const region = this.renderRoot.querySelector('[data-rendered]');
      if (region) getSelection()?.selectAllChildren(region);
      this.copied = 'Your browser would not copy it: the text is selected, press Ctrl+C (⌘C on a Mac).';
    }
  }

  private useAsReply(): void {
    if (!this.rendered) return;
    emit<UseReplyDetail>(this, USE_REPLY, { text: this.rendered.text, platform: this.platform });
  }
}
