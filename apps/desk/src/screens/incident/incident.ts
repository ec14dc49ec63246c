import { DeskActions } from './actions.component.js';
import { DeskEvidence } from './evidence.component.js';
import { DeskIncident } from './incident.component.js';
import { DeskTemplates } from './templates.component.js';

const define = (tag: string, element: CustomElementConstructor) => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
define('desk-actions', DeskActions);
define('desk-evidence', DeskEvidence);
define('desk-templates', DeskTemplates);
define('desk-incident', DeskIncident);

declare global {
  interface HTMLElementTagNameMap {
    'desk-incident': DeskIncident;
    'desk-actions': DeskActions;
    'desk-evidence': DeskEvidence;
    'desk-templates': DeskTemplates;
  }
}
