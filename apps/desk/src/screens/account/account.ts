import { DeskAccount } from './account.component.js';

if (!customElements.get('desk-account')) customElements.define('desk-account', DeskAccount);

declare global {
  interface HTMLElementTagNameMap {
    'desk-account': DeskAccount;
  }
}
