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

/**
 * `list` takes the ids as `param` (`$ids`), `one` the same columns for one `$id`; `extra`, other
 * parameters of both. Tasks, and the assignments, leaders and regions of tasks, are read so. More
 * than `oneByOneMax` ids are read with `list` on the embedded store too: a task's assignments one
 * by one take 1–2 ms each, the list's scan of every assignment 0.5–1.4 s whatever the ids (10,000
 * plans: even at 300–500 ids).
 */
export async function rowsByIds(
  store: Pick<GraphStore, 'kind' | 'run'>, ids: readonly string[], list: string, one: string,
  { param = 'ids', extra = {}, oneByOneMax = Infinity }: { param?: string; extra?: Record<string, unknown>; oneByOneMax?: number } = {},
): Promise<Row[]> {
  if (store.kind !== 'embedded' || ids.length > oneByOneMax) return store.run(read(list), { [param]: [...ids], ...extra });
  const rows = await Promise.all([...new Set(ids)].map((id) => store.run(read(one), { id, ...extra })));
  return rows.flat();
}
