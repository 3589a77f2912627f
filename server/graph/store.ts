/** One interface for the two graph stores; both run the Cypher text in cypher/. */
import type { Budget } from './budget';
import type { GraphRows } from './graph-rows';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface QueryRunner {
  run(query: string, params?: Params): Promise<Row[]>;
  /**
   * In a write: says what the write changes (dependencies.ts tags), so that only what depends on
   * it is forgotten. A write that never calls it changed everything. Absent outside CachedStore.
   */
  changes?(tags: Iterable<string>): void;
}

export interface GraphStore extends QueryRunner {
  /** A read; `budget`, the request it is made for (graph/budget.ts; a request's store view passes it). */
  run(query: string, params?: Params, budget?: Budget): Promise<Row[]>;
  readonly kind: 'neo4j' | 'embedded';
  /** Where the data lives, for logs and /healthz (never includes a password). */
  readonly location: string;
  /** Create tables / constraints and indexes if missing. */
  ensureSchema(): Promise<void>;
  /**
   * Run `work` in one write transaction: all of it is committed, or none of it. Writes from one
   * process run one at a time: the loader reads what the store holds, then creates what is new.
   */
  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  /**
   * Write a whole graph into an empty store at once, all of it or nothing (loader.ts decides when):
   * the embedded store copies CSV files into its tables, Neo4j creates in large UNWIND batches.
   */
  bulkLoad?(rows: GraphRows): Promise<void>;
  /**
   * Fill an empty relationship table at once, all of it or nothing: a new kind of edge written for
   * a store of an earlier version (the embedded store copies a CSV file; elsewhere
   * bulk-unwind.ts unwindRelationships).
   */
  fillRelationships?(type: string, rows: Row[]): Promise<void>;
  /** Fold what is committed into the store's files and free the memory it holds (the embedded store). */
  checkpoint?(): Promise<void>;
  /** Free space where the store keeps its data, and the least a write needs (the embedded store; disk.ts). */
  diskSpace?(): { dir: string; freeBytes: number; minFreeBytes: number };
  /**
   * A token that changes whenever anyone commits a write to the store, this process or another
   * (Neo4j, which several app instances and `npm run load` may share; the embedded store is locked
   * to one process and has none). CachedStore polls it to drop answers another process made stale.
   */
  changeToken?(): Promise<string>;
  /**
   * Whether every write committed between two change tokens was made by this process (whose
   * writes have already said what they changed). False when it cannot tell; undefined while a
   * write of this process is under way (it may have committed and not yet been recorded): ask again.
   */
  ownCommitsOnly?(from: string, to: string): boolean | undefined;
  /** Queries sent to the store so far (for the no-N+1 tests and for metrics). */
  readonly roundTrips: number;
  close(): Promise<void>;
}

/** A store problem a user can act on (unreachable server, wrong password, locked file). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/**
 * A read that needed more memory than the store gives one query (Neo4j: db.memory.transaction.max):
 * the asker's to narrow, not an outage, and not worth retrying.
 */
export class StoreMemoryExceeded extends Error {
  override readonly name = 'StoreMemoryExceeded';
  constructor(detail: string) {
    super(`the question reads more than the store allows one query to hold (${detail}): ask for less (a filter, a smaller limit, fewer nested lists)`);
  }
}

/** Runs the jobs given to it one after another, each once the previous one has settled. */
export function serialiser(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = last.then(job);
    last = run.catch(() => undefined);
    return run;
  };
}
