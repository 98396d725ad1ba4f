/**
 * Turning file bytes into text the way editors and the API server's decoder agree on: UTF-8 (a
 * BOM is dropped), or UTF-16 when it starts with a BOM. Anything else is not a manifest, and the
 * error says where the first bad byte is, so that it can be found and fixed.
 */

/** Length of the UTF-8 sequence starting at `i` if it is well formed, else 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number) => {
    const c = bytes[i + k];
    return c !== undefined && c >= 0x80 && c <= 0xbf;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = bytes[i + 1] ?? 0;
    if (b === 0xe0 && second < 0xa0) return 0; // overlong
    if (b === 0xed && second > 0x9f) return 0; // surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = bytes[i + 1] ?? 0;
    if (b === 0xf0 && second < 0x90) return 0;
    if (b === 0xf4 && second > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that is not part of well-formed UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Text that could be decoded, and what is wrong with it when it is not a YAML stream. */
export interface Decoded {
  text: string;
  /** The first byte that makes the file unreadable as YAML, as an offset into `text`. */
  error?: { offset: number; message: string };
}

/** NUL bytes are shown as U+FFFD, so that a code frame never writes a raw NUL to a terminal. */
function withVisibleNul(text: string, message: string): Decoded {
  const offset = text.indexOf('\0');
  return { text: lineBreaks(text.replace(/\0/g, '\uFFFD')), error: { offset, message } };
}

const BINARY = 'this is a binary file, not YAML (it holds NUL bytes)';
const UTF16_NO_BOM = 'this looks like UTF-16 text without a byte order mark; save it as UTF-8';

/** ASCII text in UTF-16 has a NUL in every other byte: tell that apart from a binary file. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (odd >= pairs * 0.9 && even === 0) || (even >= pairs * 0.9 && odd === 0);
}

/**
 * Decodes file bytes as text: UTF-8 (BOM dropped), UTF-16 with a BOM. Bytes that are not text
 * (invalid UTF-8, NUL bytes) give a lossy text and an error at the first bad byte: `kubectl apply`
 * rejects such a file, and so do we, at the place to fix. Lone CR line breaks become LF, which
 * keeps every offset the same.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      const lossy = new TextDecoder(utf16).decode(bytes.subarray(2));
      return { text: lineBreaks(lossy), error: { offset: Math.max(0, lossy.indexOf('\uFFFD')), message: `not valid ${utf16.toUpperCase()} text (a broken character)` } };
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      if (at < 0) return { text: '', error: { offset: 0, message: 'the file could not be decoded as text' } };
      const lossy = new TextDecoder('utf-8').decode(bytes);
      if (lossy.includes('\0')) return withVisibleNul(lossy, looksLikeUtf16(bytes) ? UTF16_NO_BOM : BINARY);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      const offset = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom, Math.max(bom, at))).length;
      return { text: lineBreaks(lossy), error: { offset, message: `not valid UTF-8 (byte ${hex(bytes[at])}); save the file as UTF-8` } };
    }
  }
  if (text.includes('\0')) return withVisibleNul(text, !utf16 && looksLikeUtf16(bytes) ? UTF16_NO_BOM : BINARY);
  return { text: lineBreaks(text) };
}

function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
