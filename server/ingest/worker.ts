/**
 * The reader worker: parses one file off the main thread, so that a file that hangs the parser
 * or eats memory is stopped (terminated, or killed at its heap limit) without the server noticing.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../extract/decode';
import { parse, type ParseJob } from './parse';

parentPort!.on('message', (job: ParseJob) => {
  parse(job).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: Error) => parentPort!.postMessage({ ok: false, input: err instanceof InputError, message: err.message }),
  );
});
