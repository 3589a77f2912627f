import {
  applyCounts, applyLink, applyPair, countsOfRow, emptyCounts, readTallies, writeTallies, jurisdictionOfUnit, linkCountsOf, linkRow, pairRow, unitAnalyticsRow,
  type LinkCounts, type PairCounts,
} from './analytics';
import { groupBy, removeOrphans, storedContribution } from './loader';
import { load } from './queries';
import type { GraphStore, Row } from './store';
import { UNKNOWN_JURISDICTION } from './unit-text';

/**
 * Remove one document: its tasks with their assignments and mentions, the document node, then
 * (in a transaction of its own, as after a replacement in loader.ts) the units, collectives and
 * leaders no document names any more. The kept analytics (units' load counts, region links, unit
 * pairs) lose what the document added, in the same transaction as the delete, exactly as a new
 * version replacing it would subtract the old one. Answers false when there was no such document.
 */
export async function unloadDocument(store: GraphStore, documentId: string): Promise<boolean> {
  const existed = await store.write(async (tx) => {
    if ((await tx.run(load('document-exists'), { id: documentId })).length === 0) return false;
    // Read everything before writing (Kuzu misreads rows changed in the running transaction).
    const old = await storedContribution(tx, documentId);
    const touchedUnits = groupBy([...old.contribution.units.keys()], (id) => old.unitJurisdictions.get(id) ?? UNKNOWN_JURISDICTION);
    const countsBefore = new Map<string, Row>();
    for (const [jurisdictionCode, ids] of touchedUnits) {
      for (const r of await tx.run(load('unit-analytics'), { jurisdictionCode, ids })) countsBefore.set(r.id as string, r);
    }
    const touchedLinks = [...old.contribution.links.keys()];
    const linksBefore = new Map((await tx.run(load('region-links'), { ids: touchedLinks })).map((r): [string, LinkCounts] => [r.id as string, linkCountsOf(r)]));
    const talliesBefore = await readTallies(tx, [...old.contribution.tallies.keys()]);
    const pairsBefore = new Map<string, PairCounts>();
    for (const [jurisdictionCode, ids] of groupBy([...old.contribution.pairs.keys()], jurisdictionOfUnit)) {
      for (const r of await tx.run(load('unit-pairs'), { jurisdictionCode, ids })) {
        pairsBefore.set(r.id as string, { a: r.aId as string, b: r.bId as string, tasks: Number(r.tasks) });
      }
    }

    await tx.run(load('delete-document-tasks'), { documentId });
    await tx.run(load('delete-document'), { documentId });

    // The analytics after: before − what the document added.
    for (const [jurisdictionCode, ids] of touchedUnits) {
      const rows = ids.filter((id) => countsBefore.has(id)).map((id) => unitAnalyticsRow(id, applyCounts(
        countsBefore.has(id) ? countsOfRow(countsBefore.get(id)!) : emptyCounts(), old.contribution.units.get(id), undefined)));
      await tx.run(load('set-unit-analytics'), { jurisdictionCode, rows });
    }
    const links = touchedLinks.map((id) => ({ id, ...applyLink(linksBefore.get(id), old.contribution.links.get(id), undefined) }));
    await tx.run(load('delete-region-links'), { ids: [...linksBefore.keys()] });
    await tx.run(load('create-region-links'), {
      rows: links.filter((l) => l.tasks > 0).map(linkRow),
    });
    await writeTallies(tx, talliesBefore, old.contribution.tallies, new Map());
    const pairs = [...old.contribution.pairs.keys()].map((id) => applyPair(pairsBefore.get(id), old.contribution.pairs.get(id), undefined));
    for (const [jurisdictionCode, ids] of groupBy([...pairsBefore.keys()], jurisdictionOfUnit)) {
      await tx.run(load('delete-unit-pairs'), { jurisdictionCode, ids });
    }
    await tx.run(load('create-unit-pairs'), { rows: pairs.filter((p) => p.tasks > 0).map(pairRow) });
    return true;
  });
  if (!existed) return false;
  try {
    await removeOrphans(store);
  } catch (err) {
    throw new Error(`${documentId} is deleted, but removing the units no document names any more failed (they go with the next delete or replacement): ${(err as Error).message}`);
  }
  return true;
}
