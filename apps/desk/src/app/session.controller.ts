import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, whenSignedOut } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import type { Session } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; session: Session }
  | { status: 'unreachable' };

/**
 * Who is signed in, from `GET /v1/session`. Any 401 from a later call means the session ended
 * (idle timeout, absolute limit, signed out elsewhere): the desk says so and asks to sign in again.
 */
export class SessionController implements ReactiveController {
  state: SessionState = { status: 'loading' };
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
    whenSignedOut(() => {
      if (this.state.status === 'signed-in') this.set({ status: 'signed-out', reason: 'expired' });
    });
  }

  hostConnected(): void {
    void this.refresh();
  }

  get session(): Session | undefined {
    return this.state.status === 'signed-in' ? this.state.session : undefined;
  }

  async refresh(): Promise<void> {
    try {
      this.set({ status: 'signed-in', session: await api<Session>('/session') });
    } catch (error) {
      this.set(
        error instanceof ApiProblem && (error.status === 401 || error.status === 404)
          ? { status: 'signed-out' }
          : { status: 'unreachable' },
      );
    }
  }

  /** After a successful sign-in, invitation acceptance or TOTP confirmation. */
  signedIn(session: Session): void {
    this.set({ status: 'signed-in', session });
  }

  async signOut(): Promise<void> {
    try {
      await api('/session', { method: 'DELETE' });
    } finally {
      this.set({ status: 'signed-out', reason: 'signed-out' });
    }
  }

  private set(state: SessionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
