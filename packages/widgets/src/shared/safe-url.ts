// Links from configuration are data, never code: only web, mail and phone links are rendered.
const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** The URL if it is an absolute http(s)/mailto/tel link, otherwise undefined (the link is left out). */
export function safeUrl(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim());
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` link for a UK phone number as people write it ("01632 960 001" → "tel:01632960001"). */
export function telUrl(phone: string | undefined | null): string | undefined {
  if (typeof phone !== 'string') return undefined;
  const digits = phone.replace(/[\s().-]/g, '');
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** A `mailto:` link for a plain address; undefined for anything else. */
export function mailtoUrl(email: string | undefined | null): string | undefined {
  if (typeof email !== 'string') return undefined;
  const address = email.trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address) ? `mailto:${address}` : undefined;
}
