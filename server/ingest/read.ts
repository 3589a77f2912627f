import { InputError, textSource } from '../extract/decode';
import type { DocumentSource } from '../extract/document-model';

export interface FileInput {
  file: string;
  bytes: Uint8Array;
}

/**
 * Read one file into the document model. The format is told by the bytes, not only by the name.
 * Throws InputError with a message naming the reason when the file cannot be read.
 */
export async function readDocument(input: FileInput): Promise<DocumentSource> {
  const b = input.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b) throw new InputError('Office (zip) documents are not read yet');
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) throw new InputError('PDF documents are not read yet');
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) throw new InputError('legacy Office documents are not read yet');
  return textSource(b);
}
