import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import kuzu from 'kuzu';
import { kuzuAddColumns, kuzuParams, kuzuSchema, toKuzu } from './dialect';
import { checkFreeSpace, DEFAULT_MIN_FREE_BYTES, freeBytes } from './disk';
import type { GraphRows } from './graph-rows';
import { csvTables } from './kuzu-csv';
import { NODES, RELS, type NodeDef, type RelDef } from './model';
import { readInTime, remainingMs, type Budget } from './budget';
import { safeNumber } from './values';
import { pacer } from '../pace';
import { serialiser, StoreError, StoreMemoryExceeded, type GraphStore, type Params, type QueryRunner, type Row } from './store';

type Connection = InstanceType<typeof kuzu.Connection>;
type Prepared = Awaited<ReturnType<Connection['prepare']>>;

const READ_CONNECTIONS = 4;
/** Reads outside a request (the loader, the CLI) are not timed; Kuzu takes no "never", so an hour. */
const NO_BUDGET_TIMEOUT_MS = 3_600_000;
const BUFFER_POOL_BYTES = 1 << 30; // the default of KUZU_BUFFER_POOL_MB (config.ts)
/**
 * Kuzu folds its write-ahead log into the database file once the log passes this size. Its
 * default (16 MB) checkpoints every ~250 plans during a large load, and each checkpoint rewrites
 * more of a growing file (12 s of the 1,000-plan benchmark); at 256 MB a load checkpoints once,
 * when the store closes. Committed transactions are durable in the log either way.
 */
const CHECKPOINT_THRESHOLD_BYTES = 256 << 20;

/**
 * The embedded store: Kuzu on a directory under DATA_DIR. Reads go to a few connections in
 * turn; writes are serialised on one connection inside BEGIN TRANSACTION … COMMIT.
 */
export class KuzuStore implements GraphStore {
  readonly kind = 'embedded' as const;
  roundTrips = 0;
  private readonly db: InstanceType<typeof kuzu.Database>;
  private readonly writer: Connection;
  private readonly readers: Connection[];
  /** One query at a time per connection: Kuzu 0.11 crashes the process when two run on one connection at once. */
  private readonly readerQueues: Array<<T>(job: () => Promise<T>) => Promise<T>>;
  /** Queries queued or running on each reader connection: a read goes to the least busy one. */
  private readonly pending: number[];
  private readonly prepared = new Map<Connection, Map<string, Promise<Prepared>>>();
  private readonly serialise = serialiser();

  /**
   * `bulkTmpDir`: where the bulk path writes its CSV files (the system's temporary directory by default);
   * `minFreeBytes`: free space below which writes are refused (disk.ts); `bufferPoolBytes`: Kuzu's buffer pool.
   */
  constructor(readonly location: string, private readonly opts: { bulkTmpDir?: string; minFreeBytes?: number; bufferPoolBytes?: number } = {}) {
    mkdirSync(dirname(location), { recursive: true });
    try {
      accessSync(dirname(location), constants.W_OK);
    } catch {
      throw new StoreError(`cannot open the embedded graph database at ${location}: its folder is not writable by this user. Give DATA_DIR a folder the app may write to.`);
    }
    try {
      this.db = new kuzu.Database(location, opts.bufferPoolBytes ?? BUFFER_POOL_BYTES, true, false, 0, true, CHECKPOINT_THRESHOLD_BYTES);
      this.db.initSync();
    } catch (err) {
      throw new StoreError(whyNotOpened(location, (err as Error).message));
    }
    // One thread for writes: the loader's statements are small, so it loads as fast as several
    // threads do (interleaved runs of 400 plans), and a misread of the kind dialect.ts works
    // around then happens every time rather than now and then, so the tests see it.
    this.writer = new kuzu.Connection(this.db, 1);
    this.readers = Array.from({ length: READ_CONNECTIONS }, () => new kuzu.Connection(this.db));
    this.readerQueues = this.readers.map(() => serialiser());
    this.pending = this.readers.map(() => 0);
  }

  async ensureSchema(): Promise<void> {
    for (const ddl of kuzuSchema(NODES, RELS)) await this.exec(this.writer, ddl, {});
    // A database made by an earlier version lacks properties added since (Task.deadline…): add them.
    for (const def of [...NODES.map((n) => ({ table: n.label, props: n.props })), ...RELS.map((r) => ({ table: r.type, props: r.props }))]) {
      const have = new Set((await this.exec(this.writer, `CALL TABLE_INFO('${def.table}') RETURN name`, {})).map((r) => r.name as string));
      for (const ddl of kuzuAddColumns(def.table, def.props, have)) await this.exec(this.writer, ddl, {});
    }
  }

  /**
   * A read, stopped when the request it serves runs out of time (budget.ts). Heavy requests never
   * use the last connection, so light questions and /healthz always find one free.
   */
  run(query: string, params: Params = {}, budget?: Budget): Promise<Row[]> {
    return readInTime(budget, () => {
      const usable = budget?.heavy ? this.readers.length - 1 : this.readers.length;
      let i = 0;
      for (let j = 1; j < usable; j++) if (this.pending[j]! < this.pending[i]!) i = j;
      const conn = this.readers[i]!;
      this.pending[i]!++;
      return this.readerQueues[i]!(async () => {
        const left = remainingMs(budget);
        conn.setQueryTimeout(Number.isFinite(left) ? Math.max(1, Math.ceil(left)) : NO_BUDGET_TIMEOUT_MS);
        return this.exec(conn, query, params).catch(rethrowBufferFull);
      }).finally(() => this.pending[i]!--);
    });
  }

  /** Refuses (StorageFull) when the data's disk is nearly full, before anything is written. */
  private checkSpace(): void {
    checkFreeSpace(dirname(this.location), this.opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES);
  }

  diskSpace() {
    const dir = dirname(this.location);
    return { dir, freeBytes: freeBytes(dir), minFreeBytes: this.opts.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES };
  }

  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.serialise(async () => {
      this.checkSpace();
      await this.exec(this.writer, 'BEGIN TRANSACTION', {});
      try {
        const result = await work({ run: (q, p = {}) => this.exec(this.writer, q, p) });
        await this.exec(this.writer, 'COMMIT', {});
        return result;
      } catch (err) {
        // A failed statement has already ended the transaction in Kuzu; ROLLBACK may find none.
        await this.exec(this.writer, 'ROLLBACK', {}).catch(() => undefined);
        // Kuzu 0.11 leaves rolled-back relationship inserts half-visible to the next writer
        // ("Write-write conflict"); a checkpoint settles them. Failures are rare, so the cost is too.
        await this.exec(this.writer, 'CHECKPOINT', {}).catch(() => undefined);
        // Statements prepared inside a rolled-back transaction are not reused.
        this.prepared.delete(this.writer);
        throw err;
      }
    });
  }

  /**
   * The bulk path: every table copied in from CSV files, all in one transaction (copyIn). Kuzu
   * 0.11 crashes the process when a COPY into a table that once held deleted rows fails and is
   * rolled back, so the (empty) tables are first dropped and declared afresh; readers are let finish first, and no statement
   * prepared for the old tables is reused.
   */
  bulkLoad(rows: GraphRows): Promise<void> {
    return this.serialise(async () => {
      this.checkSpace();
      if ((await this.exec(this.writer, 'MATCH (n) RETURN n.id AS id LIMIT 1', {})).length > 0) {
        throw new Error('the embedded store is not empty: a bulk load only goes into an empty store (load with --reset)');
      }
      await Promise.all(this.readerQueues.map((q) => q(async () => undefined)));
      for (const r of [...RELS].reverse()) await this.exec(this.writer, `DROP TABLE IF EXISTS ${r.type}`, {});
      for (const n of [...NODES].reverse()) await this.exec(this.writer, `DROP TABLE IF EXISTS ${n.label}`, {});
      this.prepared.clear();
      for (const ddl of kuzuSchema(NODES, RELS)) await this.exec(this.writer, ddl, {});
      await this.copyIn(rows, NODES, RELS);
    });
  }

  /**
   * Rows written to CSV files in a temporary directory (always removed) and copied into their
   * (empty, freshly declared) tables with COPY FROM, in one transaction. On the writer's queue.
   */
  private async copyIn(rows: GraphRows, nodes: readonly NodeDef[], rels: readonly RelDef[]): Promise<void> {
    const dir = mkdtempSync(join(this.opts.bulkTmpDir ?? tmpdir(), 'kuzu-copy-'));
    try {
      const { tables, fixUps } = csvTables(dir, rows, nodes, rels);
      await this.exec(this.writer, 'BEGIN TRANSACTION', {});
      try {
        // Each file is copied in while the next ones are written: the copy runs on Kuzu's thread,
        // the writing on this one (at 10,000 plans they took 13.5 s and 9 s one after the other).
        // The copies run in order; once one fails, no further file is written.
        let copying: Promise<unknown> = Promise.resolve();
        let failed = false;
        try {
          for (const t of tables) {
            if (failed) break;
            const copy = await t.write();
            copying = copying.then(() => this.exec(this.writer, copy, {}));
            copying.catch(() => (failed = true));
          }
        } catch (err) {
          await copying.catch(() => undefined); // no rollback while a copy runs
          throw err;
        }
        await copying;
        for (const f of fixUps) {
          // The label and property come from model.ts, never from input.
          await this.exec(this.writer, `UNWIND $rows AS row MATCH (n:${f.label}) WHERE n.id = row.id SET n.${f.prop} = row.values`, { rows: f.rows });
          await this.exec(this.writer, `UNWIND $ids AS id MATCH (n:${f.label}) WHERE n.id = id SET n.${f.prop} = NULL`, { ids: f.nulls });
        }
        await this.exec(this.writer, 'COMMIT', {});
      } catch (err) {
        await this.exec(this.writer, 'ROLLBACK', {}).catch(() => undefined);
        await this.exec(this.writer, 'CHECKPOINT', {}).catch(() => undefined);
        this.prepared.delete(this.writer);
        throw err;
      }
      // Fold the copy into the database file now: until then its pages stay pinned in the buffer
      // pool, and later writes ran out of it ("the buffer pool is full") two thousand plans on.
      await this.exec(this.writer, 'CHECKPOINT', {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * An empty relationship table filled by COPY FROM, in one transaction: as the bulk path does,
   * the table is declared afresh first (a failed COPY into a table that once held rows crashes
   * Kuzu 0.11). Only at open, before anything is read.
   */
  fillRelationships(type: string, rows: Row[]): Promise<void> {
    const rel = RELS.find((r) => r.type === type);
    if (!rel) throw new Error(`no relationship type ${type} in the model`);
    return this.serialise(async () => {
      this.checkSpace();
      if (Number((await this.exec(this.writer, `MATCH ()-[e:${rel.type}]->() RETURN count(*) AS n`, {}))[0]?.n) !== 0) throw new Error(`${rel.type} is not empty: it is filled only once`);
      await Promise.all(this.readerQueues.map((q) => q(async () => undefined)));
      await this.exec(this.writer, `DROP TABLE IF EXISTS ${rel.type}`, {});
      this.prepared.clear();
      for (const ddl of kuzuSchema([], [rel])) await this.exec(this.writer, ddl, {});
      await this.copyIn({ nodes: {}, rels: { [rel.type]: rows } }, [], [rel]);
    });
  }

  checkpoint(): Promise<void> {
    return this.serialise(async () => {
      await this.exec(this.writer, 'CHECKPOINT', {});
    });
  }

  private async exec(conn: Connection, query: string, params: Params): Promise<Row[]> {
    this.roundTrips++;
    // The writer connection only ever runs write transactions (and the schema's DDL).
    const { query: text, skip } = kuzuParams(toKuzu(query, { inWriteTransaction: conn === this.writer }), params);
    if (skip) return [];
    if (Object.keys(params).length === 0 && !text.includes('$')) {
      const res = await conn.query(text);
      return collect(res);
    }
    let cache = this.prepared.get(conn);
    if (!cache) this.prepared.set(conn, (cache = new Map()));
    let ps = cache.get(text);
    if (!ps) cache.set(text, (ps = conn.prepare(text)));
    const stmt = await ps;
    if (!stmt.isSuccess()) {
      cache.delete(text);
      throw new Error(stmt.getErrorMessage());
    }
    return collect(await conn.execute(stmt, params as Record<string, never>));
  }

  async close(): Promise<void> {
    // Fold the write-ahead log into the database file: a store closed on SIGTERM opens clean and fast.
    await this.serialise(() => this.exec(this.writer, 'CHECKPOINT', {}).catch(() => undefined));
    await Promise.all(this.readerQueues.map((q) => q(async () => undefined)));
    for (const c of [...this.readers, this.writer]) await c.close();
    await this.db.close();
  }
}


/**
 * Why the database would not open, and what to do. Besides a second copy of the app holding its
 * lock, Kuzu 0.11 (whose development has stopped) may fail to replay its write-ahead log when the
 * process was killed while checkpointing (SIGKILL during the checkpoint of a stop that was not
 * waited for, after uploads; measured here at 10,000 plans): "Found duplicated primary key value".
 * The database file then still holds the graph as of its last checkpoint. The log is not moved
 * aside here: that drops committed writes, the operator's call.
 */
export function whyNotOpened(location: string, message: string): string {
  const wal = `${location}.wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  if (/lock/i.test(message) || walBytes === 0) {
    return `cannot open the embedded graph database at ${location}: ${message}. Is another copy of the app running on the same DATA_DIR? Stop it, or set DATA_DIR to another folder.`;
  }
  return `cannot open the embedded graph database at ${location}: its write-ahead log ${wal} (${(walBytes / 1048576).toFixed(1)} MB, the writes since the last checkpoint) could not be replayed: ${message}. ` +
    'This happens when the app is killed while it checkpoints (give it time to stop). To open the graph as it was at its last checkpoint, ' +
    `stop every copy of the app and move ${wal} aside; the writes in it are then lost from the graph (plans uploaded through the app since are kept in DATA_DIR/originals and can be uploaded again).`;
}

/**
 * The rows of a result. Kuzu's async getAll() hands rows over one thread-pool round trip at a time
 * (1.6 s for 40,000 rows on this machine); getNextSync() reads the same rows in 30 ms. A large result
 * lets the event loop turn every 10 ms (pace.ts), so other requests are not held up (a row may carry
 * a task's whole text: 5,000 of them took half a second).
 */
async function collect(res: Awaited<ReturnType<Connection['execute']>>): Promise<Row[]> {
  const results = Array.isArray(res) ? res : [res];
  const rows: Row[] = [];
  for (const r of results) {
    const pace = pacer();
    while (r.hasNext()) {
      rows.push(plain(r.getNextSync()) as Row);
      const turn = pace();
      if (turn) await turn;
    }
    r.close();
  }
  return rows;
}

/** Kuzu nodes/rels carry _id/_label/_src/_dst: keep only their properties, as Neo4j rows do. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return safeNumber(v);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('_nodes' in o && '_rels' in o) return { nodes: plain(o._nodes), rels: plain(o._rels) };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (k === '_id' || k === '_src' || k === '_dst') continue;
      out[k === '_label' ? 'label' : k] = plain(x);
    }
    return out;
  }
  return v;
}

/**
 * A read that filled the buffer pool (KUZU_BUFFER_POOL_MB, shared by the reads under way) is the
 * question's to narrow, as on Neo4j (neo4j-store.ts), not an internal error: 50 cooperation links'
 * units read at once did it at 10,000 plans.
 */
function rethrowBufferFull(err: unknown): never {
  const message = (err as Error)?.message ?? '';
  if (/Buffer manager exception/i.test(message)) throw new StoreMemoryExceeded(`the embedded store's buffer pool is full: ${message.split('\n')[0]!}`);
  throw err;
}
