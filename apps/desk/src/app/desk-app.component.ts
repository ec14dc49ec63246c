import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Session } from '../api/types.js';
import { SCREEN_READY, SIGNED_IN, SIGNED_OUT_EVERYWHERE, type SignedInDetail } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { RouterController } from './router.controller.js';
import { navigate, PUBLIC_ROUTES, type Route, type RouteName } from './routes.js';
import { loadScreen } from './screens.js';
import { SessionController } from './session.controller.js';

const ROLE_NAMES = { staff: 'Staff', manager: 'Manager', partner: 'Partner' } as const;

/** Screens a role may open; staff see and add to their own reports, nothing else. */
const ROLE_SCREENS: Record<Session['user']['role'], ReadonlySet<RouteName>> = {
  staff: new Set(['queue', 'incident', 'new-report', 'account']),
  manager: new Set(['queue', 'incident', 'report', 'settings', 'new-report', 'account']),
  partner: new Set(['queue', 'incident', 'report', 'settings', 'new-report', 'account']),
};

/**
 * The practice desk's shell: session, hash routing, header with the practice (and a plain "demo"
 * marker on the demo practice), navigation by role, and the current screen, loaded on demand.
 * After each screen change the screen's heading takes focus, so screen readers hear where they are.
 */
export class DeskApp extends LitElement {
  static override properties = { screenLoaded: { state: true } };

  static override styles = [
    baseStyles,
    css`
      :host {
        min-height: 100vh;
        background: var(--policy-color-page, #f0f4f5);
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -4rem;
        padding: 0.5rem 1rem;
        background: var(--policy-color-focus, #ffeb3b);
        color: #212b32;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        background: var(--policy-color-primary, #005eb8);
        color: #fff;
      }
      .bar {
        max-width: 1100px;
        margin: 0 auto;
        padding: 0.75rem 1rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        justify-content: space-between;
      }
      .brand {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
      }
      .brand strong {
        font-size: 1.25rem;
      }
      .demo {
        display: inline-block;
        padding: 0 0.5rem;
        background: var(--policy-color-warning, #ffb81c);
        color: #212b32;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      header .link-button,
      header a {
        color: #fff;
      }
      nav {
        background: #003087;
      }
      nav ul {
        max-width: 1100px;
        margin: 0 auto;
        padding: 0 1rem;
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      nav li + li {
        margin-top: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.6rem 0;
        color: #fff;
        font-weight: 600;
      }
      nav a:visited {
        color: #fff;
      }
      nav a[aria-current='page'] {
        text-decoration-thickness: 4px;
      }
      main {
        display: block;
        max-width: 1100px;
        margin: 0 auto;
        padding: 1.5rem 1rem 3rem;
      }
      main:focus {
        outline: none;
      }
      .notice {
        max-width: 40rem;
      }
    `,
  ];

  declare protected screenLoaded: RouteName | undefined;
  private readonly router = new RouterController(this);
  private readonly session = new SessionController(this);
  /** Where to go after signing in (the link someone followed before their session ended). */
  private returnTo = '';
  private focusPending = true;

  constructor() {
    super();
    this.screenLoaded = undefined;
    this.addEventListener(SIGNED_IN, (event) => {
      this.session.signedIn((event as CustomEvent<SignedInDetail>).detail);
      const target = this.returnTo || '/queue';
      this.returnTo = '';
      navigate((event as CustomEvent<SignedInDetail>).detail.twoFactor === 'enrol' ? '/enrol' : target);
    });
    this.addEventListener(SIGNED_OUT_EVERYWHERE, () => {
      this.session.signedOutEverywhere();
      navigate('/sign-in');
    });
    this.addEventListener(SCREEN_READY, (event) => {
      const title = (event as CustomEvent<{ title: string }>).detail.title;
      const practice = this.session.session?.user.practice.name;
      document.title = `${title} — ${practice ? `${practice} — ` : ''}Practice desk`;
      if (this.focusPending) {
        this.focusPending = false;
        const screen = event.composedPath()[0] as HTMLElement;
        const heading = screen.shadowRoot?.querySelector<HTMLElement>('h1');
        heading?.setAttribute('tabindex', '-1');
        heading?.focus({ preventScroll: false });
      }
    });
  }

  /** The route to show: public screens always; others need a session and a role that may see them. */
  private effectiveRoute(): Route | { name: 'loading' | 'unreachable' | 'forbidden' } {
    const route = this.router.route;
    if (PUBLIC_ROUTES.has(route.name)) return route;
    const state = this.session.state;
    if (state.status === 'loading') return { name: 'loading' };
    if (state.status === 'unreachable') return { name: 'unreachable' };
    if (state.status === 'signed-out') return { ...route, name: 'sign-in' };
    if (state.session.twoFactor === 'enrol') return { ...route, name: 'enrol' };
    if (route.name === 'enrol' || route.name === 'not-found')
      return route.name === 'enrol' ? { ...route, name: 'queue' } : route;
    if (!ROLE_SCREENS[state.session.user.role].has(route.name)) return { name: 'forbidden' };
    return route;
  }

  protected override willUpdate(): void {
    const route = this.router.route;
    const state = this.session.state;
    // Remember where a signed-out visitor was going, to take them there after signing in.
    if (state.status === 'signed-out' && !PUBLIC_ROUTES.has(route.name) && route.name !== 'enrol')
      this.returnTo = location.hash.replace(/^#/, '');
  }

  private lastKey = '';
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const route = this.effectiveRoute();
    const key = `${route.name}:${location.hash}:${this.session.state.status}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.focusPending = true;
    }
    if ('params' in route && this.screenLoaded !== route.name) {
      const name = route.name;
      loadScreen(name).then(
        () => {
          this.screenLoaded = name;
        },
        () => {
          this.screenLoaded = undefined;
        },
      );
    }
  }

  override render(): TemplateResult {
    const route = this.effectiveRoute();
    const session = this.session.session;
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>Skip to main content</a>
      <header>
        <div class="bar">
          <div class="brand">
            <strong>Practice desk</strong>
            ${session ? html`<span>${session.user.practice.name} (${session.user.practice.ods})</span>` : nothing}
            ${
              session?.user.practice.demo
                ? html`<span class="demo" data-demo>Demo<span class="visually-hidden"> practice: fictional data</span></span>`
                : nothing
            }
          </div>
          ${
            session
              ? html`<div class="who">
                <a href="#/account"><span class="visually-hidden">Your account: </span>${session.user.name} · ${ROLE_NAMES[session.user.role]}</a>
                <button type="button" class="link-button" @click=${this.signOut}>Sign out</button>
              </div>`
              : nothing
          }
        </div>
        ${session && session.twoFactor === 'ok' ? this.renderNav(session, route.name) : nothing}
      </header>
      <main id="main" tabindex="-1">${this.renderScreen(route, session)}</main>
    `;
  }

  private renderNav(session: Session, current: string): TemplateResult {
    const role = session.user.role;
    const link = (path: string, name: RouteName, label: string) =>
      ROLE_SCREENS[role].has(name)
        ? html`<li><a href="#${path}" aria-current=${current === name ? 'page' : nothing}>${label}</a></li>`
        : nothing;
    return html`<nav aria-label="Desk">
      <ul>
        ${link('/queue', 'queue', role === 'staff' ? 'Your reports' : 'Queue')}
        ${link('/new-report', 'new-report', 'Report a post')}
        ${link('/report', 'report', 'Monitoring report')}
        ${link('/settings', 'settings', 'Settings')}
      </ul>
    </nav>`;
  }

  private renderScreen(
    route: Route | { name: 'loading' | 'unreachable' | 'forbidden' },
    session: Session | undefined,
  ): TemplateResult {
    switch (route.name) {
      case 'loading':
        return html`<p role="status">Loading…</p>`;
      case 'unreachable':
        return html`<div class="notice error-summary" role="alert">
          <h1>The desk cannot reach the server</h1>
          <p>Check your connection, then <button type="button" class="link-button" @click=${() => this.session.refresh()}>try again</button>.</p>
        </div>`;
      case 'forbidden':
        return html`<div class="notice">
          <h1 tabindex="-1">Not available to your role</h1>
          <p>This screen is for practice managers and partners. <a href="#/queue">Go to your reports</a>.</p>
        </div>`;
      case 'not-found':
        return html`<div class="notice">
          <h1 tabindex="-1">Page not found</h1>
          <p><a href="#/queue">Go to the queue</a>.</p>
        </div>`;
    }
    if (this.screenLoaded !== route.name) return html`<p role="status">Loading…</p>`;
    const ended = this.session.state.status === 'signed-out' ? this.session.state.reason : undefined;
    switch (route.name) {
      case 'sign-in':
        return html`<desk-sign-in .ended=${ended === 'expired' || ended === 'everywhere' ? ended : undefined}></desk-sign-in>`;
      case 'forgot':
        return html`<desk-forgot></desk-forgot>`;
      case 'invite':
        return html`<desk-invite .token=${route.params.token ?? ''}></desk-invite>`;
      case 'reset':
        return html`<desk-reset .token=${route.params.token ?? ''}></desk-reset>`;
      case 'enrol':
        return html`<desk-enrol .session=${session}></desk-enrol>`;
      case 'queue':
        return html`<desk-queue .session=${session} .query=${route.query}></desk-queue>`;
      case 'incident':
        return html`<desk-incident .session=${session} .incidentId=${route.params.id ?? ''}></desk-incident>`;
      case 'report':
        return html`<desk-report .session=${session}></desk-report>`;
      case 'settings':
        return html`<desk-settings .session=${session} .section=${route.params.section ?? 'practice'}></desk-settings>`;
      case 'new-report':
        return html`<desk-new-report .session=${session}></desk-new-report>`;
      case 'account':
        return html`<desk-account .session=${session}></desk-account>`;
    }
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private async signOut(): Promise<void> {
    await this.session.signOut().catch(() => undefined);
    navigate('/sign-in');
  }
}
