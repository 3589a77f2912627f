import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, MAX_FILE_BYTES, textSource } from '../extract/decode';
import type { DocumentSource } from '../extract/document-model';
import { convertWithLibreOffice, type ConvertOptions } from './convert';
import { READ_TIMEOUT_MS, READER_HEAP_MB } from './limits';
import { parse, type ParseJob, type ParseResult } from './parse';
import { sniff } from './sniff';
import { SafeZip } from './zip';

export interface FileInput {
  file: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** Give up parsing one file after this long (default 30 s). */
  readTimeoutMs?: number;
  /** LibreOffice conversion of legacy files: timeout and where to find it. */
  convert?: ConvertOptions;
  /** Parse in this thread: the caller is already a sandbox of its own (reader-pool.ts). */
  inProcess?: boolean;
}

/**
 * Read one file into the document model. The format is told by the bytes, not only by the name.
 * Throws InputError with a message naming the reason when the file cannot be read; the caller
 * adds the file's name. Leaves no temporary file behind, whatever happens.
 */
export async function readDocument(input: FileInput, options: ReadOptions = {}): Promise<DocumentSource> {
  const { file, bytes } = input;
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError(`the file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one document`);
  }
  const kind = sniff(bytes, file);
  switch (kind) {
    case 'text': return textSource(bytes);
    case 'html': return source(await inWorker({ kind: 'html', bytes }, options));
    case 'pdf': return source(await inWorker({ kind: 'pdf', bytes }, options));
    case 'zip': return source(await inWorker({ kind: await zipKind(bytes), bytes }, options));
    case 'rtf': return readConverted(bytes, 'rtf', 'docx', options);
    case 'ole': {
      const r = await inWorker({ kind: 'ole', bytes, file }, options);
      if (!('convertTo' in r)) return r.source;
      const ext = extname(file).slice(1).toLowerCase();
      const known = r.convertTo === 'docx' ? ['doc', 'wps', 'dot'] : ['xls', 'et', 'xlt'];
      return readConverted(bytes, known.includes(ext) ? ext : r.convertTo === 'docx' ? 'doc' : 'xls', r.convertTo, options);
    }
  }
}

async function readConverted(bytes: Uint8Array, ext: string, to: 'docx' | 'xlsx', options: ReadOptions): Promise<DocumentSource> {
  const converted = await convertWithLibreOffice(bytes, ext, to, options.convert);
  const s = source(await inWorker({ kind: to, bytes: converted }, options));
  // What was read is the legacy file; the model says which reader made its text.
  return { ...s, encoding: `${ext} via LibreOffice` };
}

/** A zip is a Word or Excel file by what it holds. */
async function zipKind(bytes: Uint8Array): Promise<'docx' | 'xlsx'> {
  const zip = await SafeZip.open(bytes);
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('content.xml') && zip.has('mimetype')) throw new InputError('the file is an OpenDocument file (.odt/.ods), which is not read; save it as .docx or .xlsx');
  throw new InputError('the file is a zip archive but not a Word (.docx) or Excel (.xlsx) file');
}

function source(r: ParseResult): DocumentSource {
  if ('source' in r) return r.source;
  throw new Error('the reader worker answered a conversion where a document was expected');
}

const WORKER = new URL('./worker-boot.mjs', import.meta.url);

/** Parse in a worker thread with a heap limit, terminated when it overruns the timeout (or here, when in a reader process). */
function inWorker(job: ParseJob, options: ReadOptions): Promise<ParseResult> {
  if (options.inProcess) return parse(job);
  const timeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB, maxYoungGenerationSizeMb: 64 }, stdout: false, stderr: false });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(new InputError(`reading the file took over ${timeoutMs / 1000} s; given up (the file may be malformed)`))), timeoutMs);
    worker.on('message', (m: { ok: true; result: ParseResult } | { ok: false; input: boolean; message: string }) =>
      finish(() => (m.ok ? resolve(m.result) : reject(m.input ? new InputError(m.message) : new InputError(`the file could not be read: ${m.message}`)))),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() => reject(new InputError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading the file needed over ${READER_HEAP_MB} MB of memory; refused` : `the file could not be read: ${err.message}`))),
    );
    worker.on('exit', (code) => finish(() => reject(new InputError(`the file could not be read (the reader stopped with code ${code})`))));
    worker.postMessage(job);
  });
}
