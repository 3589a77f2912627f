import type { GraphStore, Params, QueryRunner, Row } from './store';

/**
 * A read cache in front of a store. The graph changes only when something is written, so
 * identical reads share one answer: cleared on every write through this process and, when the
 * store can be written by others (Neo4j: more app instances, `npm run load`), whenever its
 * change token moves, polled every `watchMs`; a write elsewhere is seen here within
 * watchMs + one round trip. The embedded store is locked to this process. Concurrent identical
 * reads share one in-flight query. Rows are shared: callers must not mutate them (resolvers and
 * loaders only read).
 */
export class CachedStore implements GraphStore {
  private readonly entries = new Map<string, Promise<Row[]>>();
  /** Counts the writes seen (through this process, or another's by the change token): answers cached above the store (api/response-cache.ts) are keyed by it. */
  generation = 0;

  private readonly watcher: NodeJS.Timeout | undefined;

  constructor(readonly inner: GraphStore, private readonly opts: { maxEntries?: number; watchMs?: number } = {}) {
    if (opts.watchMs && inner.changeToken) this.watcher = this.watch(inner.changeToken.bind(inner), opts.watchMs);
  }

  /** Polls the store's change token; the first answer only sets what is known. */
  private watch(token: () => Promise<string>, every: number): NodeJS.Timeout {
    let known: string | undefined;
    let polling = false;
    const timer = setInterval(() => {
      if (polling) return; // a slow store: one poll at a time
      polling = true;
      token()
        .then((t) => {
          if (known !== undefined && t !== known) this.forget();
          known = t;
        })
        // Unreachable: nothing kept can be vouched for; the next answer says so or is fresh.
        .catch(() => { known = undefined; this.forget(); })
        .finally(() => { polling = false; });
    }, every);
    timer.unref();
    return timer;
  }

  private forget(): void {
    this.entries.clear();
    this.generation++;
  }

  get kind() { return this.inner.kind; }
  get location() { return this.inner.location; }
  get roundTrips() { return this.inner.roundTrips; }

  ensureSchema(): Promise<void> {
    return this.inner.ensureSchema();
  }

  run(query: string, params: Params = {}): Promise<Row[]> {
    const key = `${query}\u0000${JSON.stringify(params)}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh its place: the map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const rows = this.inner.run(query, params);
    this.entries.set(key, rows);
    rows.catch(() => this.entries.delete(key)); // failures are not remembered
    const max = this.opts.maxEntries ?? 5000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    return rows;
  }

  async write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    try {
      return await this.inner.write(work);
    } finally {
      this.forget();
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
        this.forget();
      }
    });
  }

  close(): Promise<void> {
    clearInterval(this.watcher);
    this.entries.clear();
    return this.inner.close();
  }
}
