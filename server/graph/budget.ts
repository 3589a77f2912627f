/**
 * The time one request may take, carried with the request through every await (AsyncLocalStorage),
 * so that the stores can give each query only what is left of it and stop it when that runs out
 * (Kuzu's query timeout, Neo4j's transaction timeout), and the API can refuse to start more work.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Budget {
  /** Date.now() after which the request's work stops. */
  readonly deadline: number;
  /** The whole budget, for messages. */
  readonly ms: number;
  /** Set once the deadline has been met: the API answers TIMEOUT whatever else happened. */
  expired?: boolean;
  /** The one error thrown for this budget: made once, as thousands of fields may meet it. */
  error?: BudgetExceeded;
  /** A request whose estimated cost makes it heavy: the stores keep a connection free of such requests. */
  heavy?: boolean;
  /** Run when the request has been answered, in time or not (the heavy-read gate's place is given back). */
  release?: () => void;
  /** What the request's reads depend on (graph/dependencies.ts), told by the read cache: how long its answer may be kept. */
  reads?: Set<string>;
}

const current = new AsyncLocalStorage<Budget>();

/**
 * Run `work` with a budget of `ms` milliseconds from now. Its answer is whichever comes first: the
 * work's, or BudgetExceeded at the deadline; the budget's `release` runs once the answer is known.
 */
export async function withBudget<T>(ms: number, work: () => Promise<T>, more: Pick<Budget, 'reads'> = {}): Promise<T> {
  const b: Budget = { deadline: Date.now() + ms, ms, ...more };
  try {
    return await current.run(b, () => beforeDeadline(work()));
  } finally {
    b.release?.();
  }
}

export function currentBudget(): Budget | undefined {
  return current.getStore();
}

/** The request's time ran out: answered as TIMEOUT, never as an internal error. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
  constructor(readonly ms: number) {
    super(`the request took over its time budget of ${ms / 1000} s and was stopped: ask for less (a filter, a smaller limit) or try again later`);
  }
}

/**
 * Milliseconds left for the current request (Infinity outside one: loads, the CLI). Throws
 * BudgetExceeded when nothing is left, so no new query starts after the deadline.
 */
export function remainingMs(): number {
  const b = current.getStore();
  if (!b) return Infinity;
  const left = b.deadline - Date.now();
  if (left <= 0) throw expire(b);
  return left;
}

/** Mark the budget spent; its error, made once. */
export function expire(b: Budget): BudgetExceeded {
  b.expired = true;
  return (b.error ??= new BudgetExceeded(b.ms));
}

/** Whether this budget's time is up (marked, or its deadline passed). */
export function outOfTime(b: Budget): boolean {
  return !!b.expired || Date.now() >= b.deadline;
}

/** Whether the current request has run out of time (without throwing). */
export function isExpired(): boolean {
  const b = current.getStore();
  if (!b) return false;
  if (!b.expired && Date.now() >= b.deadline) expire(b);
  return !!b.expired;
}

/**
 * `work`, or the budget's error as soon as the request's deadline passes, whichever comes first:
 * the answer leaves on time while the work winds down behind it (Kuzu notices its own timeout
 * only between operators, seconds late under load).
 */
function beforeDeadline<T>(work: Promise<T>): Promise<T> {
  const b = current.getStore();
  if (!b) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expire(b)), Math.max(0, b.deadline - Date.now()));
  });
  work.catch(() => undefined); // a failure after the deadline has no one left to tell
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * A read made for the current request, which stops rather than fails once the request is out of
 * time: started after the deadline, or settling after it, it never settles. The request has been
 * answered with TIMEOUT at the deadline (withBudget); failing instead would fail each of the
 * thousands of fields waiting on the read, an error object each (70,000 of them, seconds of CPU on
 * the event loop, for `units(limit: 500) { leads { task } }`). The stalled work is collected with the
 * request. A store's own timeout counts as the deadline.
 */
export function readInTime<T>(read: () => Promise<T>): Promise<T> {
  const b = current.getStore();
  if (!b) return read();
  if (isExpired()) return stalled();
  // Whether the deadline has passed is read from the clock when the read settles: no timer per read.
  return new Promise<T>((resolve, reject) => {
    read().then(
      (value) => {
        if (!isExpired()) resolve(value);
      },
      (err: unknown) => {
        if (isStoreTimeout(err)) expire(b);
        if (!isExpired()) reject(err);
      },
    );
  });
}

/** A promise that never settles, made fresh each time so that what waits on it can be collected. */
const stalled = <T>() => new Promise<T>(() => undefined);

/** Whether a store's error is its own timeout (Kuzu: "Interrupted"; Neo4j: TransactionTimedOut). */
export function isStoreTimeout(err: unknown): boolean {
  const e = err as { message?: string; code?: string };
  return /TransactionTimedOut/.test(e?.code ?? '') || /^Interrupted/i.test(e?.message ?? '');
}
