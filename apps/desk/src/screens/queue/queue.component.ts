import {
  CATEGORIES,
  CATEGORY_LABELS,
  DEADLINE_LABELS,
  type DeadlineKind,
  PLATFORM_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATE_LABELS,
  STATES,
} from '@policy/core';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { allPages } from '../../api/client.js';
import { messageOf } from '../../api/problem.js';
import type { IncidentSummary, Session } from '../../api/types.js';
import { navigate } from '../../app/routes.js';
import { screenReady } from '../../shared/events.js';
import { formatDateTime } from '../../shared/format.js';
import { detailsOf } from '../../shared/incidents.js';
import { calendarOf } from '../../shared/practice.js';
import { baseStyles } from '../../shared/styles.js';
import { buildRows, isOpen, needsDoingToday, type QueueRow } from './queue-model.js';

const FILTERS = ['state', 'category', 'severity', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

const en = 'en-GB' as const;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The queue: open incidents, most severe first, then the nearest deadline; overdue work said in
 * words, not only colour; filters in the address (so a filtered queue can be bookmarked); and how
 * much needs doing today. Staff see the same screen titled "Your reports": the API gives them only
 * the incidents they filed.
 */
export class DeskQueue extends LitElement {
  static override properties = {
    session: { attribute: false },
    query: { attribute: false },
    rows: { state: true },
    error: { state: true },
    loading: { state: true },
    draft: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .today {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2rem;
        font-size: 1.125rem;
        margin-bottom: 1.25rem;
      }
      .today strong {
        font-size: 1.5rem;
      }
      .filter-box summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--policy-color-link, #005eb8);
        text-decoration: underline;
        margin-bottom: 0.75rem;
      }
      form.filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 1rem;
        align-items: end;
      }
      form.filters .field + .field {
        margin-top: 0;
      }
      form.filters select,
      form.filters input {
        width: 100%;
      }
      .filter-actions {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      ol.incidents {
        list-style: none;
        padding: 0;
      }
      ol.incidents > li {
        background: #fff;
        border: 1px solid #d8dde0;
        border-left: 8px solid #aeb7bd;
        padding: 0.75rem 1rem;
        margin: 0 0 0.75rem;
      }
      ol.incidents > li.critical {
        border-left-color: #d5281b;
      }
      ol.incidents > li.high {
        border-left-color: #ed8b00;
      }
      ol.incidents > li.medium {
        border-left-color: #ffb81c;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .reference {
        font-weight: 700;
        font-size: 1.125rem;
      }
      .overdue {
        color: #d5281b;
        font-weight: 700;
      }
      .overdue-tag {
        color: #fff;
        background: #d5281b;
        border-color: #d5281b;
      }
    `,
  ];

  declare session: Session | undefined;
  declare query: URLSearchParams;
  declare rows: QueueRow[] | undefined;
  declare error: string | undefined;
  declare loading: boolean;
  declare draft: Record<Filter, string>;
  private loadedKey = '';
  private now = Date.now();

  constructor() {
    super();
    this.session = undefined;
    this.query = new URLSearchParams();
    this.rows = undefined;
    this.error = undefined;
    this.loading = false;
    this.draft = { state: 'open', category: '', severity: '', from: '', to: '' };
  }

  /** Managers start from what is open; staff from everything they filed, closed ones too. */
  private get defaultState(): string {
    return this.session?.user.role === 'staff' ? 'all' : 'open';
  }

  private get filters(): Record<Filter, string> {
    const value = (name: Filter) => this.query.get(name) ?? '';
    return {
      state: value('state') || this.defaultState,
      category: value('category'),
      severity: value('severity'),
      from: value('from'),
      to: value('to'),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('query') || changed.has('session')) && this.session) {
      const key = `${this.session.user.practice.ods}?${this.query.toString()}`;
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        this.draft = this.filters;
        void this.load();
      }
    }
  }

  private async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const ods = session.user.practice.ods;
    const filters = this.filters;
    this.loading = true;
    this.error = undefined;
    try {
      const [summaries, calendar] = await Promise.all([
        allPages<IncidentSummary>(`/practices/${ods}/incidents`, {
          state: filters.state === 'open' || filters.state === 'all' ? undefined : filters.state,
          category: filters.category || undefined,
          severity: filters.severity || undefined,
          from: filters.from || undefined,
          to: filters.to || undefined,
        }),
        calendarOf(ods),
      ]);
      const shown = filters.state === 'open' ? summaries.filter(isOpen) : summaries;
      const details = await detailsOf(ods, shown.filter(isOpen));
      this.now = Date.now();
      this.rows = buildRows(shown, details, this.now, calendar);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
    await this.updateComplete;
    screenReady(this, this.screenTitle);
  }

  get screenTitle(): string {
    return this.session?.user.role === 'staff' ? 'Your reports' : 'Queue';
  }

  override render(): TemplateResult {
    const staff = this.session?.user.role === 'staff';
    const rows = this.rows;
    return html`
      <h1>${this.screenTitle}</h1>
      ${
        staff
          ? html`<p>The posts you reported, and what the practice has done. Open one to add what you know. <a href="#/new-report">Report another post</a>.</p>`
          : nothing
      }
      ${rows && !staff ? this.renderToday(rows) : nothing}
      ${this.renderFilters()}
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      <div role="status" class="muted">${this.loading ? 'Loading…' : rows ? `${rows.length} incident${rows.length === 1 ? '' : 's'} shown.` : ''}</div>
      ${rows ? this.renderRows(rows) : nothing}
    `;
  }

  private renderToday(rows: QueueRow[]): TemplateResult {
    const today = needsDoingToday(rows, this.now);
    const open = rows.filter((row) => isOpen(row.summary)).length;
    return html`<section class="card" aria-labelledby="today-heading">
      <h2 id="today-heading">Needs doing today: <span data-today>${today.overdue + today.dueToday}</span></h2>
      <div class="today">
        <span><strong data-overdue>${today.overdue}</strong> overdue</span>
        <span><strong>${today.dueToday}</strong> due by the end of today</span>
        <span><strong>${open}</strong> open in this view</span>
      </div>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const option = (value: string, label: string, selected: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    const set = (name: Filter) => (event: Event) => {
      this.draft = { ...this.draft, [name]: (event.target as HTMLInputElement).value };
    };
    // On a phone the filters fold away (open when one is in use), so the list comes first.
    const active = FILTERS.some((name) => this.query.get(name));
    const open = active || matchMedia('(min-width: 40rem)').matches;
    return html`<details class="card filter-box" ?open=${open}>
      <summary>Filters${active ? ' (in use)' : ''}</summary>
      <form class="filters" role="search" aria-label="Filter incidents" @submit=${this.applyFilters}>
      <div class="field">
        <label for="f-state">State</label>
        <select id="f-state" @change=${set('state')}>
          ${option('open', 'All open', this.draft.state)} ${option('all', 'All, including closed', this.draft.state)}
          ${STATES.map((state) => option(state, capitalise(STATE_LABELS['en-GB'][state]), this.draft.state))}
        </select>
      </div>
      <div class="field">
        <label for="f-category">Category</label>
        <select id="f-category" @change=${set('category')}>
          ${option('', 'Any category', this.draft.category)}
          ${CATEGORIES.map((category) => option(category, capitalise(CATEGORY_LABELS[en][category]), this.draft.category))}
        </select>
      </div>
      <div class="field">
        <label for="f-severity">Severity</label>
        <select id="f-severity" @change=${set('severity')}>
          ${option('', 'Any severity', this.draft.severity)}
          ${[...SEVERITIES].reverse().map((severity) => option(severity, capitalise(SEVERITY_LABELS[en][severity]), this.draft.severity))}
        </select>
      </div>
      <div class="field">
        <label for="f-from">Reported from</label>
        <input id="f-from" type="date" .value=${this.draft.from} @change=${set('from')} />
      </div>
      <div class="field">
        <label for="f-to">Reported to</label>
        <input id="f-to" type="date" .value=${this.draft.to} @change=${set('to')} />
      </div>
      <div class="filter-actions">
        <button class="button button-secondary" type="submit">Apply filters</button>
        <a href="#/queue">Clear</a>
      </div>
      </form>
    </details>`;
  }

  private applyFilters(event: Event): void {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const name of FILTERS) {
      const value = this.draft[name];
      if (value && !(name === 'state' && value === this.defaultState)) search.set(name, value);
    }
    const text = search.toString();
    navigate(`/queue${text ? `?${text}` : ''}`);
  }

  private renderRows(rows: QueueRow[]): TemplateResult {
    if (rows.length === 0)
      return html`<p class="card">Nothing here. ${this.filters.state === 'open' ? 'No open incidents match.' : 'No incidents match these filters.'}</p>`;
    return html`<ol class="incidents" aria-label="Incidents">
      ${rows.map((row) => this.renderRow(row))}
    </ol>`;
  }

  private renderRow(row: QueueRow): TemplateResult {
    const { summary, nearest } = row;
    const categories = summary.categories.map((category) => CATEGORY_LABELS[en][category]).join(', ');
    return html`<li class=${summary.severity} data-reference=${summary.reference}>
      <div class="line">
        <span class="tag sev-${summary.severity}">${capitalise(SEVERITY_LABELS[en][summary.severity])}</span>
        <a class="reference" href="#/incidents/${summary.id}">${summary.reference}</a>
        <span>${capitalise(STATE_LABELS['en-GB'][summary.state])}</span>
        ${nearest?.left.overdue ? html`<span class="tag overdue-tag">Overdue</span>` : nothing}
      </div>
      <p>${categories ? capitalise(categories) : 'No category found'} · on ${PLATFORM_LABELS[en][summary.platform]}</p>
      <p class="muted">Reported ${formatDateTime(summary.createdAt)}</p>
      ${
        nearest
          ? html`<p class=${nearest.left.overdue ? 'overdue' : ''} data-deadline>
            ${capitalise(DEADLINE_LABELS[en][nearest.kind as DeadlineKind])}: ${nearest.left.text}
            <span class="muted">(due ${formatDateTime(nearest.due)})</span>
          </p>`
          : nothing
      }
    </li>`;
  }
}
