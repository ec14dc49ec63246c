import { css } from 'lit';

export const sectionStyles = css`
  form > * + *,
  .stack > * + * {
    margin-top: 1rem;
  }
  .clause {
    border-bottom: 1px solid #d8dde0;
    padding: 0.75rem 0;
  }
  .clause textarea {
    min-height: 4rem;
  }
  .two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 1rem;
  }
  .two .field + .field {
    margin-top: 0;
  }
  .two input,
  .field input[type='url'],
  .field input[type='email'],
  .field input[type='text'] {
    width: 100%;
  }
  ul.plain {
    list-style: none;
    padding: 0;
  }
  ul.plain > li {
    border-bottom: 1px solid #d8dde0;
    padding: 0.75rem 0;
  }
  ul.plain > li + li {
    margin-top: 0;
  }
  .secret-once {
    border: 4px solid #ffb81c;
    padding: 0.75rem 1rem;
    background: #fff;
  }
`;
