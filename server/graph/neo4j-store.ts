import { isStoreTimeout, readInTime, remainingMs, type Budget } from './budget';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { unwindBulkLoad } from './bulk-unwind';
import { OwnCommits } from './neo4j-bookmarks';
import type { GraphRows } from './graph-rows';
import { NEO4J_SCHEMA, read } from './queries';
import { safeNumber } from './values';
import { serialiser, StoreError, StoreMemoryExceeded, type GraphStore, type Params, type QueryRunner, type Row } from './store';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** How long to keep retrying while the server starts (docker compose up). */
  connectTimeoutMs?: number;
  /** Longest a single transaction may run before the server aborts it. */
  queryTimeoutMs?: number;
}

const RETRYABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Neo4j through the official driver: one driver per process, a session per unit of work,
 * managed transactions (executeRead / executeWrite, which the driver retries on transient
 * errors), integers converted both ways without loss.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  roundTrips = 0;
  /** Writes of this process under way (ownCommitsOnly). */
  private writing = 0;
  readonly location: string;
  private readonly driver: Driver;
  private readonly serialise = serialiser();
  /**
   * Every session of this process shares one bookmark manager, so that on a cluster a read
   * (routed to a secondary by executeRead) waits for this process's last write to reach it:
   * an answer never predates the load that the read cache was just cleared for.
   */
  private readonly bookmarks = neo4j.bookmarkManager();
  /** The transactions this process committed: its own writes, when the change token moves. */
  private readonly own = new OwnCommits();

  private constructor(private readonly opts: Neo4jOptions) {
    this.location = `${opts.uri}${opts.database ? ` (database ${opts.database})` : ''}`;
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      // Under a request's 10 s budget (QUERY_TIMEOUT_MS): a Neo4j that is down is answered
      // STORE_UNAVAILABLE once its retries give up, not TIMEOUT.
      maxTransactionRetryTime: 5_000,
      userAgent: 'plan-graph-explorer',
    });
  }

  /** Connect, retrying with backoff while the server starts; fail with a message naming the URI. */
  static async connect(opts: Neo4jOptions): Promise<Neo4jStore> {
    const store = new Neo4jStore(opts);
    const deadline = Date.now() + (opts.connectTimeoutMs ?? 60_000);
    let delay = 250;
    for (;;) {
      try {
        await store.driver.verifyConnectivity({ database: opts.database });
        return store;
      } catch (err) {
        const e = err as { code?: string; message: string };
        if (e.code === 'Neo.ClientError.Security.Unauthorized' || e.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
          await store.driver.close();
          throw new StoreError(`Neo4j at ${opts.uri} refused user "${opts.user}": check NEO4J_USER and NEO4J_PASSWORD (${e.message})`);
        }
        if (e.code === 'Neo.ClientError.Database.DatabaseNotFound') {
          await store.driver.close();
          throw new StoreError(`Neo4j at ${opts.uri} has no database "${opts.database}": create it or unset NEO4J_DATABASE`);
        }
        if (Date.now() >= deadline || (e.code && !RETRYABLE.has(e.code))) {
          await store.driver.close();
          throw new StoreError(
            `cannot reach Neo4j at ${opts.uri}: ${e.message}. Is the server running and is the URI right? ` +
              'Start one with `npm run neo4j` (or `docker compose up -d neo4j`), or unset NEO4J_URI to use the embedded store.',
          );
        }
        await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
        delay = Math.min(delay * 2, 4_000);
      }
    }
  }

  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      for (const statement of NEO4J_SCHEMA) {
        this.roundTrips++;
        await session.run(statement);
      }
    } finally {
      await session.close();
    }
  }

  /** A read, given only what is left of its request's time (budget.ts) as its transaction timeout. */
  run(query: string, params: Params = {}, budget?: Budget): Promise<Row[]> {
    return readInTime(budget, async () => {
      const timeout = Math.min(this.opts.queryTimeoutMs ?? 15_000, Math.max(1, Math.ceil(remainingMs(budget))));
      const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
      try {
        return await session.executeRead((tx) => this.exec(tx, query, params).catch(rethrowMemoryLimit), { timeout });
      } catch (err) {
        throw isStoreTimeout(err) ? err : this.explain(err);
      } finally {
        await session.close();
      }
    });
  }

  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.serialise(() => this.writeNow(work));
  }

  /**
   * The bookmark a read comes back with: the database's last committed transaction, whoever
   * committed it (a session of its own, outside the shared bookmark manager, so it is the
   * server's latest, not ours). Opaque, but equal exactly when nothing was committed in between.
   */
  async changeToken(): Promise<string> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
    try {
      // Not counted in roundTrips: those are the questions' reads (the no-N+1 tests count them).
      await session.executeRead((tx) => tx.run(read('ping')), { timeout: 5_000 });
      return session.lastBookmarks().join(' ');
    } catch (err) {
      throw this.explain(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Whether every commit between two change tokens was this process's own (neo4j-bookmarks.ts);
   * undefined while a write of ours is under way: its commit may be in the stretch and not yet
   * recorded (a poll that saw it then forgot every kept answer, tests/api/instances.test.ts).
   */
  ownCommitsOnly(from: string, to: string): boolean | undefined {
    if (this.own.onlyOwnBetween(from, to)) return true;
    return this.writing > 0 ? undefined : false;
  }

  /** Large UNWIND batches, a transaction each (bulk-unwind.ts); reads route as usual. */
  bulkLoad(rows: GraphRows): Promise<void> {
    return unwindBulkLoad(this, rows);
  }

  private async writeNow<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    this.writing++;
    try {
      const done = await session.executeWrite((tx) => work({ run: (q, p = {}) => this.exec(tx, q, p) }), { timeout: this.opts.queryTimeoutMs ?? 60_000 });
      this.own.add(session.lastBookmarks());
      return done;
    } catch (err) {
      throw this.explain(err);
    } finally {
      this.writing--;
      await session.close();
    }
  }

  private async exec(tx: ManagedTransaction, query: string, params: Params): Promise<Row[]> {
    this.roundTrips++;
    const result = await tx.run(query, toNeo4j(params) as Record<string, unknown>);
    return result.records.map((r) => fromNeo4j(r.toObject()) as Row);
  }

  /** Connection loss becomes a StoreError naming the server; query errors pass through. */
  private explain(err: unknown): unknown {
    const e = err as { code?: string; message?: string };
    if (e.code && RETRYABLE.has(e.code)) {
      return new StoreError(`Neo4j at ${this.opts.uri} is unavailable: ${e.message}. The API will recover when the server is back.`);
    }
    return err;
  }

  async close(): Promise<void> {
    await this.serialise(async () => undefined);
    await this.driver.close();
  }
}

/**
 * Neo4j's memory refusals are transient errors, which executeRead would retry for 30 s, each try
 * failing alike and holding the pool the other queries share: they become StoreMemoryExceeded,
 * which the driver does not retry and the API answers as the asker's to narrow.
 */
function rethrowMemoryLimit(err: unknown): never {
  const e = err as { code?: string; message?: string };
  if (/MemoryPoolOutOfMemoryError|TransactionMemoryLimit|MemoryLimitExceeded/.test(e?.code ?? '')) {
    throw new StoreMemoryExceeded((e.message ?? e.code ?? '').split('\n')[0]!);
  }
  throw err;
}

/** Whole numbers go as Neo4j integers (a JS number would be stored as a float). */
function toNeo4j(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toNeo4j);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNeo4j(x)]));
  return v;
}

function fromNeo4j(v: unknown): unknown {
  if (neo4j.isInt(v)) return safeNumber(BigInt((v as { toString(): string }).toString()));
  if (Array.isArray(v)) return v.map(fromNeo4j);
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { ...(fromNeo4j(n.properties) as object), label: n.labels[0] ?? null };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as { type: string; properties: Record<string, unknown> };
    return { ...(fromNeo4j(r.properties) as object), label: r.type };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { start: unknown; segments: Array<{ relationship: unknown; end: unknown }> };
    return { nodes: [p.start, ...p.segments.map((s) => s.end)].map(fromNeo4j), rels: p.segments.map((s) => fromNeo4j(s.relationship)) };
  }
  if (v && typeof v === 'object' && !(v instanceof Date) && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromNeo4j(x)]));
  }
  return v;
}
