// Registers <policy-report-form>. Guarded so a page that loads the bundle twice (or a host that
// already defined the tag) does not throw.
import { PolicyReportForm } from './report-form.component.js';

export type {
  PolicyReportInvalidDetail,
  PolicyReportPendingDetail,
  PolicyReportRestoredDetail,
  PolicyReportSubmittedDetail,
} from './report-form.component.js';
export { PolicyReportForm };

if (!customElements.get('policy-report-form')) customElements.define('policy-report-form', PolicyReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'policy-report-form': PolicyReportForm;
  }
}
