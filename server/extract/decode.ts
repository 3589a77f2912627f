import iconv from 'iconv-lite';
import type { DocumentSource } from './document-model';

/** A problem with one input file that stops it from being read; other files still go through. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Larger than any plan (the seeds are 6–27 KB); a bigger file is almost surely not one. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Share of control characters (other than tab/newline) above which a text is binary. */
function looksBinary(text: string): boolean {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) bad++;
  }
  return bad > Math.max(2, n * 0.005);
}

/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (a superset of
 * GB2312), which many government sites still serve. Anything else is refused with a reason.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(`the file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one document`);
  }
  let decoded: Decoded | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.subarray(0, 65536).includes(0)) throw new InputError('the file is binary (it contains NUL bytes), not a text document');
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
    }
  }
  if (looksBinary(decoded.text)) {
    throw new InputError(`the file is binary or in an unknown encoding (read as ${decoded.encoding} it is mostly control characters)`);
  }
  return decoded;
}

/** A plain-text file as the document model: its decoded text and no tables given (the grammar finds them). */
export function textSource(bytes: Uint8Array): DocumentSource {
  const { text, encoding } = decode(bytes);
  return { text, tables: [], format: 'text', encoding, warnings: [] };
}
