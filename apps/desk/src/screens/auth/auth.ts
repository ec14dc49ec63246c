import { DeskEnrol } from './enrol.component.js';
import { DeskForgot } from './forgot.component.js';
import { DeskInvite } from './invite.component.js';
import { DeskReset } from './reset.component.js';
import { DeskSignIn } from './sign-in.component.js';

const define = (tag: string, element: CustomElementConstructor) => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
define('desk-sign-in', DeskSignIn);
define('desk-forgot', DeskForgot);
define('desk-invite', DeskInvite);
define('desk-reset', DeskReset);
define('desk-enrol', DeskEnrol);

declare global {
  interface HTMLElementTagNameMap {
    'desk-sign-in': DeskSignIn;
    'desk-forgot': DeskForgot;
    'desk-invite': DeskInvite;
    'desk-reset': DeskReset;
    'desk-enrol': DeskEnrol;
  }
}
