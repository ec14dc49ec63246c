import { PolicyConductBanner } from './conduct-banner.component.js';

export * from './conduct-banner.component.js';

if (!customElements.get('policy-conduct-banner'))
  customElements.define('policy-conduct-banner', PolicyConductBanner);

declare global {
  interface HTMLElementTagNameMap {
    'policy-conduct-banner': PolicyConductBanner;
  }
}
