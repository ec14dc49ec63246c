import { html, nothing, type TemplateResult } from 'lit';

/** The result line under a settings form: what was saved, or the problem. */
export function feedback(status: string, error: string | undefined): TemplateResult {
  return html`${error ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${error}</p></div>` : nothing}
    <p role="status" class=${status ? 'success' : ''}>${status}</p>`;
}
