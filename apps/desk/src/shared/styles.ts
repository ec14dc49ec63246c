// The desk's look: the widgets' NHS.UK-like defaults (packages/widgets/src/shared/styles.ts), each
// overridable through the same `--policy-*` custom properties, plus what a working screen needs:
// form fields, tables, tags, error summaries.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: 400 var(--policy-font-size, 1rem) / var(--policy-line-height, 1.5)
      var(--policy-font-family, 'Frutiger W01-55Roman', Frutiger, Arial, sans-serif);
    color: var(--policy-color-text, #212b32);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd,
  fieldset,
  figure {
    margin: 0;
    padding: 0;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.3;
  }
  h1 {
    font-size: 1.75rem;
    margin-bottom: 1rem;
  }
  h2 {
    font-size: 1.375rem;
    margin-bottom: 0.75rem;
  }
  h3 {
    font-size: 1.125rem;
    margin-bottom: 0.5rem;
  }
  ul,
  ol {
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
  button,
  input,
  select,
  textarea {
    font: inherit;
    margin: 0;
  }
  button {
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
    text-decoration: none;
    box-shadow: 0 4px 0 var(--policy-color-button-shadow, #00401e);
    margin-bottom: 4px;
  }
  a.button:visited {
    color: var(--policy-color-button-text, #fff);
  }
  .button-secondary {
    background: var(--policy-color-surface, #fff);
    color: var(--policy-color-primary, #005eb8);
    border-color: currentColor;
    box-shadow: 0 4px 0 currentColor;
  }
  .button-warning {
    background: var(--policy-color-danger, #d5281b);
    box-shadow: 0 4px 0 #6b140e;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    background: #d8dde0;
    color: #4c6272;
    box-shadow: none;
    border-color: #aeb7bd;
    cursor: not-allowed;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
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
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 4px solid var(--policy-color-focus, #ffeb3b);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--policy-color-focus-text, #212b32);
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

  /* Surfaces */
  .card {
    background: var(--policy-color-surface, #fff);
    border: 1px solid var(--policy-color-border, #d8dde0);
    border-radius: var(--policy-radius, 4px);
    padding: 1rem 1.25rem 1.25rem;
    margin-bottom: 1.25rem;
    min-width: 0;
  }
  .stack > * + * {
    margin-top: 1rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  code,
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  /* Addresses in buttons and headings ("Send a test to https://…") have no spaces to break at. */
  .button,
  h1,
  h2,
  h3 {
    overflow-wrap: anywhere;
  }

  /* Form fields, as NHS.UK's */
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field + .field,
  .field + fieldset,
  fieldset + .field {
    margin-top: 1rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--policy-color-secondary-text, #4c6272);
    font-weight: 400;
  }
  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='url'],
  input[type='date'],
  input[type='search'],
  input:not([type]),
  select,
  textarea {
    min-height: 2.5rem;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--policy-color-input-border, #4c6272);
    border-radius: 0;
    background: #fff;
    color: inherit;
  }
  textarea {
    width: 100%;
    min-height: 6rem;
  }
  input.code-input {
    font-size: 1.5rem;
    letter-spacing: 0.3em;
    width: 10ch;
  }
  fieldset {
    border: 0;
    min-width: 0;
  }
  .checkbox {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
  }
  .checkbox input {
    width: 1.5rem;
    height: 1.5rem;
    margin-top: 0.05rem;
    flex: none;
  }
  .error-message {
    color: var(--policy-color-danger, #d5281b);
    font-weight: 600;
  }
  .error-summary {
    border: 4px solid var(--policy-color-danger, #d5281b);
    padding: 0.75rem 1rem;
    margin-bottom: 1rem;
    background: #fff;
  }
  .error-summary h2,
  .error-summary h3 {
    font-size: 1.125rem;
    margin-bottom: 0.25rem;
  }
  .success {
    border-left: 8px solid var(--policy-color-button, #007f3b);
    padding: 0.5rem 1rem;
    background: #fff;
    margin-bottom: 1rem;
  }
  .inset {
    border-left: 8px solid var(--policy-color-primary, #005eb8);
    padding: 0.5rem 1rem;
    background: #fff;
  }

  /* Tags (NHS.UK tag colours: dark text on a pale ground, AA contrast) */
  .tag {
    display: inline-block;
    padding: 0 0.4rem;
    border: 1px solid currentColor;
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }
  .sev-critical,
  .tag-red {
    color: #6b140e;
    background: #f6d7d2;
  }
  .sev-high,
  .tag-orange {
    color: #6e3619;
    background: #fcd6c3;
  }
  .sev-medium,
  .tag-yellow {
    color: #4d4510;
    background: #fff59d;
  }
  .sev-low,
  .tag-grey {
    color: #212b32;
    background: #dbe0e3;
  }
  .tag-green {
    color: #005a30;
    background: #cce2d8;
  }
  .tag-blue {
    color: #003087;
    background: #d0e2f1;
  }

  /* Tables */
  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 0.75rem 0.5rem 0;
    border-bottom: 1px solid var(--policy-color-border, #d8dde0);
  }
  th {
    font-weight: 600;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.5rem;
  }
`;
