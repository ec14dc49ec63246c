// The post with the classifier's evidence spans highlighted. Overlapping spans are merged into one
// highlight that lists every rule behind it; each highlight is numbered, and the list under the
// post says which category and rule matched it, so the reason is in words, not only in colour.
import { CATEGORY_LABELS, type Category } from '@policy/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Classification } from '../../api/types.js';

export interface Match {
  category: Category;
  ruleId: string;
  excerpt: string;
}

export interface Highlight {
  start: number;
  end: number;
  matches: Match[];
}

/** Merged, ordered highlights over `text` (spans outside the text are dropped). */
export function highlightsOf(text: string, classification: Classification): Highlight[] {
  const spans = classification.categories
    .flatMap((category) =>
      category.evidence.map((evidence) => ({
        start: Math.max(0, evidence.start),
        end: Math.min(text.length, evidence.end),
        match: { category: category.id, ruleId: evidence.ruleId, excerpt: evidence.excerpt },
      })),
    )
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      const known = last.matches.some(
        (match) => match.ruleId === span.match.ruleId && match.category === span.match.category,
      );
      if (!known) last.matches.push(span.match);
    } else merged.push({ start: span.start, end: span.end, matches: [span.match] });
  }
  return merged;
}

export function renderPost(text: string, classification: Classification): TemplateResult {
  const highlights = highlightsOf(text, classification);
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  highlights.forEach((highlight, index) => {
    parts.push(text.slice(at, highlight.start));
    parts.push(
      html`<mark data-rules=${highlight.matches.map((match) => match.ruleId).join(' ')}
          >${text.slice(highlight.start, highlight.end)}</mark
        ><sup aria-hidden="true">${index + 1}</sup><span class="visually-hidden"> (match ${index + 1})</span>`,
    );
    at = highlight.end;
  });
  parts.push(text.slice(at));
  const en = CATEGORY_LABELS['en-GB'];
  return html`<blockquote class="post" data-post>${parts}</blockquote>
    ${
      highlights.length
        ? html`<h3>Why the policy flagged it</h3>
          <ol class="matches">
            ${highlights.map(
              (highlight) => html`<li>
                “${text.slice(highlight.start, highlight.end)}”:
                ${highlight.matches.map(
                  (match, index) =>
                    html`${index ? '; ' : ''}${en[match.category]} <span class="muted">(rule <code>${match.ruleId}</code>)</span>`,
                )}
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">The classifier matched no words in this post.</p>`
    }
    ${nothing}`;
}
