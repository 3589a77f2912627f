import { load } from './queries';
import type { GraphStore } from './store';

/** Relationships or nodes deleted per transaction: a few MB of transaction state on Neo4j. */
const BATCH = 5_000;

/**
 * Delete everything in the store, a batch per transaction, relationships first: one DETACH DELETE
 * of a whole province (or of 10,000 nodes, some with thousands of relationships) exceeds what Neo4j
 * lets one transaction hold (db.memory.transaction.max).
 */
export async function emptyStore(store: GraphStore): Promise<number> {
  let total = 0;
  for (const statement of ['delete-some-relationships', 'delete-some'] as const) {
    for (;;) {
      const [row] = await store.write((tx) => tx.run(load(statement), { limit: BATCH }));
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      if (deleted < BATCH) break;
    }
  }
  return total;
}
