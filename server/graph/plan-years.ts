import { documentYearProps } from '../extract/plan-year';
import { load, read } from './queries';
import type { GraphStore } from './store';

/**
 * Keeps every Document's plan year and series equal to what extract/plan-year.ts derives from its
 * title, number, date and jurisdiction. Documents loaded before these properties existed have none
 * (Neo4j: null; the embedded store: the column's default, -1 and ''), and a load that finds a
 * document unchanged does not rewrite it: so this runs when a store is opened, and writes only the
 * documents whose stored values differ (none, on a store loaded by this version). Returns how many.
 */
export async function syncPlanYears(store: GraphStore): Promise<number> {
  const rows = await store.run(read('document-years'));
  const stale = rows.flatMap((r) => {
    const want = documentYearProps({
      title: r.title as string, issuer: r.issuer as string | null, docNumber: r.docNumber as string | null, date: r.date as string | null,
    }, r.jurisdictionCode as string | null);
    const same = (Object.keys(want) as Array<keyof typeof want>).every((k) => r[k] === want[k]);
    return same ? [] : [{ id: r.id as string, ...want }];
  });
  for (let i = 0; i < stale.length; i += 1000) {
    const batch = stale.slice(i, i + 1000);
    await store.write((tx) => tx.run(load('set-document-years'), { rows: batch }));
  }
  return stale.length;
}
