/** What a file is, told by its first bytes (names lie: a .doc is often a .docx, a .xls often HTML). */
export type Sniffed = 'zip' | 'pdf' | 'ole' | 'rtf' | 'html' | 'text';

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|meta|head|body)[\s>/]/i;

export function sniff(bytes: Uint8Array, file = ''): Sniffed {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'ole';
  // "%PDF-" may come after a little junk (the format allows it within the first 1024 bytes).
  if (Buffer.from(b.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  const head = headText(b);
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (HTML_START.test(head)) return 'html';
  if (/\.(x?html?|shtml)$/i.test(file) && /<[a-z!]/i.test(head)) return 'html';
  return 'text';
}

/** The first bytes as text for sniffing, past a BOM (UTF-16 pages exist). */
function headText(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(0, 2048));
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.subarray(3).toString('latin1');
  return head.toString('latin1');
}
