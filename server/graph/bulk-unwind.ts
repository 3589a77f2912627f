/**
 * The bulk path in portable Cypher (cypher/bulk/): nodes, then relationships, created from large
 * UNWIND batches, each batch a transaction of its own. Neo4j's bulk path (a transaction per
 * batch keeps its memory bounded); it runs on the embedded store too, and the tests run it on
 * both. The store was empty, so a failure is undone by
 * deleting everything: the store is left as it was, empty.
 */
import type { GraphRows } from './graph-rows';
import { NODES, RELS } from './model';
import { bulk } from './queries';
import { StoreError, type GraphStore, type Row } from './store';

export const BULK_BATCH_ROWS = 10_000;
/**
 * A batch also stops at this many characters of text: Neo4j holds a transaction's rows and what
 * they write in its memory, which is capped per transaction (256 MB on the local launcher, and on
 * many servers). 10,000 documents with their full texts (90 MB at 10,000 plans) went over it.
 */
export const BULK_BATCH_CHARS = 8_000_000;

/** `data` cut into runs of at most `maxRows` rows and about `maxChars` characters of text (a longer row goes alone). */
export function batchesOf<T extends Row>(data: readonly T[], maxRows = BULK_BATCH_ROWS, maxChars = BULK_BATCH_CHARS): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let chars = 0;
  for (const row of data) {
    const size = rowChars(row);
    if (batch.length > 0 && (batch.length >= maxRows || chars + size > maxChars)) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(row);
    chars += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** The characters a row carries (its strings, also in lists), plus a little per value. */
function rowChars(row: Row): number {
  let n = 0;
  for (const v of Object.values(row)) {
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) for (const x of v) n += typeof x === 'string' ? x.length : 8;
    n += 8;
  }
  return n;
}

/** Statement per node label and relationship type; units are split by whether any note wrote them (aliases). */
const NODE_STATEMENTS: Array<[label: string, statement: string, keep?: (r: Row) => boolean]> = [
  ['Region', 'create-regions'], ['Document', 'create-documents'], ['Task', 'create-tasks'],
  ['Unit', 'create-units', (r) => Array.isArray(r.aliases)], ['Unit', 'create-units-unwritten', (r) => !Array.isArray(r.aliases)],
  ['Leader', 'create-leaders'], ['RegionLink', 'create-region-links'], ['RegionTally', 'create-region-tallies'], ['UnitPair', 'create-unit-pairs'],
];
const REL_STATEMENTS: Array<[type: string, statement: string]> = [
  ['WITHIN', 'create-within'], ['ISSUED_IN', 'create-issued-in'], ['HAS_TASK', 'create-has-task'], ['IN_JURISDICTION', 'create-in-jurisdiction'],
  ['MEMBER_OF', 'create-member-of'], ['MENTIONS', 'create-mentions'], ['LEADS', 'create-leads'], ['RESPONSIBLE_FOR', 'create-responsible'],
  ['PARTICIPATES_IN', 'create-participates'], ['OVERSEES', 'create-oversees'], ['TIES', 'create-ties'],
];

/**
 * How long the undo keeps trying when the server went away in the middle (Neo4j stopped or
 * restarting): the batches committed before are deleted once it is back, so the load is all or
 * nothing. Past this, the error says to reset the store.
 */
export const BULK_UNDO_RETRY_MS = 180_000;

export async function unwindBulkLoad(
  store: Pick<GraphStore, 'write' | 'run'>, rows: GraphRows,
  { batchRows = BULK_BATCH_ROWS, batchChars = BULK_BATCH_CHARS, undoRetryMs = BULK_UNDO_RETRY_MS } = {},
): Promise<void> {
  if ((await store.run(bulk('any-node'))).length > 0) throw new Error('the store is not empty: a bulk load only goes into an empty store (load with --reset)');
  checkEnds(rows);
  const batches: Array<[string, Row[]]> = [];
  for (const [label, statement, keep] of NODE_STATEMENTS) {
    // A null the statement does not read is left out: the embedded store types rows from the first.
    const data = (rows.nodes[label] ?? []).filter(keep ?? (() => true)).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
    for (const batch of batchesOf(data, batchRows, batchChars)) batches.push([statement, batch]);
  }
  for (const [type, statement] of REL_STATEMENTS) {
    for (const batch of batchesOf(rows.rels[type] ?? [], batchRows, batchChars)) batches.push([statement, batch]);
  }
  try {
    for (const [statement, data] of batches) await store.write((tx) => tx.run(bulk(statement), { rows: data }));
  } catch (err) {
    const deadline = Date.now() + undoRetryMs;
    for (let delay = 500; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        for (;;) {
          const [r] = await store.write((tx) => tx.run(bulk('delete-some')));
          if (!r || Number(r.deleted) === 0) break;
        }
        break;
      } catch (undo) {
        if (!(undo instanceof StoreError) || Date.now() >= deadline) {
          throw new Error(`${(err as Error).message}; undoing the partial load failed too (${(undo as Error).message}): empty the store with npm run load -- --reset`);
        }
        await new Promise((r) => setTimeout(r, delay)); // the server is away: wait for it
      }
    }
    throw err;
  }
}

/**
 * Every relationship's ends are among the nodes loaded. `MATCH … CREATE` skips a row whose node
 * is missing without a word (Neo4j), where the embedded store's copy fails naming it: refuse
 * such rows before writing anything, naming the first, on both.
 */
function checkEnds(rows: GraphRows): void {
  const ids = new Map(NODES.map((n) => [n.label, new Set((rows.nodes[n.label] ?? []).map((r) => r.id as string))]));
  for (const rel of RELS) {
    for (const r of rows.rels[rel.type] ?? []) {
      const missing = !ids.get(rel.from)!.has(r.fromId as string) ? `${rel.from} ${String(r.fromId)}` : !ids.get(rel.to)!.has(r.toId as string) ? `${rel.to} ${String(r.toId)}` : '';
      if (missing) throw new Error(`bulk load: a ${rel.type} relationship (${String(r.fromId)} → ${String(r.toId)}) names ${missing}, which is not among the nodes loaded; nothing was written`);
    }
  }
}

/**
 * Relationships of a new kind written into a store that has none of them (a store of an earlier
 * version; GraphStore.fillRelationships where the store has its own way): in batches, a
 * transaction each; when one fails, those written go again, so that the next open starts afresh.
 */
export async function unwindRelationships(store: Pick<GraphStore, 'write'>, statement: string, undo: string, rows: Row[], batchRows = BULK_BATCH_ROWS): Promise<void> {
  try {
    for (let i = 0; i < rows.length; i += batchRows) await store.write((tx) => tx.run(bulk(statement), { rows: rows.slice(i, i + batchRows) }));
  } catch (err) {
    for (;;) {
      const [r] = await store.write((tx) => tx.run(bulk(undo)));
      if (!r || Number(r.deleted) === 0) break;
    }
    throw err;
  }
}
