/**
 * Uploads are read and extracted in child processes, at most `size` at once: each with a heap
 * limit and a resident-memory limit that covers native buffers (checked on /proc every 100 ms;
 * the process is killed past it), and a time limit. Uploads beyond the pool wait in a bounded
 * queue; beyond that they are refused (PoolBusy → 503 with Retry-After). So the server's memory
 * is bounded whatever is uploaded: its own, plus `size` × `rssMb`.
 */
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { InputError } from '../extract/decode';
import type { ExtractionResult } from '../extract/extract';
import { Gate, GateFull } from '../gate';
import type { ExtractJob } from './extract-process';

export interface ReaderPoolOptions {
  /** Reader processes at once (READER_PROCESSES). */
  size: number;
  /** Uploads that may wait for a reader before 503 (READER_QUEUE). */
  queue: number;
  /** Resident memory one reader may use, native buffers included (READER_RSS_MB). */
  rssMb: number;
  /** How long one file may take to read and extract. */
  timeoutMs: number;
}

export type { ExtractionResult };

export class PoolBusy extends Error {
  override readonly name = 'PoolBusy';
}

const BOOT = new URL('./extract-process-boot.mjs', import.meta.url);

export class ReaderPool {
  private readonly gate: Gate;

  constructor(readonly opts: ReaderPoolOptions) {
    this.gate = new Gate(opts.size, opts.queue);
  }

  get load() {
    return this.gate.load;
  }

  /** Read and extract one file; InputError for a file that cannot be read, PoolBusy when the queue is full. */
  async extract(file: string, bytes: Uint8Array): Promise<ExtractionResult> {
    let release: () => void;
    try {
      release = await this.gate.acquire();
    } catch (err) {
      if (err instanceof GateFull) throw new PoolBusy(`the server is reading ${this.opts.size} files and ${this.opts.queue} more are waiting: send ${file} again in a few seconds`);
      throw err;
    }
    try {
      return await this.runChild({ file, bytes, readTimeoutMs: this.opts.timeoutMs });
    } finally {
      release();
    }
  }

  private runChild(job: ExtractJob): Promise<ExtractionResult> {
    const { rssMb, timeoutMs } = this.opts;
    return new Promise((resolve, reject) => {
      const child = fork(BOOT, [], {
        // The heap is held well under the resident limit, so that ordinary objects fail as "out of memory" first.
        execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(rssMb * 0.6))}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      let settled = false;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        if (child.exitCode === null) child.kill('SIGKILL');
        f();
      };
      const timer = setTimeout(() => finish(() => reject(new InputError(`reading the file took over ${timeoutMs / 1000} s; given up (the file may be malformed, or too large to read in time)`))), timeoutMs);
      const watch = setInterval(() => {
        void residentMb(child.pid).then((mb) => {
          if (mb > rssMb) finish(() => reject(new InputError(`reading the file needed over ${rssMb} MB of memory; refused`)));
        });
      }, 100);
      child.on('message', (m: { ok: true; result: ExtractionResult } | { ok: false; input: boolean; message: string }) =>
        finish(() => (m.ok ? resolve(m.result) : reject(m.input ? new InputError(m.message) : new InputError(`the file could not be read: ${m.message}`)))),
      );
      child.on('error', (err) => finish(() => reject(new InputError(`the file could not be read: ${err.message}`))));
      child.on('exit', (code, signal) => finish(() => reject(new InputError(
        /heap|memory/i.test(String(signal)) || code === 134 ? `reading the file needed over its memory limit; refused` : `the file could not be read (the reader stopped with ${signal ?? `code ${code}`})`,
      ))));
      child.send(job);
    });
  }
}

/** A process's resident memory in MB (VmRSS), or 0 when it is gone. */
async function residentMb(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
