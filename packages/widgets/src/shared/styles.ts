// The look every widget shares: NHS.UK-like defaults, each overridable through a `--policy-*`
// custom property. Inherited text properties are reset on the root part so hostile host CSS
// (odd fonts, huge line-height, letter-spacing, uppercase) does not leak in through inheritance.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .root {
    font: 400 var(--policy-font-size, 1rem) / var(--policy-line-height, 1.5)
      var(--policy-font-family, 'Frutiger W01-55Roman', Frutiger, Arial, sans-serif);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: left;
    text-indent: 0;
    white-space: normal;
    color: var(--policy-color-text, #212b32);
  }
  h2,
  h3,
  h4,
  p,
  ul,
  fieldset {
    margin: 0;
    padding: 0;
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.125rem;
  }
  ul {
    padding-left: 1.25rem;
  }
  li + li,
  p + p,
  p + ul,
  ul + p {
    margin-top: 0.5rem;
  }
  a,
  .link-button {
    color: var(--policy-color-link, #005eb8);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--policy-color-link-visited, #330072);
  }
  a:hover,
  .link-button:hover {
    text-decoration-thickness: 3px;
  }
  button {
    font: inherit;
    margin: 0;
    cursor: pointer;
  }
  .button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid transparent;
    border-radius: var(--policy-radius, 4px);
    background: var(--policy-color-button, #007f3b);
    color: var(--policy-color-button-text, #fff);
    font-weight: 600;
    box-shadow: 0 4px 0 var(--policy-color-button-shadow, #00401e);
    margin-bottom: 4px;
  }
  .button-secondary {
    background: var(--policy-color-surface, #fff);
    color: var(--policy-color-primary, #005eb8);
    border-color: currentColor;
    box-shadow: 0 4px 0 currentColor;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 4px solid transparent;
    background: var(--policy-color-focus, #ffeb3b);
    color: var(--policy-color-focus-text, #212b32);
    box-shadow:
      0 -2px var(--policy-color-focus, #ffeb3b),
      0 4px var(--policy-color-focus-text, #212b32);
    text-decoration: none;
  }
  .button:focus-visible {
    border-color: transparent;
    box-shadow: 0 4px 0 var(--policy-color-focus-text, #212b32);
  }
  /* Email addresses and web addresses have no spaces to wrap at: at 320-390 px a practice's address
     is wider than the card, so it may break anywhere rather than push the host page sideways. */
  .breakable {
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--policy-color-secondary-text, #4c6272);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
`;
