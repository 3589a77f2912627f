import type { GraphStore, Params, QueryRunner, Row } from './store';

/**
 * A read cache in front of a store. The graph changes only when something is written, so
 * identical reads share one answer: cleared on every write through this process, and kept at
 * most `ttlMs` (Neo4j may be written by other processes; the embedded store is locked to this
 * one). Concurrent identical reads share one in-flight query. Rows are shared: callers must
 * not mutate them (resolvers and loaders only read).
 */
export class CachedStore implements GraphStore {
  private readonly entries = new Map<string, { at: number; rows: Promise<Row[]> }>();
  /** Counts the writes through this process: answers cached above the store (api/response-cache.ts) are keyed by it. */
  generation = 0;

  constructor(readonly inner: GraphStore, private readonly opts: { maxEntries?: number; ttlMs?: number } = {}) {}

  get kind() { return this.inner.kind; }
  get ttlMs() { return this.opts.ttlMs; }
  get location() { return this.inner.location; }
  get roundTrips() { return this.inner.roundTrips; }

  ensureSchema(): Promise<void> {
    return this.inner.ensureSchema();
  }

  run(query: string, params: Params = {}): Promise<Row[]> {
    const key = `${query}\u0000${JSON.stringify(params)}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < (this.opts.ttlMs ?? Infinity)) {
      // Refresh its place: the map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.rows;
    }
    const rows = this.inner.run(query, params);
    this.entries.set(key, { at: now, rows });
    rows.catch(() => this.entries.delete(key)); // failures are not remembered
    const max = this.opts.maxEntries ?? 5000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    return rows;
  }

  async write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    try {
      return await this.inner.write(work);
    } finally {
      this.entries.clear();
      this.generation++;
    }
  }

  get checkpoint(): GraphStore['checkpoint'] {
    return this.inner.checkpoint?.bind(this.inner);
  }

  get bulkLoad(): GraphStore['bulkLoad'] {
    const inner = this.inner;
    return inner.bulkLoad && (async (rows) => {
      try {
        await inner.bulkLoad!(rows);
      } finally {
        this.entries.clear();
        this.generation++;
      }
    });
  }

  close(): Promise<void> {
    this.entries.clear();
    return this.inner.close();
  }
}
