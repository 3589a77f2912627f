import CFB from 'cfb';
import { InputError } from '../extract/decode';

export const PROTECTED = 'the file is password-protected; save an unprotected copy';

/**
 * A legacy Office file (OLE compound file): what LibreOffice should convert it to, or why it
 * cannot be read. An OOXML file saved with a password is an OLE file holding EncryptionInfo.
 */
export function inspectOle(bytes: Uint8Array, file = ''): 'docx' | 'xlsx' {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'buffer' });
  } catch (err) {
    throw new InputError(`the file is corrupt or truncated: not a readable Office file (${(err as Error).message})`);
  }
  const names = new Set(cfb.FileIndex.map((e) => e.name));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) throw new InputError(PROTECTED);
  const stream = (name: string) => {
    const e = CFB.find(cfb, name);
    return e?.content ? Buffer.from(e.content as Uint8Array) : undefined;
  };
  const word = stream('WordDocument');
  if (word) {
    // FIB flags: fEncrypted (0x0100) marks a password-protected .doc.
    if (word.length >= 12 && word.readUInt16LE(0x0a) & 0x0100) throw new InputError(PROTECTED);
    return 'docx';
  }
  const book = stream('Workbook') ?? stream('Book');
  if (book) {
    if (biffHasFilePass(book)) throw new InputError(PROTECTED);
    return 'xlsx';
  }
  if (names.has('PowerPoint Document')) throw new InputError('the file is a PowerPoint presentation, not a plan document; save it as .docx or PDF');
  // Kingsoft WPS files name their streams differently; go by the name.
  if (/\.(xls|et)$/i.test(file)) return 'xlsx';
  if (/\.(doc|wps|dot)$/i.test(file)) return 'docx';
  throw new InputError('the file is an Office (OLE) file of an unknown kind; save it as .docx or .xlsx');
}

/** A FILEPASS record (0x002F) in the workbook globals means the sheet is encrypted. */
function biffHasFilePass(b: Buffer): boolean {
  for (let i = 0; i + 4 <= b.length;) {
    const type = b.readUInt16LE(i);
    const len = b.readUInt16LE(i + 2);
    if (type === 0x002f) return true;
    if (type === 0x000a) return false; // EOF of the globals substream
    i += 4 + len;
  }
  return false;
}
