import {
  CATEGORIES,
  CATEGORY_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  SEVERITIES,
  SEVERITY_LABELS,
} from '@policy/core';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { messageOf } from '../../api/problem.js';
import type { Session } from '../../api/types.js';
import { screenReady } from '../../shared/events.js';
import { formatDate, formatDateTime, formatMonth, minutesText } from '../../shared/format.js';
import { baseStyles } from '../../shared/styles.js';
import { barTable } from './charts.js';
import {
  defaultPeriod,
  loadMonths,
  loadTotals,
  type Period,
  type ReportData,
  reportCsv,
} from './report-data.js';

const en = 'en-GB' as const;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The monitoring report the policy asks for (to the partners): for a period, incidents by category
 * and by month, severities, outcomes, time to triage and to close, missed deadlines and repeat
 * authors; a CSV download; and the audit chain's verdict.
 */
export class DeskReport extends LitElement {
  static override properties = {
    session: { attribute: false },
    period: { state: true },
    draft: { state: true },
    data: { state: true },
    error: { state: true },
    loading: { state: true },
    csvUrl: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      form.period {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: flex-end;
      }
      form.period .field + .field {
        margin-top: 0;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 1rem;
      }
      .figure strong {
        display: block;
        font-size: 2rem;
        line-height: 1.2;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        gap: 0 1.25rem;
      }
      .num {
        text-align: right;
        white-space: nowrap;
      }
      .bar-col {
        width: 40%;
        min-width: 4rem;
      }
      .verdict-ok {
        border-left: 8px solid #007f3b;
        padding: 0.5rem 1rem;
      }
      .verdict-broken {
        border-left: 8px solid #d5281b;
        padding: 0.5rem 1rem;
      }
    `,
  ];

  declare session: Session | undefined;
  declare period: Period;
  declare draft: Period;
  declare data: ReportData | undefined;
  declare error: string | undefined;
  declare loading: boolean;
  declare csvUrl: string | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.period = defaultPeriod();
    this.draft = this.period;
    this.data = undefined;
    this.error = undefined;
    this.loading = false;
    this.csvUrl = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
  }

  private async load(): Promise<void> {
    const ods = this.session?.user.practice.ods;
    if (!ods) return;
    const period = this.period;
    this.loading = true;
    this.error = undefined;
    // The totals first, on their own (they are what a partner reads first); then the months.
    try {
      this.data = { ...(await loadTotals(ods, period)), months: undefined };
    } catch (error) {
      this.error = messageOf(error);
    }
    await this.updateComplete;
    screenReady(this, 'Monitoring report');
    try {
      const byMonth = await loadMonths(ods, period);
      if (this.data && this.period === period) this.data = { ...this.data, months: byMonth };
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
    await this.updateComplete;
    this.dispatchEvent(new CustomEvent('desk-screen-complete', { bubbles: true, composed: true }));
  }

  /** The CSV is made when asked for, not with every view of the report. */
  private async downloadCsv(): Promise<void> {
    const ods = this.session?.user.practice.ods;
    if (!ods) return;
    try {
      const csv = await reportCsv(ods, this.period);
      if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
      this.csvUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLAnchorElement>('a[download]')?.click();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  override render(): TemplateResult {
    const data = this.data;
    return html`
      <h1>Monitoring report</h1>
      <p>What the policy asks the practice to report to the partners: how many incidents, of what kind, how they were handled, and any deadline missed.</p>
      <form class="period card" @submit=${this.apply} aria-label="Report period">
        <div class="field">
          <label for="from">From</label>
          <input id="from" type="date" .value=${this.draft.from} @change=${(event: Event) => {
            this.draft = { ...this.draft, from: (event.target as HTMLInputElement).value };
          }} />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input id="to" type="date" .value=${this.draft.to} @change=${(event: Event) => {
            this.draft = { ...this.draft, to: (event.target as HTMLInputElement).value };
          }} />
        </div>
        <button class="button button-secondary" type="submit">Show this period</button>
        <button class="button button-secondary" type="button" @click=${this.downloadCsv}>Download CSV</button>
        ${
          this.csvUrl
            ? html`<a hidden href=${this.csvUrl} download="monitoring-${this.period.from}-to-${this.period.to}.csv">CSV file</a>`
            : nothing
        }
      </form>
      <div role="status" class="muted">${this.loading ? (this.data ? 'Loading the month-by-month figures…' : 'Loading the report…') : ''}</div>
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      ${data ? this.renderData(data) : nothing}
    `;
  }

  private apply(event: Event): void {
    event.preventDefault();
    if (!this.draft.from || !this.draft.to || this.draft.from > this.draft.to) {
      this.error = 'Enter a period whose start is on or before its end.';
      return;
    }
    this.period = this.draft;
    void this.load();
  }

  private renderData(data: ReportData): TemplateResult {
    const summary = data.summary;
    const categories = CATEGORIES.filter((category) => summary.byCategory[category] > 0);
    return html`
      <section class="card" aria-labelledby="totals">
        <h2 id="totals">${formatDate(summary.from)} to ${formatDate(summary.to)}</h2>
        <div class="figures">
          <p class="figure"><strong data-total>${summary.total}</strong> incidents</p>
          <p class="figure"><strong>${summary.byOutcome.open ?? 0}</strong> still open</p>
          <p class="figure"><strong>${minutesText(summary.medianMinutesToTriage)}</strong> median time to triage</p>
          <p class="figure"><strong>${minutesText(summary.medianMinutesToClose)}</strong> median time to close</p>
          <p class="figure"><strong>${summary.deadlinesMissed.length}</strong> deadlines missed</p>
        </div>
      </section>
      ${this.renderAudit(data)}
      <div class="grid">
        <section class="card">
          ${barTable(
            'Incidents by category',
            categories.map((category) => ({
              label: capitalise(CATEGORY_LABELS[en][category]),
              value: summary.byCategory[category],
            })),
          )}
          ${categories.length ? nothing : html`<p>No incidents in this period.</p>`}
        </section>
        <section class="card">
          ${barTable(
            'Incidents by month',
            (data.months ?? []).map((month) => ({
              label: formatMonth(`${month.label}-01T00:00:00Z`),
              value: month.summary.total,
            })),
          )}
        </section>
        <section class="card">
          ${barTable(
            'Outcomes',
            [...OUTCOMES, 'open' as const]
              .filter((outcome) => (summary.byOutcome[outcome] ?? 0) > 0)
              .map((outcome) => ({
                label: capitalise(OUTCOME_LABELS[en][outcome]),
                value: summary.byOutcome[outcome] ?? 0,
              })),
          )}
        </section>
        <section class="card">
          ${barTable(
            'Median time to triage, by month',
            (data.months ?? []).map((month) => ({
              label: formatMonth(`${month.label}-01T00:00:00Z`),
              value: month.summary.medianMinutesToTriage ?? 0,
              text: minutesText(month.summary.medianMinutesToTriage),
            })),
            'Time',
          )}
        </section>
        <section class="card">
          ${barTable(
            'Incidents by severity',
            [...SEVERITIES].reverse().map((severity) => ({
              label: capitalise(SEVERITY_LABELS[en][severity]),
              value: summary.bySeverity[severity],
            })),
          )}
        </section>
        <section class="card">
          <h2>Categories by month</h2>
          ${this.renderCategoryMonths(data, categories)}
        </section>
      </div>
      ${
        summary.repeatAuthors.length
          ? html`<section class="card"><h2>Authors with more than one incident</h2>
            <p>${summary.repeatAuthors.length} author${summary.repeatAuthors.length === 1 ? '' : 's'} posted more than once: ${summary.repeatAuthors.map((author) => `${author.incidents} incidents`).join(', ')}. Open the queue to see them.</p>
          </section>`
          : nothing
      }
    `;
  }

  private renderCategoryMonths(
    data: ReportData,
    categories: readonly (typeof CATEGORIES)[number][],
  ): TemplateResult {
    if (categories.length === 0) return html`<p>No incidents in this period.</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Categories by month, scrollable">
      <table>
        <thead>
          <tr>
            <th scope="col">Month</th>
            ${categories.map((category) => html`<th scope="col" class="num">${capitalise(CATEGORY_LABELS[en][category])}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${(data.months ?? []).map(
            (month) => html`<tr>
              <th scope="row">${formatMonth(`${month.label}-01T00:00:00Z`)}</th>
              ${categories.map((category) => html`<td class="num">${month.summary.byCategory[category]}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderAudit(data: ReportData): TemplateResult {
    const audit = data.audit;
    if ('error' in audit)
      return html`<section class="card verdict-broken" data-audit="error"><h2>Audit check</h2><p>${audit.error}</p></section>`;
    return html`<section class="card ${audit.intact ? 'verdict-ok' : 'verdict-broken'}" data-audit=${audit.intact ? 'intact' : 'broken'}>
      <h2>Audit check</h2>
      ${
        audit.intact
          ? html`<p><strong>Intact.</strong> All ${audit.events} recorded events were re-checked against their hash chain ${formatDateTime(audit.checkedAt)}: nothing has been changed, removed or reordered.</p>`
          : html`<p><strong>Broken.</strong> The hash chain does not verify. Where it breaks: <code>${JSON.stringify(audit.brokenAt)}</code>. Tell the practice’s data protection officer and your supplier.</p>`
      }
    </section>`;
  }
}
