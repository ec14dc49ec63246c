import { html, type TemplateResult } from 'lit';
import { type SummaryError, textField } from '../../shared/forms.js';

/** Minimum the desk asks for before sending; the server has the final word (and says why). */
export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordPair {
  password: string;
  confirm: string;
}

export function checkPasswords(pair: PasswordPair): SummaryError[] {
  const errors: SummaryError[] = [];
  if (pair.password.length < MIN_PASSWORD_LENGTH)
    errors.push({ field: 'new-password', message: `Use at least ${MIN_PASSWORD_LENGTH} characters` });
  else if (pair.password !== pair.confirm)
    errors.push({ field: 'confirm-password', message: 'The two passwords do not match' });
  return errors;
}

export function passwordFields(
  pair: PasswordPair,
  errors: readonly SummaryError[],
  onChange: (pair: PasswordPair) => void,
): TemplateResult {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return html`${textField({
    id: 'new-password',
    label: 'Create a password',
    hint: `At least ${MIN_PASSWORD_LENGTH} characters. Three or four unrelated words make a strong one. Do not reuse a password from another site.`,
    type: 'password',
    autocomplete: 'new-password',
    value: pair.password,
    error: errorOf('new-password'),
    onInput: (value) => onChange({ ...pair, password: value }),
  })}
  ${textField({
    id: 'confirm-password',
    label: 'Type the password again',
    type: 'password',
    autocomplete: 'new-password',
    value: pair.confirm,
    error: errorOf('confirm-password'),
    onInput: (value) => onChange({ ...pair, confirm: value }),
  })}`;
}

/** Server validation errors on `password` land on the password field. */
export function serverPasswordErrors(messages: SummaryError[]): SummaryError[] {
  return messages.map((error) => (error.field ? error : { ...error, field: 'new-password' }));
}
