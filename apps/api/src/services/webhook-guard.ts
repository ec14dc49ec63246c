import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// SSRF guard for webhook URLs. A URL a vendor registers is fetched by our server, from inside the
// practice's network, so it must not reach loopback, private networks, link-local (cloud metadata
// at 169.254.169.254) or other non-public ranges. Checked at registration (a helpful early
// refusal) and again at every delivery on the addresses the name resolves to then — the delivery
// connects to exactly the address it checked, so a name re-pointed after registration (DNS
// rebinding) is refused too. POLICY_WEBHOOK_ALLOW_PRIVATE=1 lifts it, for local testing only.

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address (the delivery's and the check's view must be the same). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface WebhookPolicy {
  /** Allow `http` and non-public addresses (local testing only). */
  allowPrivate: boolean;
  resolve: Resolver;
}

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export const defaultWebhookPolicy = (overrides: Partial<WebhookPolicy> = {}): WebhookPolicy => ({
  allowPrivate: false,
  resolve: systemResolver,
  ...overrides,
});

/** Ranges never delivered to, with the reason a refusal gives. */
const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (cloud metadata lives there)'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'an IETF protocol address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['100::', 64, 'ipv6', 'a discard address'],
  ['fc00::', 7, 'ipv6', 'a unique local (private) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const lists = RANGES.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, reason };
});

/** An IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4). */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Why an address may not be delivered to, or null if it is public. */
export function blockedReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) return blockedReason(inner);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, family: listFamily, reason } of lists)
    if (listFamily === type && list.check(address, type)) return reason;
  return null;
}

export class WebhookUrlError extends Error {}

/** Host names that only ever mean this machine or its network. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)\.?$/i;

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * The URL's syntax and scheme, without resolving it: `https` (or `http` when private addresses are
 * allowed), no credentials, a host that is not obviously local. Throws WebhookUrlError.
 */
export function parseWebhookUrl(raw: string, policy: WebhookPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('must be an absolute URL, e.g. https://vendor.example.com/hooks');
  }
  const schemes = policy.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw new WebhookUrlError('must be an https URL');
  if (url.username || url.password) throw new WebhookUrlError('must not contain a user name or password');
  if (url.hash) throw new WebhookUrlError('must not have a #fragment');
  const host = bare(url.hostname);
  if (!host) throw new WebhookUrlError('must name a host');
  if (!policy.allowPrivate) {
    if (isIP(host)) {
      const reason = blockedReason(host);
      if (reason) throw new WebhookUrlError(`must be a public address, not ${reason}`);
    } else if (LOCAL_NAME.test(host) || !host.includes('.')) {
      throw new WebhookUrlError('must be a public host name, not a local one');
    }
  }
  return url;
}

/**
 * The address to connect to for `url`, checked: an IP literal as it is, a name resolved now. Every
 * address the name resolves to must be public (one private answer among public ones is how
 * rebinding attacks hide). Throws WebhookUrlError.
 */
export async function resolveWebhookHost(url: URL, policy: WebhookPolicy): Promise<ResolvedAddress> {
  const host = bare(url.hostname);
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family
    ? [{ address: host, family }]
    : await policy.resolve(host).catch((error: NodeJS.ErrnoException) => {
        throw new WebhookUrlError(`${host} does not resolve (${error.code ?? 'lookup failed'})`);
      });
  if (addresses.length === 0) throw new WebhookUrlError(`${host} does not resolve`);
  if (!policy.allowPrivate)
    for (const { address } of addresses) {
      const reason = blockedReason(address);
      if (reason) throw new WebhookUrlError(`${host} resolves to ${reason} (${address})`);
    }
  return addresses[0] as ResolvedAddress;
}

/**
 * At registration: the URL's form, and — if the name resolves now — its addresses. A name that does
 * not resolve yet is accepted (DNS may come later; every delivery checks again).
 */
export async function checkWebhookUrl(raw: string, policy: WebhookPolicy, timeoutMs = 2000): Promise<URL> {
  const url = parseWebhookUrl(raw, policy);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([resolveWebhookHost(url, policy), slow]);
  } catch (error) {
    if (error instanceof WebhookUrlError && / does not resolve/.test(error.message)) return url;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return url;
}
