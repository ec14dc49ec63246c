import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

// A response that goes out before its request's body has all arrived (a refused upload: too many
// parts, too many bytes, over the quota, a bad key) ends the connection without reading the rest.
// Reading it to keep the connection alive is what an attacker wants: a 50,000-part form refused after
// its first 64 KiB still made the server read and discard its other 6 MB (and up to 64 MiB of any
// body), every few milliseconds (docs/benchmarks.md, issue 9).
//
// The connection is not simply destroyed: closing a socket with unread data sends a TCP reset, and a
// client that gets the reset before it has read the response may lose the response (some TCP stacks
// drop unread data on a reset; a Node client destroyed at once got `write EPIPE` instead of the 413). So, as
// Go's net/http does (`closeWriteAndWait`), the response is followed by a FIN, the socket is left
// unread, and it is dropped a moment later.

/**
 * How long a connection whose body was left unread stays half-closed, for the client to read the
 * answer: Go's `rstAvoidanceDelay` (a round trip around the planet). Each lingering socket holds the
 * little of the body it had buffered (≤ ~80 KiB), so it is not longer.
 */
export const UNREAD_BODY_LINGER_MS = 500;

/**
 * At most this many refused connections linger at once; the oldest is dropped when one more comes.
 * A client that is refused reads its answer within the linger, and real clients are refused a few at
 * a time — but an attacker refused hundreds of times a second kept ~200 sockets lingering with
 * ~25 MB of buffered body between them (docs/benchmarks.md), which the uploads that followed stacked on.
 */
export const MAX_LINGERING = 64;

export interface UnreadBodyCloser {
  /**
   * Call once the response is ready, before it is written. If the body is still arriving, the answer
   * carries `Connection: close`, no more of the body is read, and the socket ends after the answer.
   */
  (incoming: IncomingMessage, outgoing: ServerResponse): void;
  /** How many refused connections are lingering now. */
  readonly lingering: () => number;
}

export interface UnreadBodyOptions {
  /** Default UNREAD_BODY_LINGER_MS. */
  lingerMs?: number;
  /** Default MAX_LINGERING. */
  maxLingering?: number;
}

export function unreadBodyCloser(options: UnreadBodyOptions = {}): UnreadBodyCloser {
  const lingerMs = options.lingerMs ?? UNREAD_BODY_LINGER_MS;
  const maxLingering = options.maxLingering ?? MAX_LINGERING;
  // In the order they began to linger: a Set iterates in insertion order, so the first is the oldest.
  const lingering = new Set<Socket>();
  const close = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.complete || outgoing.headersSent) return;
    const socket = incoming.socket as Socket | null;
    if (!socket || socket.destroyed) return;
    outgoing.setHeader('Connection', 'close');
    // Node reads and discards a body no handler started to read (so the connection could be reused):
    // starting a read instead means the request's buffer fills (16 KiB) and backpressure stops the
    // socket there.
    if (!incoming.readableDidRead) incoming.read(0);
    // With `Connection: close`, Node ends the socket once the response is written by calling its
    // `destroySoon` (or `end` where there is none): this one sends the FIN and destroys it later.
    socket.destroySoon = function endThenLinger(this: Socket) {
      this.end();
      if (lingering.size >= maxLingering) lingering.values().next().value?.destroy();
      lingering.add(this);
      const timer = setTimeout(() => this.destroy(), lingerMs);
      timer.unref();
      this.once('close', () => {
        clearTimeout(timer);
        lingering.delete(this);
      });
    };
  };
  return Object.assign(close, { lingering: () => lingering.size });
}
