import { PolicyComplaintRedirect } from './complaint-redirect.component.js';

export * from './complaint-redirect.component.js';

if (!customElements.get('policy-complaint-redirect')) {
  customElements.define('policy-complaint-redirect', PolicyComplaintRedirect);
}

declare global {
  interface HTMLElementTagNameMap {
    'policy-complaint-redirect': PolicyComplaintRedirect;
  }
}
