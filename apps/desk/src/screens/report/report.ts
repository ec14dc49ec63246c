import { DeskReport } from './report.component.js';

if (!customElements.get('desk-report')) customElements.define('desk-report', DeskReport);

declare global {
  interface HTMLElementTagNameMap {
    'desk-report': DeskReport;
  }
}
