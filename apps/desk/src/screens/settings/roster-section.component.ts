import type { StaffMember } from '@policy/core';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

interface Row {
  name: string;
  role: string;
  aliases: string;
}

/**
 * The staff roster the classifier uses for "identifies a member of staff": names, roles and the
 * other names people use. Sensitive: never shown publicly.
 */
export class RosterSection extends SettingsSection {
  static override properties = { ...SettingsSection.properties, rows: { state: true } };
  static override styles = [baseStyles, sectionStyles];

  declare rows: Row[];

  constructor() {
    super();
    this.rows = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('practice') && this.practice)
      this.rows = this.practice.settings.staff.map((member) => ({
        name: member.name,
        role: member.role ?? '',
        aliases: (member.aliases ?? []).join(', '),
      }));
  }

  override render(): TemplateResult {
    const input = (index: number, key: keyof Row, label: string, hint = '') => {
      const id = `staff-${index}-${key}`;
      return html`<div class="field">
        <label for=${id}>${label}</label>
        ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''}
        <input id=${id} type="text" aria-describedby=${hint ? `${id}-hint` : ''} .value=${live(this.rows[index]?.[key] ?? '')} @input=${(event: Event) => this.updateRow(index, key, (event.target as HTMLInputElement).value)} />
      </div>`;
    };
    return html`<form class="card" @submit=${this.save} aria-labelledby="roster-heading">
        <h2 id="roster-heading">Staff roster</h2>
        <p>The classifier flags posts that name these people. Kept private: never shown on the website.</p>
        <ul class="plain">
          ${this.rows.map(
            (row, index) => html`<li>
              <fieldset>
                <legend>${row.name || `New person ${index + 1}`}</legend>
                <div class="two">
                  ${input(index, 'name', 'Name')} ${input(index, 'role', 'Role')}
                  ${input(index, 'aliases', 'Other names', 'Separate with commas: “Dr P”, a first name, a nickname.')}
                </div>
                <button type="button" class="link-button" @click=${() => this.removeRow(index)}>Remove ${row.name || 'this person'}</button>
              </fieldset>
            </li>`,
          )}
        </ul>
        <div class="row">
          <button type="button" class="button button-secondary" @click=${this.add}>Add a person</button>
          <button class="button" type="submit" ?disabled=${this.busy}>Save the roster</button>
        </div>
      </form>
      ${feedback(this.status, this.error)}`;
  }

  private updateRow(index: number, key: keyof Row, value: string): void {
    this.rows = this.rows.map((row, at) => (at === index ? { ...row, [key]: value } : row));
  }

  private async add(): Promise<void> {
    this.rows = [...this.rows, { name: '', role: '', aliases: '' }];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#staff-${this.rows.length - 1}-name`)?.focus();
  }

  private removeRow(index: number): void {
    this.rows = this.rows.filter((_, at) => at !== index);
    this.status = 'Removed from the list. Save the roster to keep the change.';
  }

  private save(event: Event): void {
    event.preventDefault();
    const staff: StaffMember[] = this.rows
      .filter((row) => row.name.trim())
      .map((row) => {
        const aliases = row.aliases
          .split(',')
          .map((alias) => alias.trim())
          .filter(Boolean);
        return {
          name: row.name.trim(),
          ...(row.role.trim() ? { role: row.role.trim() } : {}),
          ...(aliases.length ? { aliases } : {}),
        };
      });
    void this.saveSettings(
      { staff },
      `The roster is saved: ${staff.length} ${staff.length === 1 ? 'person' : 'people'}.`,
    );
  }
}
