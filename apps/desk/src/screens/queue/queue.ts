import { DeskQueue } from './queue.component.js';

if (!customElements.get('desk-queue')) customElements.define('desk-queue', DeskQueue);

declare global {
  interface HTMLElementTagNameMap {
    'desk-queue': DeskQueue;
  }
}
