// The base every widget extends: the shared attributes (`practice`, `api`, `config`, `lang`), the
// configuration loading state and the events that report it.
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  apiOrigin,
  type ConfigError,
  isPublicPracticeConfig,
  loadPublicConfig,
  type PublicPracticeConfig,
  parseConfigAttribute,
} from './config.js';
import { type Locale, resolveLocale } from './i18n.js';

export type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; config: PublicPracticeConfig }
  | { status: 'error'; error: ConfigError };

export interface PolicyConfigReadyDetail {
  ods: string;
  locale: Locale;
}

export interface PolicyConfigErrorDetail {
  error: ConfigError;
}

/** Dispatches a typed event that crosses the shadow boundary and bubbles to the host page. */
export function emit<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}

/**
 * @fires policy-config-ready - The practice configuration is loaded (or given inline) and rendered. detail: `{ ods, locale }`
 * @fires policy-config-error - The configuration could not be loaded or is not valid. detail: `{ error: { code, message } }`
 */
export class PolicyElement extends LitElement {
  static override properties: PropertyDeclarations = {
    practice: { type: String, reflect: true },
    api: { type: String },
    config: { attribute: 'config', converter: { fromAttribute: parseConfigAttribute } },
    langOverride: { type: String, attribute: 'lang' },
    loadState: { state: true },
  };

  /** ODS code of the practice whose configuration is shown, e.g. `A81001`. */
  declare practice: string | undefined;
  /** API origin; defaults to the origin the widget script was served from. */
  declare api: string | undefined;
  /**
   * The practice's public configuration given inline (property, or JSON in the `config` attribute).
   * When set, nothing is fetched.
   */
  declare config: PublicPracticeConfig | undefined;
  /** Text language (`en-GB` or `cy`), from the `lang` attribute; defaults to the practice's locale. */
  declare langOverride: string | undefined;
  declare protected loadState: LoadState;

  private loadToken = 0;

  constructor() {
    super();
    this.loadState = { status: 'idle' };
  }

  /** The locale the text is rendered in. */
  get locale(): Locale {
    const config = this.loadState.status === 'ready' ? this.loadState.config : undefined;
    return resolveLocale(this.langOverride ?? this.closestLang(), config?.locale);
  }

  /** Without its own `lang`, the host page's language is a hint only before the practice's is known. */
  private closestLang(): string | undefined {
    if (this.loadState.status === 'ready') return undefined;
    return this.closest('[lang]')?.getAttribute('lang') ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') || changed.has('practice') || changed.has('api')) this.load();
  }

  private load(): void {
    const token = ++this.loadToken;
    if (this.config !== undefined) {
      this.settle(
        isPublicPracticeConfig(this.config)
          ? { status: 'ready', config: this.config }
          : {
              status: 'error',
              error: { code: 'invalid_config', message: 'Invalid inline config' },
            },
      );
      return;
    }
    if (!this.practice) {
      this.loadState = { status: 'idle' };
      return;
    }
    this.loadState = { status: 'loading' };
    void loadPublicConfig(apiOrigin(this.api), this.practice).then((result) => {
      if (token !== this.loadToken) return; // a newer practice/config replaced this request
      this.settle(
        result.ok ? { status: 'ready', config: result.config } : { status: 'error', error: result.error },
      );
    });
  }

  private settle(state: LoadState): void {
    this.loadState = state;
    if (state.status === 'ready') {
      this.updateComplete.then(() =>
        emit<PolicyConfigReadyDetail>(this, 'policy-config-ready', {
          ods: state.config.ods,
          locale: this.locale,
        }),
      );
    } else if (state.status === 'error') {
      this.updateComplete.then(() =>
        emit<PolicyConfigErrorDetail>(this, 'policy-config-error', { error: state.error }),
      );
    }
  }
}

declare global {
  interface HTMLElementEventMap {
    'policy-config-ready': CustomEvent<PolicyConfigReadyDetail>;
    'policy-config-error': CustomEvent<PolicyConfigErrorDetail>;
  }
}
