/**
 * Rows by id through the primary key: where the two stores differ in how they plan it.
 *
 * Neo4j seeks the index once per id in `UNWIND $ids AS k … MATCH (t:Task {id: k})`. The embedded
 * store (Kuzu 0.11) plans the same as a hash join over a scan of the whole table with every property
 * returned (PROFILE: 197,607 tasks scanned for 200 ids, 100–400 ms at 10,000 plans, and ten times
 * that at 100,000), while a statement for one id is an index look-up (under 1 ms): there, one
 * statement per id (200 tasks: 41–57 ms; 10: 4–6 ms; 1: 1 ms, measured on 10,000 plans).
 */
import { read } from './queries';
import type { GraphStore, Row } from './store';

/** `list` takes `$ids`; `one` the same columns for `$id`. */
export async function rowsByIds(store: Pick<GraphStore, 'kind' | 'run'>, ids: readonly string[], list: string, one: string): Promise<Row[]> {
  if (store.kind !== 'embedded') return store.run(read(list), { ids: [...ids] });
  const rows = await Promise.all([...new Set(ids)].map((id) => store.run(read(one), { id })));
  return rows.flat();
}
