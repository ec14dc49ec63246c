import { AlertsSection } from './alerts-section.component.js';
import { KeysSection } from './keys-section.component.js';
import { PeopleSection } from './people-section.component.js';
import { PracticeSection } from './practice-section.component.js';
import { RosterSection } from './roster-section.component.js';
import { DeskSettings } from './settings.component.js';
import { WebhooksSection } from './webhooks-section.component.js';

const define = (tag: string, element: CustomElementConstructor) => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
define('desk-practice-section', PracticeSection);
define('desk-roster-section', RosterSection);
define('desk-people-section', PeopleSection);
define('desk-alerts-section', AlertsSection);
define('desk-webhooks-section', WebhooksSection);
define('desk-keys-section', KeysSection);
define('desk-settings', DeskSettings);

declare global {
  interface HTMLElementTagNameMap {
    'desk-settings': DeskSettings;
  }
}
