/**
 * Uploads are read and extracted in child processes, at most `size` at once (kept between uploads): each with a heap
 * limit and a resident-memory limit that covers native buffers (checked on /proc every 100 ms;
 * the process is killed past it), and a time limit. Uploads beyond the pool wait in a bounded
 * queue; beyond that they are refused (PoolBusy → 503 with Retry-After). So the server's memory
 * is bounded whatever is uploaded: its own, plus `size` × `rssMb`.
 */
import { fork, type ChildProcess } from 'node:child_process';
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

/**
 * A reader is kept between uploads: starting one costs the server's thread 50–80 ms of fork() in
 * a process of a few GB (every request waits meanwhile) and the reader a few hundred ms of boot on
 * the other core. It is let go once idle for this long, after this many files, or when a file
 * left it holding more than half its memory limit.
 */
const IDLE_MS = 5 * 60_000;
const JOBS_PER_READER = 200;

interface Reader { child: ChildProcess; jobs: number; idle?: NodeJS.Timeout }
type Reply = { ok: true; result: ExtractionResult } | { ok: false; input: boolean; message: string };

export class ReaderPool {
  private readonly gate: Gate;
  private readonly idle: Reader[] = [];
  private readonly live = new Set<Reader>();

  constructor(readonly opts: ReaderPoolOptions) {
    this.gate = new Gate(opts.size, opts.queue);
  }

  get load() {
    return this.gate.load;
  }

  /** The reader processes alive, busy or idle. */
  get pids(): number[] {
    return [...this.live].map((r) => r.child.pid!).filter(Boolean);
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
      return await this.run({ file, bytes, readTimeoutMs: this.opts.timeoutMs });
    } finally {
      release();
    }
  }

  /** Stop every reader (the server is closing). */
  close(): void {
    for (const r of this.live) r.child.kill('SIGKILL');
  }

  private start(): Reader {
    const child = fork(BOOT, [], {
      // The heap is held well under the resident limit, so that ordinary objects fail as "out of memory" first.
      execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(this.opts.rssMb * 0.6))}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const reader: Reader = { child, jobs: 0 };
    this.live.add(reader);
    child.once('exit', () => this.forget(reader));
    child.on('error', () => this.stop(reader));
    return reader;
  }

  private forget(reader: Reader): void {
    clearTimeout(reader.idle);
    this.live.delete(reader);
    const i = this.idle.indexOf(reader);
    if (i >= 0) this.idle.splice(i, 1);
  }

  private stop(reader: Reader): void {
    this.forget(reader);
    if (reader.child.exitCode === null && reader.child.signalCode === null) reader.child.kill('SIGKILL');
  }

  /** An idle reader neither keeps the server's process alive nor lives on unused. */
  private park(reader: Reader): void {
    reader.child.unref();
    reader.child.channel?.unref();
    reader.idle = setTimeout(() => this.stop(reader), IDLE_MS);
    reader.idle.unref();
    this.idle.push(reader);
  }

  private run(job: ExtractJob, retried = false): Promise<ExtractionResult> {
    const { rssMb, timeoutMs } = this.opts;
    let idle = this.idle.pop();
    // One that died idle (and whose exit is seen, or its channel closed) is let go.
    while (idle && !idle.child.connected) {
      this.stop(idle);
      idle = this.idle.pop();
    }
    const reader = idle ?? this.start();
    clearTimeout(reader.idle);
    reader.child.ref();
    reader.child.channel?.ref();
    // A reader kept from earlier files may have died since without our having seen it yet.
    const kept = reader.jobs > 0;
    reader.jobs++;
    const { child } = reader;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (f: () => void, keep = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (!keep) this.stop(reader);
        f();
      };
      const timer = setTimeout(() => finish(() => reject(new InputError(`reading the file took over ${timeoutMs / 1000} s; given up (the file may be malformed, or too large to read in time)`))), timeoutMs);
      const watch = setInterval(() => {
        void residentMb(child.pid).then((mb) => {
          if (mb > rssMb) finish(() => reject(new InputError(`reading the file needed over ${rssMb} MB of memory; refused`)));
        });
      }, 100);
      const onMessage = (m: Reply) => {
        const answer = () => (m.ok ? resolve(m.result) : reject(m.input ? new InputError(m.message) : new InputError(`the file could not be read: ${m.message}`)));
        if (reader.jobs >= JOBS_PER_READER) return finish(answer);
        // Kept for the next file only if this one left it well within its memory limit.
        void residentMb(child.pid).then((mb) => {
          const keep = mb > 0 && mb <= rssMb / 2 && !settled;
          finish(answer, keep);
          if (keep) this.park(reader);
        });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => finish(() => {
        // Read once more by a new reader, in case the one kept had died before this file reached it.
        if (kept && !retried) return void this.run(job, true).then(resolve, reject);
        reject(new InputError(
          /heap|memory/i.test(String(signal)) || code === 134 ? `reading the file needed over its memory limit; refused` : `the file could not be read (the reader stopped with ${signal ?? `code ${code}`})`,
        ));
      });
      child.on('message', onMessage);
      child.on('exit', onExit);
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
