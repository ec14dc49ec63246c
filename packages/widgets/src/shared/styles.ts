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
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    font-family: var(--policy-font-family, 'Frutiger W01-55Roman', Frutiger, Arial, sans-serif);
    font-size: var(--policy-font-size, 1rem);
    font-weight: 400;
    font-style: normal;
    line-height: var(--policy-line-height, 1.5);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: left;
    text-indent: 0;
    white-space: normal;
    color: var(--policy-color-text, #212b32);
    -webkit-font-smoothing: antialiased;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd,
  fieldset {
    margin: 0;
    padding: 0;
  }
  h2,
  h3,
  h4 {
    font-weight: 700;
    line-height: 1.3;
    color: inherit;
  }
  h2 {
    font-size: var(--policy-heading-size, 1.375rem);
  }
  h3 {
    font-size: 1.125rem;
  }
  p + p,
  p + ul,
  ul + p,
  ol + p {
    margin-top: 0.5rem;
  }
  ul,
  ol {
    padding-left: 1.25rem;
  }
  li + li {
    margin-top: 0.25rem;
  }
  a {
    color: var(--policy-color-link, #005eb8);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--policy-color-link-visited, #330072);
  }
  a:hover {
    color: var(--policy-color-link-hover, #7c2855);
    text-decoration-thickness: 2px;
  }
  a:focus-visible {
    outline: 4px solid transparent;
    background-color: var(--policy-color-focus, #ffeb3b);
    color: var(--policy-color-focus-text, #212b32);
    box-shadow:
      0 -2px var(--policy-color-focus, #ffeb3b),
      0 4px var(--policy-color-focus-text, #212b32);
    text-decoration: none;
  }
  button {
    font: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
    cursor: pointer;
  }
  .button {
    display: inline-block;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid transparent;
    border-radius: var(--policy-radius, 4px);
    background: var(--policy-color-button, #007f3b);
    color: var(--policy-color-button-text, #fff);
    font-weight: 600;
    line-height: 1.5;
    box-shadow: 0 4px 0 var(--policy-color-button-shadow, #00401e);
    margin-bottom: 4px;
  }
  .button:hover {
    background: var(--policy-color-button-hover, #00662f);
  }
  .button-secondary {
    background: var(--policy-color-surface, #fff);
    color: var(--policy-color-primary, #005eb8);
    border-color: var(--policy-color-primary, #005eb8);
    box-shadow: 0 4px 0 var(--policy-color-primary, #005eb8);
  }
  .button-secondary:hover {
    background: var(--policy-color-surface-hover, #f0f4f5);
  }
  .link-button {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--policy-color-link, #005eb8);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    text-align: left;
  }
  button:focus-visible,
  input:focus-visible + label::before {
    outline: 4px solid transparent;
    background-color: var(--policy-color-focus, #ffeb3b);
    color: var(--policy-color-focus-text, #212b32);
    box-shadow: 0 4px 0 var(--policy-color-focus-text, #212b32);
  }
  .link-button:focus-visible {
    box-shadow:
      0 -2px var(--policy-color-focus, #ffeb3b),
      0 4px var(--policy-color-focus-text, #212b32);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .muted {
    color: var(--policy-color-secondary-text, #4c6272);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .reveal {
      animation: policy-reveal 160ms ease-out;
    }
  }
  @keyframes policy-reveal {
    from {
      opacity: 0;
    }
    to {
      opacity: 1;
    }
  }
  @media (forced-colors: active) {
    .button,
    .link-button {
      border: 2px solid ButtonText;
    }
    a:focus-visible,
    button:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
