import { css } from 'lit';

export const authStyles = css`
  .panel {
    max-width: 34rem;
    background: var(--policy-color-surface, #fff);
    border: 1px solid var(--policy-color-border, #d8dde0);
    padding: 1.25rem 1.5rem 1.5rem;
  }
  form > * + * {
    margin-top: 1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
    margin-top: 1.5rem;
  }
`;
