import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../../api/client.js';
import type { PracticeUser, Role } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { baseStyles } from '../../shared/styles.js';
import { feedback } from './feedback.js';
import { SettingsSection } from './settings-section.js';
import { sectionStyles } from './settings-styles.js';

const ROLES: { value: Role; label: string }[] = [
  { value: 'staff', label: 'Staff: reports posts, sees their own reports' },
  { value: 'manager', label: 'Manager: works incidents, settings and people' },
  { value: 'partner', label: 'Partner: as a manager, plus partner-only decisions' },
];
const ROLE_SHORT: Record<Role, string> = { staff: 'Staff', manager: 'Manager', partner: 'Partner' };

/** People who use the desk: invite by a one-time link, change role, disable, reset a password. */
export class PeopleSection extends SettingsSection {
  static override properties = {
    ...SettingsSection.properties,
    users: { state: true },
    invite: { state: true },
    link: { state: true },
  };
  static override styles = [baseStyles, sectionStyles];

  declare users: PracticeUser[] | undefined;
  declare invite: { email: string; name: string; role: Role };
  /** A one-time link just made (invitation or reset), shown once to pass on. */
  declare link: { label: string; url: string } | undefined;

  constructor() {
    super();
    this.users = undefined;
    this.invite = { email: '', name: '', role: 'staff' };
    this.link = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      this.users = (await api<{ items: PracticeUser[] }>(`/practices/${this.ods}/users`)).items;
    }, '');
  }

  override render(): TemplateResult {
    const me = this.session?.user.id;
    return html`<form class="card" novalidate @submit=${this.sendInvite} aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <p>They get a one-time link to set a password. Managers and partners then set up two-factor sign-in.</p>
        <div class="two">
          <div class="field">
            <label for="invite-name">Name</label>
            <input id="invite-name" type="text" autocomplete="off" .value=${live(this.invite.name)} @input=${(
              event: Event,
            ) => {
              this.invite = { ...this.invite, name: (event.target as HTMLInputElement).value };
            }} />
          </div>
          <div class="field">
            <label for="invite-email">Email address</label>
            <input id="invite-email" type="email" autocomplete="off" .value=${live(this.invite.email)} @input=${(
              event: Event,
            ) => {
              this.invite = { ...this.invite, email: (event.target as HTMLInputElement).value };
            }} />
          </div>
        </div>
        <div class="field">
          <label for="invite-role">Role</label>
          <select id="invite-role" @change=${(event: Event) => {
            this.invite = { ...this.invite, role: (event.target as HTMLSelectElement).value as Role };
          }}>
            ${ROLES.map((role) => html`<option value=${role.value} ?selected=${role.value === this.invite.role}>${role.label}</option>`)}
          </select>
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Create the invitation</button>
      </form>
      ${
        this.link
          ? html`<div class="secret-once" data-one-time-link>
            <h2>${this.link.label}</h2>
            <p>Send this link to them yourself (it works once). It is not shown again.</p>
            <p><code data-link>${this.link.url}</code></p>
            <button class="button button-secondary" type="button" @click=${this.copyLink}>Copy the link</button>
          </div>`
          : nothing
      }
      ${feedback(this.status, this.error)}
      <section class="card" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        ${
          this.users
            ? html`<ul class="plain">
              ${this.users.map((user) => this.renderUser(user, user.id === me))}
            </ul>`
            : html`<p role="status">Loading…</p>`
        }
      </section>`;
  }

  private renderUser(user: PracticeUser, isMe: boolean): TemplateResult {
    const roleId = `role-${user.id}`;
    return html`<li data-user=${user.email}>
      <p><strong>${user.name}</strong> · ${user.email} · ${ROLE_SHORT[user.role]}${user.disabled ? html` · <span class="tag tag-grey">Disabled</span>` : nothing}${user.status === 'invited' ? html` · <span class="tag tag-blue">Invited</span>` : nothing}</p>
      ${user.lastSignInAt ? html`<p class="muted">Last signed in ${formatDateTime(user.lastSignInAt)}</p>` : nothing}
      ${
        isMe
          ? html`<p class="muted">This is you.</p>`
          : html`<div class="row">
            <div class="field">
              <label for=${roleId}>Role of ${user.name}</label>
              <select id=${roleId}>
                ${ROLES.map((role) => html`<option value=${role.value} ?selected=${role.value === user.role}>${ROLE_SHORT[role.value]}</option>`)}
              </select>
            </div>
            <button class="button button-secondary" type="button" @click=${() => this.changeRole(user, this.chosenRole(roleId, user))}>Change role of ${user.name}</button>
            <button class="button button-secondary" type="button" @click=${() => this.setDisabled(user, !user.disabled)}>${user.disabled ? 'Enable' : 'Disable'} ${user.name}</button>
            <button class="button button-secondary" type="button" @click=${() => this.resetPassword(user)}>Reset password for ${user.name}</button>
          </div>`
      }
    </li>`;
  }

  private async sendInvite(event: Event): Promise<void> {
    event.preventDefault();
    const { email, name, role } = this.invite;
    if (!name.trim() || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      this.error = 'Enter their name and email address.';
      return;
    }
    await this.run(async () => {
      const created = await api<PracticeUser>(`/practices/${this.ods}/users`, {
        method: 'POST',
        body: { email: email.trim(), name: name.trim(), role },
      });
      this.link = { label: `Invitation for ${created.name}`, url: absolute(created.inviteUrl ?? '') };
      this.invite = { email: '', name: '', role: 'staff' };
      this.users = (await api<{ items: PracticeUser[] }>(`/practices/${this.ods}/users`)).items;
    }, `Invitation created for ${name.trim()}.`);
  }

  /** The role picked in the select (applied only with its button: arrow keys must not change roles). */
  private chosenRole(id: string, user: PracticeUser): Role {
    return (
      (this.renderRoot.querySelector<HTMLSelectElement>(`#${CSS.escape(id)}`)?.value as Role | undefined) ??
      user.role
    );
  }

  private changeRole(user: PracticeUser, role: Role): Promise<boolean> {
    return this.patch(user, { role }, `${user.name} is now ${ROLE_SHORT[role].toLowerCase()}.`);
  }

  private async setDisabled(user: PracticeUser, disabled: boolean): Promise<boolean> {
    if (
      disabled &&
      !confirm(`Disable ${user.name}? They are signed out everywhere and cannot sign in until enabled again.`)
    )
      return false;
    return this.patch(
      user,
      { disabled },
      `${user.name} is ${disabled ? 'disabled and signed out everywhere' : 'enabled again'}.`,
    );
  }

  private patch(user: PracticeUser, body: Record<string, unknown>, done: string): Promise<boolean> {
    return this.run(async () => {
      const updated = await api<PracticeUser>(`/practices/${this.ods}/users/${user.id}`, {
        method: 'PATCH',
        body,
      });
      this.users = this.users?.map((item) => (item.id === user.id ? { ...item, ...updated } : item));
    }, done);
  }

  private resetPassword(user: PracticeUser): Promise<boolean> {
    return this.run(async () => {
      const made = await api<{ resetUrl: string }>(`/practices/${this.ods}/users/${user.id}/password-reset`, {
        method: 'POST',
      });
      this.link = { label: `Password reset link for ${user.name}`, url: absolute(made.resetUrl) };
    }, `A reset link for ${user.name} is ready.`);
  }

  private async copyLink(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link.url);
      this.status = 'Link copied.';
    } catch {
      this.status = 'Select the link and copy it with Ctrl+C.';
    }
  }
}

const absolute = (path: string) => new URL(path, location.origin).href;
