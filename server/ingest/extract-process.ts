/**
 * A reader process: reads a file (any format) and extracts its plan, then waits for the next one
 * (reader-pool.ts decides when it ends; it ends by itself when the server goes). It runs apart
 * from the server (reader-pool.ts) so that a file that eats memory — native memory too: inflated
 * zips, pdf.js buffers, a huge sharedStrings part — or hangs is killed without the server noticing.
 */
import { InputError } from '../extract/decode';
import { extract } from '../extract/extract';
import { readDocument } from './read';

export interface ExtractJob { file: string; bytes: Uint8Array; readTimeoutMs: number }

process.on('message', (job: ExtractJob) => {
  (async () => {
    // Parsed here, not in a further worker thread: this process is the sandbox.
    const source = await readDocument({ file: job.file, bytes: job.bytes }, { readTimeoutMs: job.readTimeoutMs, inProcess: true });
    return extract([{ file: job.file, bytes: job.bytes, source }]);
  })().then(
    (result) => process.send!({ ok: true, result }),
    (err: Error) => process.send!({ ok: false, input: err instanceof InputError, message: err.message }),
  );
});
