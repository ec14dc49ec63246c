// Simple, accessible charts: each is a real table (caption, row headers, numbers as text) with an
// SVG bar beside each number. SVG attributes, not inline styles, so a strict CSP allows them.
import { html, type TemplateResult } from 'lit';

export interface BarRow {
  label: string;
  value: number;
  /** Shown instead of the number (e.g. "3 h 20 min"). */
  text?: string;
}

export function barTable(
  caption: string,
  rows: readonly BarRow[],
  valueHeading = 'Incidents',
): TemplateResult {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return html`<div class="table-wrap">
    <table class="bars">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">Item</span></th>
          <th scope="col" class="num">${valueHeading}</th>
          <th scope="col" class="bar-col"><span class="visually-hidden">Bar</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${row.label}</th>
            <td class="num">${row.text ?? row.value}</td>
            <td class="bar-col">
              <svg width="100%" height="18" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                <rect x="0" y="2" height="14" width="${(row.value / max) * 100}%" fill="#005eb8"></rect>
              </svg>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
