import { DeskApp } from './desk-app.component.js';

export * from './desk-app.component.js';

if (!customElements.get('desk-app')) customElements.define('desk-app', DeskApp);

declare global {
  interface HTMLElementTagNameMap {
    'desk-app': DeskApp;
  }
}
