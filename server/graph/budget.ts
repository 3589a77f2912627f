/**
 * The time one request may take, carried with the request (the request's store view, its loaders
 * and its context hold it: graph/request-store.ts), so that the stores can give each query only
 * what is left of it and stop it when that runs out (Kuzu's query timeout, Neo4j's transaction
 * timeout), and the API can refuse to start more work.
 *
 * Carried explicitly, not by AsyncLocalStorage: its promise hooks cost every promise of every
 * request (measured on the 10,000-plan store: 11–40 % more `cooperationLinks` answers a second
 * without them). The tests run in checked mode (BUDGET_CHECK=1, vitest.config.ts): the budget is
 * carried by AsyncLocalStorage as well, and a read made inside a request without its request's
 * budget fails, so a read path that lost it cannot run unbounded unnoticed.
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

/** The budget a GraphQL context carries (api/resolvers.ts Context.budget), for the schema's field wrappers. */
export const budgetOf = (ctx: unknown): Budget | undefined => (ctx as { budget?: Budget } | null | undefined)?.budget;

/** Checked mode only (see above): the request being answered, as AsyncLocalStorage sees it. */
const ambient = process.env.BUDGET_CHECK === '1' ? new AsyncLocalStorage<Budget | undefined>() : undefined;

/**
 * Run `work` with a budget of `ms` milliseconds from now, given to it. Its answer is whichever comes
 * first: the work's, or BudgetExceeded at the deadline; the budget's `release` runs once the answer is known.
 */
export async function withBudget<T>(ms: number, work: (budget: Budget) => Promise<T>, more: Pick<Budget, 'reads'> = {}): Promise<T> {
  const b: Budget = { deadline: Date.now() + ms, ms, ...more };
  try {
    return await (ambient ? ambient.run(b, () => beforeDeadline(b, work(b))) : beforeDeadline(b, work(b)));
  } finally {
    b.release?.();
  }
}

/**
 * Checked mode: throws when a read made inside a request does not carry that request's budget
 * (`budget`, what the read was given). Nothing in production.
 */
export function checkCarried(budget: Budget | undefined): void {
  const inside = ambient?.getStore();
  if (inside && inside !== budget) {
    throw new Error('a read made for a request does not carry its time budget (graph/budget.ts): read through the request\'s store (ctx.store), or through unbudgeted() when it serves many requests');
  }
}

/**
 * `work`'s reads serve many requests (a shared index built once): they carry no request's budget
 * (a request that timed out would otherwise stop them for everyone) and run with the store's own limit.
 */
export function unbudgeted<T>(work: () => T): T {
  return ambient ? ambient.run(undefined, work) : work();
}

/**
 * Checked mode: whether the request being answered (if any) has been told that it reads `tag`;
 * the services that read the progress records check it (dependencies.ts). True in production.
 */
export function ambientReads(tag: string): boolean {
  const inside = ambient?.getStore();
  return !inside?.reads || inside.reads.has(tag);
}

/** The request's time ran out: answered as TIMEOUT, never as an internal error. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
  constructor(readonly ms: number) {
    super(`the request took over its time budget of ${ms / 1000} s and was stopped: ask for less (a filter, a smaller limit) or try again later`);
  }
}

/**
 * Milliseconds left of `b` (Infinity without one: loads, the CLI). Throws BudgetExceeded when
 * nothing is left, so no new query starts after the deadline.
 */
export function remainingMs(b: Budget | undefined): number {
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

/** Whether `b` has run out of time (without throwing); marks it spent when its deadline has passed. */
export function isExpired(b: Budget | undefined): boolean {
  if (!b) return false;
  if (!b.expired && Date.now() >= b.deadline) expire(b);
  return !!b.expired;
}

/**
 * `work`, or the budget's error as soon as the request's deadline passes, whichever comes first:
 * the answer leaves on time while the work winds down behind it (Kuzu notices its own timeout
 * only between operators, seconds late under load).
 */
function beforeDeadline<T>(b: Budget, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expire(b)), Math.max(0, b.deadline - Date.now()));
  });
  work.catch(() => undefined); // a failure after the deadline has no one left to tell
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * A read made for a request (budget `b`), which stops rather than fails once the request is out of
 * time: started after the deadline, or settling after it, it never settles. The request has been
 * answered with TIMEOUT at the deadline (withBudget); failing instead would fail each of the
 * thousands of fields waiting on the read, an error object each (70,000 of them, seconds of CPU on
 * the event loop, for `units(limit: 500) { leads { task } }`). The stalled work is collected with the
 * request. A store's own timeout counts as the deadline.
 */
export function readInTime<T>(b: Budget | undefined, read: () => Promise<T>): Promise<T> {
  checkCarried(b);
  if (!b) return read();
  if (isExpired(b)) return stalled();
  // Whether the deadline has passed is read from the clock when the read settles: no timer per read.
  return new Promise<T>((resolve, reject) => {
    read().then(
      (value) => {
        if (!isExpired(b)) resolve(value);
      },
      (err: unknown) => {
        if (isStoreTimeout(err)) expire(b);
        if (!isExpired(b)) reject(err);
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
