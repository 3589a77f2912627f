import { load } from './queries';
import type { GraphStore } from './store';

/** Nodes deleted per transaction: a few tens of MB of transaction state on Neo4j. */
const BATCH = 10_000;

/**
 * Delete everything in the store, a batch per transaction: one DETACH DELETE of a whole province
 * would exceed what Neo4j lets one transaction hold (db.memory.transaction.max).
 */
export async function emptyStore(store: GraphStore): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await store.write((tx) => tx.run(load('delete-some'), { limit: BATCH }));
    const deleted = Number(row?.deleted ?? 0);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
