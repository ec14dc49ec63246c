// Web addresses inside text from configuration (a code-of-conduct clause) become links; nothing
// else in that text is ever markup. The text is split into plain strings and http(s) links, which
// the template renders as text nodes and `<a href>` with a bound (escaped) href.
import { safeUrl } from './safe-url.js';

export type TextPart = { text: string } | { text: string; href: string };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address ("…see https://x.example/a."). */
const TRAILING = /[.,;:!?)\]}’”]+$/;

/** `text` as plain parts and http(s) link parts, in order; any other scheme stays plain text. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let address = match[0];
    // Keep a closing bracket that the address itself opened, e.g. a Wikipedia-style "(surgery)".
    const trailing = TRAILING.exec(address)?.[0] ?? '';
    address = address.slice(0, address.length - trailing.length);
    if (trailing.startsWith(')') && address.includes('(')) address += ')';
    const start = match.index;
    const href = safeUrl(address);
    if (!href || !/^https?:$/.test(new URL(href).protocol)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: address, href });
    last = start + address.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
