/** One interface for the two graph stores; both run the Cypher text in cypher/. */
export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface QueryRunner {
  run(query: string, params?: Params): Promise<Row[]>;
}

export interface GraphStore extends QueryRunner {
  readonly kind: 'neo4j' | 'embedded';
  /** Where the data lives, for logs and /healthz (never includes a password). */
  readonly location: string;
  /** Create tables / constraints and indexes if missing. */
  ensureSchema(): Promise<void>;
  /** Run `work` in one write transaction: all of it is committed, or none of it. */
  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  /** Queries sent to the store so far (for the no-N+1 tests and for metrics). */
  readonly roundTrips: number;
  close(): Promise<void>;
}

/** A store problem a user can act on (unreachable server, wrong password, locked file). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
