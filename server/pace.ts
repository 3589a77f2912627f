/**
 * One scheduler for all long work in JS, so that /healthz and light questions are served in
 * between: a large result read from the store, the links of every task, a ledger batch, and the
 * fields of a heavy GraphQL answer (api/turns.ts).
 *
 * The slice of work is process-wide. Each loop timing itself alone let twenty concurrent requests
 * each take their 10 ms in the same turn of the event loop (setImmediate callbacks queued before the
 * check phase all run in it), 200 ms before I/O was polled again. Here, past SLICE_MS since the
 * last turn, whoever asks waits; the waiting are let go a few at a time, one batch per turn, in
 * the order they came. The batch grows while a turn's work stays short and shrinks when it runs
 * long, so cheap waiters (a field whose value is there) do not each cost a turn.
 */
const SLICE_MS = 10;
const MAX_BATCH = 64;

const waiting: Array<() => void> = [];
let sliceStart = performance.now();
let batch = 1;
let scheduled = false;

/** Undefined when the work may go on at once; else a promise settled on a later turn of the event loop. */
export function turnIfLong(): Promise<void> | undefined {
  if (waiting.length === 0 && performance.now() - sliceStart < SLICE_MS) return undefined;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}

function release(): void {
  scheduled = false;
  // What the last batch's work took (with whatever else ran in that turn) sets this one's size.
  const spent = performance.now() - sliceStart;
  batch = spent < SLICE_MS / 2 ? Math.min(batch * 2, MAX_BATCH) : spent > SLICE_MS ? Math.max(1, batch >> 1) : batch;
  sliceStart = performance.now();
  for (const go of waiting.splice(0, batch)) go();
  if (waiting.length > 0) {
    scheduled = true;
    setImmediate(release); // queued from a check-phase callback: runs on the next turn, after I/O
  }
}

/** Once the promise jobs of this tick have run (as DataLoader schedules a batch by default). */
export const afterPromiseJobs = (fn: () => void) => void Promise.resolve().then(() => process.nextTick(fn));

/**
 * Runs fn after the promise jobs of this tick or, while work waits for turns, after the work that
 * waits now has been let go (and its promise jobs have run): in line, so that a stream of new
 * waiters never holds it back.
 */
export function afterWaiting(fn: () => void): void {
  if (waiting.length > 0) waiting.push(() => afterPromiseJobs(fn));
  else afterPromiseJobs(fn);
}

/**
 * For a long loop: call it once per item; every 256 items it asks for a turn (turnIfLong), so the
 * clock is read rarely and the loop waits only past the process-wide slice.
 */
export function pacer(): () => Promise<void> | undefined {
  let n = 0;
  return () => (++n % 256 !== 0 ? undefined : turnIfLong());
}
