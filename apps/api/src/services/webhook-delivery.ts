import { randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { parseWebhookUrl, resolveWebhookHost, type WebhookPolicy, WebhookUrlError } from './webhook-guard.js';

// One signed webhook delivery (Standard Webhooks 1.0, signed by the `standardwebhooks` package):
// headers webhook-id / webhook-timestamp / webhook-signature, body { type, timestamp, data }. The
// request goes to the address the guard checked (never re-resolved), follows no redirect, gives up
// after 10 s, and keeps at most 1 KB of the answer.

export const DELIVERY_TIMEOUT_MS = 10_000;
export const RESPONSE_KEEP_BYTES = 1024;

/** A new signing secret: `whsec_` and 32 random bytes, base64 (what Standard Webhooks libraries read). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export interface WebhookMessage {
  /** The event id: the same on every retry, so receivers can de-duplicate. */
  id: string;
  type: string;
  /** When the change happened. */
  timestamp: string;
  data: unknown;
}

export interface DeliveryOutcome {
  delivered: boolean;
  responseStatus?: number;
  /** What went wrong, or the start of the receiver's answer. */
  result?: string;
  error?: string;
  ms: number;
}

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }),
};

/** The exact bytes sent and their signature (exported for tests and the docs' example). */
export function signMessage(secret: string, message: WebhookMessage, at: Date) {
  const body = JSON.stringify({ type: message.type, timestamp: message.timestamp, data: message.data });
  const signature = new Webhook(secret).sign(message.id, at, body);
  return {
    body,
    headers: {
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}

export async function deliverWebhook(
  target: { url: string; secret: string },
  message: WebhookMessage,
  policy: WebhookPolicy,
  now: () => Date = () => new Date(),
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<DeliveryOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  let address: string;
  try {
    url = parseWebhookUrl(target.url, policy);
    ({ address } = await resolveWebhookHost(url, policy));
  } catch (error) {
    const reason = error instanceof WebhookUrlError ? error.message : 'the URL could not be checked';
    return { delivered: false, error: `refused: ${reason}`, ms: elapsed() };
  }
  const { body, headers } = signMessage(target.secret, message, now());
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<DeliveryOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: elapsed() });
    };
    const request = (secure ? httpsRequest : httpRequest)(
      {
        // Connect to the checked address itself; the name goes in Host and (for TLS) SNI and the
        // certificate check, so the certificate must still match the registered host.
        host: address,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
        headers: {
          host: url.host,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'gp-policy-webhooks/1.0',
          ...headers,
        },
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        const done = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const delivered = status >= 200 && status < 300;
          const redirect = status >= 300 && status < 400;
          finish({
            delivered,
            responseStatus: status,
            ...(redirect
              ? { error: `redirect to ${response.headers.location ?? '(no location)'} not followed` }
              : {}),
            ...(text ? { result: text } : {}),
          });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_KEEP_BYTES) {
            const part = chunk.subarray(0, RESPONSE_KEEP_BYTES - kept);
            chunks.push(part);
            kept += part.length;
          }
          // Enough kept: answer now rather than read a large body to its end.
          if (kept >= RESPONSE_KEEP_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ delivered: false, error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.end(body);
  });
}
