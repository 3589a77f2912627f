/**
 * One scheduler for all long work in JS, so that /healthz and light questions are served in
 * between: a large result read from the store, the links of every task, a ledger batch, and the
 * fields of a heavy GraphQL answer (api/turns.ts).
 *
 * The slice of work is process-wide. Each loop timing itself alone let twenty concurrent requests
 * each take their 10 ms in the same turn of the event loop (setImmediate callbacks queued before the
 * check phase all run in it), 200 ms before I/O was polled again. Here, past SLICE_MS since the
 * last turn, whoever asks waits; the waiting are let go in the order they came, one after the
 * other within a turn, each once the work let go before it has run to its next wait (its promise
 * jobs done), until the turn has spent SLICE_MS on them; the rest go on the next turn, after I/O.
 * The slice counts the work let go, not the turn: under load a turn also carries every other
 * request's I/O, and batches sized by the turn's length let one waiter go per turn (a unit's leads,
 * light, waited a second behind a mixed load's lists).
 */
const SLICE_MS = 10;

const waiting: Array<() => void> = [];
let sliceStart = performance.now();
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
  sliceStart = performance.now();
  letNextGo();
}

/** One waiter let go; once its work has run to its next wait, the next, while the slice lasts. */
function letNextGo(): void {
  const go = waiting.shift();
  if (!go) return;
  go();
  afterPromiseJobs(() => {
    if (waiting.length === 0) return;
    if (performance.now() - sliceStart < SLICE_MS) letNextGo();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(release); // queued from a tick of this turn: runs on the next turn, after I/O
    }
  });
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
