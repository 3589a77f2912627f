import { checkCarried, outOfTime, type Budget } from './budget';
import { ANY, readTags, touches } from './dependencies';
import type { GraphStore, Params, QueryRunner, Row } from './store';

interface Entry {
  rows: Promise<Row[]>;
  /** What the read depends on (dependencies.ts). */
  tags: ReadonlySet<string>;
  /** The request it was read for, until it has its rows: a read its request's budget stopped never settles (budget.ts). */
  owner?: Budget;
}

/**
 * A read cache in front of a store. The graph changes only when something is written, so
 * identical reads share one answer. A write through this process forgets the reads that depend on
 * what it says it changed (dependencies.ts), all of them when it says nothing; when the store can
 * be written by others (Neo4j: more app instances, `npm run load`), everything is forgotten
 * whenever its change token moves for a write not made here, polled every `watchMs`: a write
 * elsewhere is seen here within watchMs + one round trip. The embedded store is locked to this process. Concurrent identical
 * reads share one in-flight query. Rows are shared: callers must not mutate them (resolvers and
 * loaders only read).
 *
 * The request a read is made for (its budget, graph/budget.ts) is told the tags of every read it makes, so that
 * its whole answer can be kept until one of them changes (api/response-cache.ts).
 */
export class CachedStore implements GraphStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: Array<(changed: ReadonlySet<string> | null) => void> = [];

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
          // Writes of this process have forgotten what they changed; another's, everything. While a
          // write of ours is under way its commit may not be recorded yet: the next poll decides.
          const own = known === undefined || t === known ? true : this.inner.ownCommitsOnly ? this.inner.ownCommitsOnly(known, t) : false;
          if (own === undefined) return;
          if (!own) this.forget();
          known = t;
        })
        // Unreachable: nothing kept can be vouched for; the next answer says so or is fresh.
        .catch(() => { known = undefined; this.forget(); })
        .finally(() => { polling = false; });
    }, every);
    timer.unref();
    return timer;
  }

  /** Forgets what depends on `changed` (null: everything) and tells the listeners. */
  private forget(changed: ReadonlySet<string> | null = null): void {
    if (!changed || changed.has(ANY)) this.entries.clear();
    else for (const [key, e] of this.entries) if (touches(changed, e.tags)) this.entries.delete(key);
    for (const l of this.listeners) l(changed);
  }

  /** Calls `listener` after every write seen, with what it changed (null: everything). */
  onChange(listener: (changed: ReadonlySet<string> | null) => void): void {
    this.listeners.push(listener);
  }

  get kind() { return this.inner.kind; }
  get location() { return this.inner.location; }
  get roundTrips() { return this.inner.roundTrips; }

  ensureSchema(): Promise<void> {
    return this.inner.ensureSchema();
  }

  run(query: string, params: Params = {}, budget?: Budget): Promise<Row[]> {
    checkCarried(budget);
    const key = `${query}\u0000${JSON.stringify(params)}`;
    const reads = budget?.reads;
    let hit = this.entries.get(key);
    // Stopped with its request, it would never answer the next asker: read again.
    if (hit?.owner && outOfTime(hit.owner)) hit = undefined;
    if (hit) {
      // Refresh its place: the map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      for (const t of hit.tags) reads?.add(t);
      return hit.rows;
    }
    const entry: Entry = { rows: this.inner.run(query, params, budget), tags: new Set(readTags(query, params)), owner: budget };
    for (const t of entry.tags) reads?.add(t);
    this.entries.set(key, entry);
    entry.rows.then(
      () => { entry.owner = undefined; },
      // Failures are not remembered.
      () => { if (this.entries.get(key) === entry) this.entries.delete(key); },
    );
    const max = this.opts.maxEntries ?? 5000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    return entry.rows;
  }

  async write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    let changed: Set<string> | null = new Set();
    try {
      return await this.inner.write((tx) => work({ run: (q, p) => tx.run(q, p), changes: (tags) => { for (const t of tags) changed?.add(t); } }));
    } catch (err) {
      changed = null; // rolled back, or not: nothing kept can be vouched for
      throw err;
    } finally {
      this.forget(changed?.size ? changed : null);
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
