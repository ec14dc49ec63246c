import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, whenSignedOut } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import type { Session } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' | 'everywhere' }
  | { status: 'signed-in'; session: Session }
  | { status: 'unreachable' };

/**
 * Who is signed in, from `GET /v1/session`. Any 401 from a later call means the session ended
 * (idle timeout, absolute limit, signed out elsewhere): the desk says so and asks to sign in again.
 */
export class SessionController implements ReactiveController {
  state: SessionState = { status: 'loading' };
  private readonly host: ReactiveControllerHost;
  private checking: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
    // A 401 may also be one operation refusing sessions: ask the server whether this one still lives.
    whenSignedOut(() => {
      if (this.state.status !== 'signed-in' || this.checking) return;
      this.checking = api<Session>('/session')
        .then(
          (session) => this.set({ status: 'signed-in', session }),
          (error: unknown) => {
            if (error instanceof ApiProblem && error.status === 401)
              this.set({ status: 'signed-out', reason: 'expired' });
          },
        )
        .finally(() => {
          this.checking = undefined;
        });
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

  /** Every session ended on the server (this one too): show sign-in with the reason. */
  signedOutEverywhere(): void {
    this.set({ status: 'signed-out', reason: 'everywhere' });
  }

  private set(state: SessionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
