import { css } from 'lit';

// The report form's own look on top of the shared base: NHS.UK-style inputs (2px borders, yellow
// and black focus), GOV.UK error summary, a red emergency panel. Every colour is a `--policy-*`
// custom property with the NHS.UK value as its fallback.
export const reportFormStyles = css`
  .root {
    max-width: var(--policy-form-max-width, 44rem);
    background: var(--policy-color-surface, #fff);
  }
  form > * + *,
  .panel > * + * {
    margin-top: 1.5rem;
  }
  .intro {
    color: var(--policy-color-secondary-text, #4c6272);
  }
  fieldset {
    border: 0;
    min-width: 0;
  }
  .section {
    padding-top: 1.25rem;
    border-top: 1px solid var(--policy-color-border-subtle, #d8dde0);
  }
  .section > legend {
    float: left;
    width: 100%;
    padding: 0;
    margin-bottom: 0.75rem;
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
  }
  .section > legend + * {
    clear: both;
  }
  .group {
    margin-top: 1.5rem;
  }
  .section > legend + .group,
  .section > .group:first-child,
  .conditional > .group {
    margin-top: 0;
  }
  .group > legend.section-legend {
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
  }
  .group > legend,
  label.label {
    display: block;
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }
  .hint {
    display: block;
    margin-bottom: 0.5rem;
    color: var(--policy-color-secondary-text, #4c6272);
  }
  .pending .reason {
    font-weight: 600;
  }
  .character-count {
    display: block;
    margin-top: 0.25rem;
    color: var(--policy-color-secondary-text, #4c6272);
  }
  .character-count.over {
    color: var(--policy-color-error, #d5281b);
    font-weight: 600;
  }
  .group.has-error {
    padding-left: 1rem;
    border-left: 4px solid var(--policy-color-error, #d5281b);
  }
  .error-message {
    display: block;
    margin-bottom: 0.5rem;
    color: var(--policy-color-error, #d5281b);
    font-weight: 600;
  }
  input[type='text'],
  input[type='url'],
  input[type='datetime-local'],
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--policy-color-input-border, #4c6272);
    border-radius: 0;
    background: var(--policy-color-surface, #fff);
    color: var(--policy-color-text, #212b32);
    font: inherit;
    line-height: 1.5;
  }
  input[type='datetime-local'] {
    max-width: 16rem;
  }
  select {
    max-width: 24rem;
  }
  textarea {
    min-height: 9rem;
    resize: vertical;
  }
  .has-error input[type='text'],
  .has-error input[type='url'],
  .has-error input[type='datetime-local'],
  .has-error select,
  .has-error textarea {
    border-color: var(--policy-color-error, #d5281b);
  }
  input[type='text']:focus,
  input[type='url']:focus,
  input[type='datetime-local']:focus,
  select:focus,
  textarea:focus {
    outline: 4px solid var(--policy-color-focus, #ffeb3b);
    outline-offset: 0;
    border-color: var(--policy-color-focus-text, #212b32);
    box-shadow: inset 0 0 0 2px var(--policy-color-focus-text, #212b32);
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choices.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .choices.inline .choice label {
    white-space: nowrap;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
  }
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: var(--policy-color-primary, #005eb8);
  }
  .choice input:focus-visible {
    outline: 3px solid var(--policy-color-focus-text, #212b32);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--policy-color-focus, #ffeb3b);
  }
  .choice label {
    padding-top: 0.125rem;
  }
  .choice .hint {
    margin: 0;
  }
  .conditional {
    margin: 0.5rem 0 0 0.75rem;
    padding-left: 1.5rem;
    border-left: 4px solid var(--policy-color-border-subtle, #d8dde0);
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  /* GOV.UK error summary */
  .error-summary {
    padding: 1rem;
    border: 4px solid var(--policy-color-error, #d5281b);
  }
  .error-summary:focus {
    outline: 4px solid var(--policy-color-focus, #ffeb3b);
    outline-offset: 0;
  }
  .error-summary ul {
    margin-top: 0.75rem;
    padding: 0;
    list-style: none;
  }
  .error-summary a,
  .error-summary li {
    color: var(--policy-color-error, #d5281b);
    font-weight: 600;
  }

  /* "Is anyone at risk right now?": the emergency advice */
  .risk.on {
    margin-top: 1rem;
    border: 4px solid var(--policy-color-emergency, #d5281b);
    background: var(--policy-color-surface, #fff);
  }
  .risk h3 {
    padding: 0.75rem 1rem;
    background: var(--policy-color-emergency, #d5281b);
    color: var(--policy-color-emergency-text, #fff);
  }
  .risk ul {
    padding: 1rem 1rem 1rem 2.25rem;
  }
  .risk li:first-child {
    font-size: 1.125rem;
    font-weight: 700;
  }

  /* Live categories */
  .live {
    margin-top: 1rem;
    padding: 1rem;
    border-left: 6px solid var(--policy-color-primary, #005eb8);
    background: var(--policy-color-surface-alt, #f0f4f5);
  }
  .live h3 {
    margin-bottom: 0.5rem;
  }
  .findings {
    padding: 0;
    list-style: none;
  }
  .findings > li + li {
    margin-top: 0.75rem;
  }
  .finding-name {
    font-weight: 700;
  }
  .tag {
    display: inline-block;
    margin-left: 0.5rem;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    font-size: 0.875rem;
    font-weight: 600;
    vertical-align: 0.1em;
  }
  .tag-low {
    color: var(--policy-color-tag-low, #212b32);
    background: var(--policy-color-tag-low-bg, #fff);
  }
  .tag-medium {
    color: var(--policy-color-tag-medium, #594d00);
    background: var(--policy-color-tag-medium-bg, #fff9c4);
  }
  .tag-high {
    color: var(--policy-color-tag-high, #6b2a00);
    background: var(--policy-color-tag-high-bg, #ffdc8e);
  }
  .tag-critical {
    color: var(--policy-color-tag-critical, #fff);
    background: var(--policy-color-tag-critical-bg, #d5281b);
    border-color: var(--policy-color-tag-critical-bg, #d5281b);
  }
  .excerpt {
    margin-top: 0.25rem;
  }
  mark {
    padding: 0 0.125rem;
    background: var(--policy-color-mark, #fff59d);
    color: var(--policy-color-text, #212b32);
  }

  /* Screenshots */
  .dropzone {
    padding: 1rem;
    border: 2px dashed var(--policy-color-input-border, #4c6272);
    background: var(--policy-color-surface, #fff);
  }
  .dropzone.dragging {
    border-style: solid;
    border-color: var(--policy-color-primary, #005eb8);
    background: var(--policy-color-surface-alt, #f0f4f5);
  }
  .dropzone input[type='file'] {
    display: block;
    max-width: 100%;
    margin-top: 0.25rem;
    font: inherit;
  }
  .dropzone input[type='file']::file-selector-button {
    min-height: 2.75rem;
    margin-right: 0.75rem;
    padding: 0.375rem 0.75rem;
    border: 2px solid var(--policy-color-primary, #005eb8);
    border-radius: var(--policy-radius, 4px);
    background: var(--policy-color-surface, #fff);
    color: var(--policy-color-primary, #005eb8);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .dropzone input[type='file']:focus-visible {
    outline: 4px solid var(--policy-color-focus, #ffeb3b);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--policy-color-focus-text, #212b32);
  }
  .shots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: 0.75rem;
    margin-top: 0.75rem;
    padding: 0;
    list-style: none;
  }
  .shots > li {
    margin: 0;
    padding: 0.5rem;
    border: 1px solid var(--policy-color-border-subtle, #d8dde0);
    background: var(--policy-color-surface, #fff);
  }
  .shots canvas {
    display: block;
    width: 100%;
    height: 6rem;
    background: var(--policy-color-surface-alt, #f0f4f5);
  }
  .shot-name {
    display: block;
    margin-top: 0.25rem;
    overflow-wrap: anywhere;
    font-size: 0.875rem;
  }

  /* Pending and success panels */
  .panel {
    padding: 1.25rem;
    border: 4px solid var(--policy-color-primary, #005eb8);
  }
  .panel.pending {
    border-color: var(--policy-color-warning, #ffb81c);
    background: var(--policy-color-warning-bg, #fff8e5);
  }
  .confirmation {
    padding: 1.25rem;
    background: var(--policy-color-success, #007f3b);
    color: var(--policy-color-success-text, #fff);
    text-align: center;
  }
  .confirmation h2 {
    font-size: 1.75rem;
  }
  .reference {
    display: block;
    margin-top: 0.5rem;
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: 0.02em;
    overflow-wrap: anywhere;
  }
  .steps li + li {
    margin-top: 0.5rem;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-left: 6px solid var(--policy-color-primary, #005eb8);
    background: var(--policy-color-surface-alt, #f0f4f5);
  }
  .saved dt {
    margin-top: 0.75rem;
    font-weight: 600;
  }
  .saved dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
  }
  @media (forced-colors: active) {
    .risk h3,
    .confirmation {
      border: 2px solid CanvasText;
    }
    .choice input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
