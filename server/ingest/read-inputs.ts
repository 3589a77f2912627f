import type { ExtractWarning } from '../extract/contract';
import { InputError } from '../extract/decode';
import type { ExtractInput } from '../extract/extract';
import { readDocument, type FileInput, type ReadOptions } from './read';

export interface ReadInputs {
  /** Files read, each with its document model, ready for extract(). */
  inputs: ExtractInput[];
  /** Files that could not be read, with the reason (as extract() reports its own skipped files). */
  warnings: ExtractWarning[];
  failed: string[];
}

/** Read files of any format one after the other (LibreOffice and the parsers want the CPU to themselves). */
export async function readInputs(files: FileInput[], options: ReadOptions & { onFile?: (file: string, ok: boolean) => void } = {}): Promise<ReadInputs> {
  const out: ReadInputs = { inputs: [], warnings: [], failed: [] };
  for (const f of files) {
    try {
      out.inputs.push({ file: f.file, bytes: f.bytes, source: await readDocument(f, options) });
      options.onFile?.(f.file, true);
    } catch (err) {
      const reason = err instanceof InputError ? err.message : `reading failed: ${(err as Error).message}`;
      out.warnings.push({ file: f.file, message: `${reason}; skipped` });
      out.failed.push(f.file);
      options.onFile?.(f.file, false);
    }
  }
  return out;
}
