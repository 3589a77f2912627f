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
  /** A request whose estimated cost makes it heavy: the stores keep a connection free of such requests. */
  heavy?: boolean;
}

const current = new AsyncLocalStorage<Budget>();

/** Run `work` with a budget of `ms` milliseconds from now. */
export function withBudget<T>(ms: number, work: () => T): T {
  return current.run({ deadline: Date.now() + ms, ms }, work);
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
  if (left <= 0) {
    b.expired = true;
    throw new BudgetExceeded(b.ms);
  }
  return left;
}

/** Whether a store's error is its own timeout (Kuzu: "Interrupted"; Neo4j: TransactionTimedOut). */
export function isStoreTimeout(err: unknown): boolean {
  const e = err as { message?: string; code?: string };
  return /TransactionTimedOut/.test(e?.code ?? '') || /^Interrupted/i.test(e?.message ?? '');
}
