import type { Session } from '../api/types.js';

/** Dispatches a typed event that crosses shadow boundaries up to the shell. */
export function emit<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}

/** A screen has its data on screen (the shell focuses its heading; the bench times it). */
export const SCREEN_READY = 'desk-screen-ready';
/** A sign-in, invitation or enrolment produced a session. detail: the session. */
export const SIGNED_IN = 'desk-signed-in';
export type SignedInDetail = Session;

/** Tells the shell this screen's data is showing; once per load. */
export function screenReady(target: EventTarget, title: string): void {
  emit(target, SCREEN_READY, { title });
}

/** Every session of this person was ended from the account screen. */
export const SIGNED_OUT_EVERYWHERE = 'desk-signed-out-everywhere';
