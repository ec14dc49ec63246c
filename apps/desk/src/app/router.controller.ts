import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseHash, type Route } from './routes.js';

/** Follows `location.hash` and asks the host to render on every change. */
export class RouterController implements ReactiveController {
  route: Route = parseHash(location.hash);
  private readonly host: ReactiveControllerHost;
  private readonly onChange = () => {
    this.route = parseHash(location.hash);
    this.host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onChange);
  }
}
