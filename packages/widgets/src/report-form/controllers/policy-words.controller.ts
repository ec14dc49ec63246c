import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type PolicyWords = typeof import('../policy-words.js');

/**
 * Loads the policy's words (core's labels, a lazy chunk) as soon as the form connects. Until they
 * arrive the form shows that it is loading; if the chunk cannot be fetched it says so, and tries
 * again when the device comes back online or the form is connected again.
 */
export class PolicyWordsController implements ReactiveController {
  words: PolicyWords | undefined;
  failed = false;

  private loading: Promise<void> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.load);
    this.load();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.load);
  }

  load = (): void => {
    if (this.words) return;
    this.loading ??= import('../policy-words.js').then(
      (module) => {
        this.words = module;
        this.failed = false;
        this.host.requestUpdate();
      },
      () => {
        this.loading = undefined;
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  };
}
