import {
  type BusinessCalendar,
  CATEGORY_LABELS,
  DEADLINE_LABELS,
  LOCATION_LABELS,
  OUTCOME_LABELS,
  PLATFORM_LABELS,
  SEVERITY_LABELS,
  STATE_LABELS,
} from '@policy/core';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiProblem, messageOf } from '../../api/problem.js';
import type { Incident, Session, TimelineEntry } from '../../api/types.js';
import { screenReady } from '../../shared/events.js';
import { formatDateTime, timeLeft } from '../../shared/format.js';
import { incidentDetail, remember, timeline } from '../../shared/incidents.js';
import { calendarOf } from '../../shared/practice.js';
import { baseStyles } from '../../shared/styles.js';
import { INCIDENT_CHANGED, type IncidentChangedDetail } from './actions.component.js';
import { renderPost } from './post-text.js';
import { USE_REPLY, type UseReplyDetail } from './templates.component.js';
import { renderTimeline } from './timeline.js';

const en = 'en-GB' as const;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One incident, worked through the policy: the post with the words that made the classifier flag
 * it, the deadlines as business time left, what to do next and the actions the policy allows now,
 * the templates, the evidence and the timeline. Each part is its own small component or renderer.
 */
export class DeskIncident extends LitElement {
  static override properties = {
    session: { attribute: false },
    incidentId: { type: String },
    incident: { state: true },
    entries: { state: true },
    calendar: { state: true },
    error: { state: true },
    done: { state: true },
    replyDraft: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        margin-bottom: 1rem;
      }
      dl.facts {
        display: grid;
        grid-template-columns: minmax(7rem, max-content) 1fr;
        gap: 0.25rem 1rem;
      }
      dl.facts dt {
        font-weight: 600;
      }
      .post {
        margin: 0 0 1rem;
        padding: 1rem;
        background: #f0f4f5;
        border-left: 4px solid #4c6272;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 1.125rem;
      }
      mark {
        background: #fff59d;
        color: inherit;
        border-bottom: 3px solid #ed8b00;
        padding: 0 0.1em;
      }
      sup {
        font-weight: 700;
        color: #6e3619;
      }
      ol.matches,
      dl.facts {
        margin-bottom: 1rem;
      }
      ol + h3,
      ul + h3,
      p + h3 {
        margin-top: 1.25rem;
      }
      ol.matches li,
      ol.timeline li {
        overflow-wrap: anywhere;
      }
      ul.deadlines {
        list-style: none;
        padding: 0;
      }
      .overdue {
        color: #d5281b;
        font-weight: 700;
      }
      ol.timeline {
        list-style: none;
        padding: 0;
        border-left: 4px solid #d8dde0;
      }
      ol.timeline > li {
        padding: 0 0 0.75rem 1rem;
        position: relative;
      }
      ol.timeline > li::before {
        content: '';
        position: absolute;
        left: -0.6rem;
        top: 0.4rem;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        background: #005eb8;
      }
      ol.timeline p + p {
        margin-top: 0;
      }
      /* Source order is what matters first on a phone and to the keyboard: the post, the
         deadlines and actions, then the evidence and the timeline. Wide screens put the actions
         beside the post and the record under it. */
      @media (min-width: 60rem) {
        .columns {
          display: grid;
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
          grid-template-rows: auto 1fr;
          grid-template-areas: 'post side' 'record side';
          column-gap: 1.25rem;
          align-items: start;
        }
        .post-col {
          grid-area: post;
        }
        .side-col {
          grid-area: side;
        }
        .record-col {
          grid-area: record;
        }
      }
    `,
  ];

  declare session: Session | undefined;
  declare incidentId: string;
  declare incident: Incident | undefined;
  declare entries: TimelineEntry[] | undefined;
  declare calendar: BusinessCalendar | undefined;
  declare error: string | undefined;
  declare done: string;
  declare replyDraft: UseReplyDetail | undefined;

  constructor() {
    super();
    this.session = undefined;
    this.incidentId = '';
    this.incident = undefined;
    this.entries = undefined;
    this.calendar = undefined;
    this.error = undefined;
    this.done = '';
    this.replyDraft = undefined;
    this.addEventListener(INCIDENT_CHANGED, (event) => {
      const detail = (event as CustomEvent<IncidentChangedDetail>).detail;
      this.incident = detail.incident;
      remember(detail.incident);
      this.done = `${detail.done}: recorded.`;
      void this.loadTimeline();
    });
    this.addEventListener(USE_REPLY, (event) => {
      this.replyDraft = (event as CustomEvent<UseReplyDetail>).detail;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector('#actions-heading')?.scrollIntoView({ block: 'start' }),
      );
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('incidentId') || changed.has('session')) && this.session && this.incidentId)
      void this.load();
  }

  private get ods(): string {
    return this.session?.user.practice.ods ?? '';
  }

  private async load(): Promise<void> {
    this.error = undefined;
    this.done = '';
    this.entries = undefined;
    try {
      // One round trip's wait, not three: the detail, its timeline and the practice's hours together.
      const [incident, calendar, entries] = await Promise.all([
        incidentDetail(this.ods, this.incidentId),
        calendarOf(this.ods),
        timeline(this.ods, this.incidentId),
      ]);
      this.incident = incident;
      this.calendar = calendar;
      this.entries = entries;
    } catch (error) {
      this.error =
        error instanceof ApiProblem && error.status === 404
          ? 'There is no such incident, or it is not one you can see.'
          : messageOf(error);
    }
    await this.updateComplete;
    screenReady(this, this.incident ? `Incident ${this.incident.reference}` : 'Incident');
  }

  private async loadTimeline(): Promise<void> {
    try {
      this.entries = await timeline(this.ods, this.incidentId);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  override render(): TemplateResult {
    const incident = this.incident;
    if (!incident)
      return html`<h1>Incident</h1>
        ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p><p><a href="#/queue">Back to the queue</a></p></div>` : html`<p role="status">Loading…</p>`}`;
    const staff = this.session?.user.role === 'staff';
    const report = incident.report;
    return html`
      <p><a href="#/queue">← Back to ${staff ? 'your reports' : 'the queue'}</a></p>
      <h1>Incident ${incident.reference}</h1>
      <div class="meta">
        <span class="tag sev-${incident.severity}">${capitalise(SEVERITY_LABELS[en][incident.severity])}</span>
        <strong data-state=${incident.state}>${capitalise(STATE_LABELS['en-GB'][incident.state])}</strong>
        ${incident.outcome ? html`<span>Outcome: ${OUTCOME_LABELS[en][incident.outcome]}</span>` : nothing}
        ${report.atRisk ? html`<span class="tag tag-red">Someone may be at risk</span>` : nothing}
      </div>
      <div role="status" class=${this.done ? 'success' : ''} data-done>${this.done}</div>
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error}</p></div>` : nothing}
      <div class="columns">
        <div class="post-col">
          <section class="card" aria-labelledby="post-heading">
            <h2 id="post-heading">The post</h2>
            ${renderPost(report.text, incident.classification)}
            <dl class="facts">
              <dt>Where</dt>
              <dd>${PLATFORM_LABELS[en][report.platform]}, ${LOCATION_LABELS[en][report.location as 'other'] ?? report.location}${report.postUrl ? html` · <a href=${report.postUrl} rel="noopener noreferrer" target="_blank">open the post</a>` : nothing}</dd>
              <dt>Author</dt>
              <dd>${[report.author?.name, report.author?.handle].filter(Boolean).join(' ') || 'not known'}${report.author ? ` (${report.author.kind})` : ''}</dd>
              <dt>Categories</dt>
              <dd>${incident.categories.map((category) => CATEGORY_LABELS[en][category]).join(', ') || 'none'}${incident.categoriesConfirmed ? ' (confirmed at triage)' : ' (suggested by the classifier)'}</dd>
              <dt>Seen</dt>
              <dd>${formatDateTime(report.seenAt)}</dd>
              <dt>Reported by</dt>
              <dd>${report.reporter.name}${report.reporter.role ? `, ${report.reporter.role}` : ''}, ${formatDateTime(incident.createdAt)}</dd>
            </dl>
          </section>
        </div>
        <div class="side-col">
          ${this.renderDeadlines(incident)}
          <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">What to do</h2>
            ${
              incident.nextSteps.length && !staff
                ? html`<h3>The policy’s next steps</h3>
                  <ol>
                    ${incident.nextSteps.map((step) => html`<li>${step.text}</li>`)}
                  </ol>
                  <h3>Record what you did</h3>`
                : nothing
            }
            <desk-actions .incident=${incident} .session=${this.session} .replyDraft=${this.replyDraft}></desk-actions>
          </section>
          ${
            staff
              ? nothing
              : html`<section class="card" aria-labelledby="templates-heading">
                <h2 id="templates-heading">Templates</h2>
                <desk-templates .incident=${incident} .session=${this.session}></desk-templates>
              </section>`
          }
        </div>
        <div class="record-col">
          <section class="card" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">Evidence</h2>
            <desk-evidence .incident=${incident} .session=${this.session} ?canAdd=${incident.state !== 'closed'}></desk-evidence>
          </section>
          <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            ${renderTimeline(this.entries)}
          </section>
        </div>
      </div>
    `;
  }

  private renderDeadlines(incident: Incident): TemplateResult {
    const calendar = this.calendar;
    if (!calendar) return html``;
    const now = Date.now();
    const deadlines = [...incident.deadlines].sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
    return html`<section class="card" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines</h2>
      ${
        deadlines.length
          ? html`<ul class="deadlines">
            ${deadlines.map((deadline) => {
              const left = timeLeft(deadline.due, now, calendar);
              return html`<li data-deadline=${deadline.kind}>
                <strong>${capitalise(DEADLINE_LABELS[en][deadline.kind])}</strong>:
                <span class=${left.overdue ? 'overdue' : ''}>${left.text}</span>
                <span class="muted">(due ${formatDateTime(deadline.due)})</span>
              </li>`;
            })}
          </ul>`
          : html`<p>${incident.state === 'closed' ? `Closed ${incident.closedAt ? formatDateTime(incident.closedAt) : ''}.` : 'No deadline is running.'}</p>`
      }
    </section>`;
  }
}
