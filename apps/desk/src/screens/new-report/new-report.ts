import { DeskNewReport } from './new-report.component.js';

if (!customElements.get('desk-new-report')) customElements.define('desk-new-report', DeskNewReport);

declare global {
  interface HTMLElementTagNameMap {
    'desk-new-report': DeskNewReport;
  }
}
