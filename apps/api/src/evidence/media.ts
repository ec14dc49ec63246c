// Uploads are typed by their leading bytes, never by the file name or the Content-Type header.

import type { EvidenceImageType } from '@policy/core';

// The accepted types and the size limit are core's (@policy/core/limits), shared with the form.
export { EVIDENCE_IMAGE_TYPES as IMAGE_TYPES, MAX_EVIDENCE_BYTES } from '@policy/core';
export type ImageType = EvidenceImageType;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/**
 * A text capture: valid UTF-8 with no NUL or other C0 control bytes besides tab, CR and LF, and not
 * only whitespace. Read a chunk at a time (a character may span two chunks), so a spooled capture is
 * checked without being held whole.
 */
export function isPlainTextChunks(chunks: Iterable<Uint8Array>): boolean {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let printable = false;
  const acceptable = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    }
    if (!printable && text.trim().length > 0) printable = true;
    return true;
  };
  try {
    for (const chunk of chunks) if (!acceptable(utf8.decode(chunk, { stream: true }))) return false;
    return acceptable(utf8.decode()) && printable;
  } catch {
    return false;
  }
}

/** isPlainTextChunks for bytes held whole. */
export const isPlainText = (bytes: Uint8Array): boolean => isPlainTextChunks([bytes]);
