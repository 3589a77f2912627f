import { unbudgeted, type Budget } from './budget';
import type { GraphStore, Params, QueryRunner, Row } from './store';

/**
 * The store as one request sees it: every read carries the request's time budget (budget.ts),
 * however deep the code that makes it, because that code was handed this view (ctx.store, the
 * request's loaders). Without a budget, the view of the services (servicesStore). Everything
 * else is the store's own.
 */
export class RequestStore implements GraphStore {
  constructor(readonly base: GraphStore, readonly budget: Budget | undefined) {}

  run(query: string, params?: Params): Promise<Row[]> {
    const budget = this.budget;
    return budget ? this.base.run(query, params, budget) : unbudgeted(() => this.base.run(query, params));
  }

  get kind() { return this.base.kind; }
  get location() { return this.base.location; }
  get roundTrips() { return this.base.roundTrips; }
  ensureSchema(): Promise<void> { return this.base.ensureSchema(); }
  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> { return this.base.write(work); }
  get bulkLoad() { return this.base.bulkLoad?.bind(this.base); }
  get fillRelationships() { return this.base.fillRelationships?.bind(this.base); }
  get checkpoint() { return this.base.checkpoint?.bind(this.base); }
  get diskSpace() { return this.base.diskSpace?.bind(this.base); }
  get changeToken() { return this.base.changeToken?.bind(this.base); }
  get ownCommitsOnly() { return this.base.ownCommitsOnly?.bind(this.base); }
  close(): Promise<void> { return this.base.close(); }
}

/** The store behind a request's view (what caches kept across requests are keyed by). */
export const storeBehind = (store: GraphStore): GraphStore => (store instanceof RequestStore ? store.base : store);

/**
 * The store as the services beside the graph see it (corrections, uploads, progress: services.ts):
 * their reads prepare a write or build what every request shares (the progress links), so no one
 * request's budget stops them halfway (a write left undone, a shared index that never settles).
 */
export const servicesStore = (store: GraphStore): GraphStore => new RequestStore(store, undefined);
