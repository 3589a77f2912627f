import { StorageFull } from './disk';
import type { ExtractedDocument, ExtractedRegion, ExtractedUnit, ExtractResult } from '../extract/contract';
import {
  applyCounts, applyLink, applyPair, contributionOf, countsOfRow, emptyContribution, emptyCounts, readTallies, touchedTallies, writeTallies, jurisdictionOfUnit, linkCountsOf, linkRow, pairRow, tieRows, unitAnalyticsRow,
  type Contribution, type LinkCounts, type PairCounts, type TaskFacts,
} from './analytics';
import { graphRows, prepareDocument, type GraphRows, type PreparedDocument } from './graph-rows';
import { ROLE_RELS } from './model';
import { bulk, load, read } from './queries';
import { StoreError, type GraphStore, type QueryRunner, type Row } from './store';
import { leaderId, UNKNOWN_JURISDICTION, unitSearchText } from './unit-text';
import { documentYearProps } from '../extract/plan-year';

export { leaderId, unitSearchText };

export interface LoadOutcome {
  documentId: string;
  /** `unchanged`: with skipUnchanged, the store already held exactly this; nothing was written. */
  status: 'added' | 'replaced' | 'unchanged' | 'failed';
  error?: string;
  /** Failed because the store could not be reached (a StoreError): try again once it is back. */
  storeUnavailable?: true;
}

export interface LoadOptions {
  /**
   * `incremental`: a transaction per document. `bulk`: the whole batch at once through the
   * store's bulk path (the store must be empty). `auto` (default): bulk for a first load of at
   * least BULK_MIN_DOCUMENTS documents into an empty store, incremental otherwise.
   */
  mode?: 'auto' | 'bulk' | 'incremental';
  /**
   * Leave alone a stored document whose load would write exactly what it holds (same text, same
   * extraction of it and of its units): loading the same files again then costs a look-up each.
   */
  skipUnchanged?: boolean;
  /** Told once the documents are checked and the bulk path starts writing (for progress). */
  onBulk?: (info: { documents: number; rows: number }) => void;
}

/**
 * A long run of per-document loads checkpoints the embedded store this often: Kuzu 0.11 keeps
 * what each transaction changed in its buffer pool until a checkpoint, and the load counts a
 * document updates filled it some 1,400 replaced plans into a run.
 */
export const CHECKPOINT_EVERY_DOCUMENTS = 250;

/** Below this, a first load goes a document at a time: a bad document then fails alone. */
export const BULK_MIN_DOCUMENTS = 50;

/** One statement per relationship type of model.ts's ROLE_RELS (a type cannot be a parameter). */
const ROLE_STATEMENT: Record<keyof typeof ROLE_RELS, string> = { lead: 'create-leads', responsible: 'create-responsible', participant: 'create-participates' };

type Extraction = Pick<ExtractResult, 'documents' | 'units' | 'regions'> & { texts?: Record<string, string> };

/**
 * Load an extraction into the store. Incrementally, one transaction per document: a document
 * that fails leaves nothing behind and the others still load; loading the same result twice
 * changes nothing; a document whose text changed has its old tasks and assignments replaced.
 * In bulk (a first load into an empty store), the whole batch in one go: all of it or nothing.
 * Either way the units' load counts and the region links are written with the documents.
 */
export async function loadExtraction(
  store: GraphStore, result: Extraction, onDocument?: (outcome: LoadOutcome, index: number) => void, opts: LoadOptions = {},
): Promise<LoadOutcome[]> {
  const units = new Map(result.units.map((u) => [u.id, u]));
  const regions = new Map(result.regions.map((r) => [r.id, r]));
  if (await bulkApplies(store, result, opts.mode ?? 'auto')) return loadInBulk(store, result, units, regions, onDocument, opts);

  const stored = opts.skipUnchanged
    ? new Map((await store.run(read('document-hashes'), { ids: result.documents.map((d) => d.id) })).map((r) => [r.id as string, r.loadHash as string]))
    : new Map<string, string>();
  const outcomes: LoadOutcome[] = [];
  for (const [i, doc] of result.documents.entries()) {
    let outcome: LoadOutcome;
    try {
      const prepared = prepareDocument(doc, units, regions, result.texts?.[doc.id] ?? '');
      if (stored.get(doc.id) === prepared.loadHash) {
        outcome = { documentId: doc.id, status: 'unchanged' };
        outcomes.push(outcome);
        onDocument?.(outcome, i);
        continue;
      }
      const existed = await store.write((tx) => loadDocument(tx, prepared, units, result.texts?.[doc.id] ?? ''));
      outcome = { documentId: doc.id, status: existed ? 'replaced' : 'added' };
    } catch (err) {
      // A full disk fails every document alike: stop, and say so (the caller answers STORAGE_FULL).
      if (err instanceof StorageFull) throw err;
      outcome = { documentId: doc.id, status: 'failed', error: (err as Error).message, ...(err instanceof StoreError ? { storeUnavailable: true as const } : {}) };
    }
    outcomes.push(outcome);
    onDocument?.(outcome, i);
    if ((i + 1) % CHECKPOINT_EVERY_DOCUMENTS === 0) await store.checkpoint?.();
  }
  if (outcomes.some((o) => o.status === 'replaced')) {
    // A replaced document may have been the last to name some units. This runs in its own
    // transaction, on committed data: Kuzu 0.11 misreads the relationships of a stored node within
    // the transaction that deleted and re-created them, and so dropped units the new version still
    // names. Should it fail, the orphans stay until the next replacement.
    try {
      await removeOrphans(store);
    } catch (err) {
      throw new Error(`the documents are loaded, but removing the units no document names any more failed: ${(err as Error).message}`);
    }
  }
  return outcomes;
}

async function bulkApplies(store: GraphStore, result: Extraction, mode: NonNullable<LoadOptions['mode']>): Promise<boolean> {
  if (mode === 'incremental') return false;
  const reason = !store.bulkLoad ? `the ${store.kind} store has no bulk path`
    : new Set(result.documents.map((d) => d.id)).size < result.documents.length ? 'two documents have the same id'
    : (await store.run(bulk('any-node'))).length > 0 ? 'the store is not empty (a bulk load only goes into an empty store; load with --reset to empty it first)'
    : null;
  if (mode === 'bulk' && reason) throw new Error(`cannot load in bulk: ${reason}`);
  return !reason && (mode === 'bulk' || result.documents.length >= BULK_MIN_DOCUMENTS);
}

/** Every document checked, then all of them written at once; a failure writes nothing. */
async function loadInBulk(
  store: GraphStore, result: Extraction, units: Map<string, ExtractedUnit>, regions: Map<string, ExtractedRegion>,
  onDocument: ((outcome: LoadOutcome, index: number) => void) | undefined, opts: LoadOptions,
): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = [];
  const prepared: PreparedDocument[] = [];
  for (const doc of result.documents) {
    try {
      prepared.push(prepareDocument(doc, units, regions, result.texts?.[doc.id] ?? ''));
      outcomes.push({ documentId: doc.id, status: 'added' });
    } catch (err) {
      outcomes.push({ documentId: doc.id, status: 'failed', error: (err as Error).message });
    }
  }
  if (prepared.length > 0) {
    const rows: GraphRows = graphRows(prepared, result);
    opts.onBulk?.({ documents: prepared.length, rows: Object.values({ ...rows.nodes, ...rows.rels }).reduce((n, r) => n + r.length, 0) });
    try {
      await store.bulkLoad!(rows);
    } catch (err) {
      const error = `the bulk load of ${prepared.length} documents failed, so none of them was written: ${(err as Error).message}`;
      for (const o of outcomes) if (o.status === 'added') Object.assign(o, { status: 'failed', error, ...(err instanceof StoreError ? { storeUnavailable: true } : {}) });
    }
  }
  outcomes.forEach((o, i) => onDocument?.(o, i));
  return outcomes;
}

/** What a stored document added to the analytics, read before a new version replaces it. */
export async function storedContribution(tx: QueryRunner, documentId: string): Promise<{ contribution: Contribution; unitJurisdictions: Map<string, string> }> {
  const tasks = new Map<string, TaskFacts & { jurisdiction: string | null; assignments: Array<{ unitId: string; role: string }>; mentions: string[]; carriers: string[] }>();
  const task = (id: string) => {
    let t = tasks.get(id);
    if (!t) tasks.set(id, (t = { id, dueDate: '', assignments: [], mentions: [], carriers: [], jurisdiction: null }));
    return t;
  };
  const unitJurisdictions = new Map<string, string>();
  for (const r of await tx.run(load('document-assignments'), { documentId })) {
    const t = task(r.taskId as string);
    if (r.deadlineKind === 'date' && r.deadlineDate) t.dueDate = r.deadlineDate as string;
    t.assignments.push({ unitId: r.unitId as string, role: r.role as string });
    if (r.unitRegion) t.carriers.push(r.unitRegion as string);
    unitJurisdictions.set(r.unitId as string, r.jurisdictionCode as string);
  }
  for (const r of await tx.run(load('document-mentions'), { documentId })) {
    const t = task(r.taskId as string);
    t.jurisdiction = (r.jurisdictionCode as string | null) ?? null;
    if (r.regionId) t.mentions.push(r.regionId as string);
  }
  return { contribution: contributionOf(tasks.values()), unitJurisdictions };
}

async function loadDocument(tx: QueryRunner, prepared: PreparedDocument, allUnits: Map<string, ExtractedUnit>, raw: string): Promise<boolean> {
  const { doc, units, regions } = prepared;
  const regionIds = new Set(regions.map((r) => r.id));
  const existed = (await tx.run(load('document-exists'), { id: doc.id })).length > 0;

  // The analytics before this load, read before anything is written (Kuzu misreads rows changed in
  // the running transaction): what the old version added, and the counts and links it touches.
  const old = existed ? await storedContribution(tx, doc.id) : { contribution: emptyContribution(), unitJurisdictions: new Map<string, string>() };
  const added = contributionOf(prepared.facts);
  const touchedUnits = groupBy([...new Set([...old.contribution.units.keys(), ...added.units.keys()])],
    (id) => allUnits.get(id)?.jurisdiction.code ?? old.unitJurisdictions.get(id) ?? UNKNOWN_JURISDICTION);
  const countsBefore = new Map<string, Row>();
  for (const [jurisdictionCode, ids] of touchedUnits) {
    for (const r of await tx.run(load('unit-analytics'), { jurisdictionCode, ids })) countsBefore.set(r.id as string, r);
  }
  const touchedLinks = [...new Set([...old.contribution.links.keys(), ...added.links.keys()])];
  const linksBefore = new Map((await tx.run(load('region-links'), { ids: touchedLinks })).map((r): [string, LinkCounts] => [r.id as string, linkCountsOf(r)]));
  const talliesBefore = await readTallies(tx, touchedTallies(old.contribution, added));
  const touchedPairs = [...new Set([...old.contribution.pairs.keys(), ...added.pairs.keys()])];
  const pairsBefore = new Map<string, PairCounts>();
  // By jurisdiction: the store holds many pairs, and matching a list of ids is a scan on the embedded store.
  for (const [jurisdictionCode, ids] of groupBy(touchedPairs, jurisdictionOfUnit)) {
    for (const r of await tx.run(load('unit-pairs'), { jurisdictionCode, ids })) {
      pairsBefore.set(r.id as string, { a: r.aId as string, b: r.bId as string, tasks: Number(r.tasks) });
    }
  }

  // Regions, and a unit's jurisdiction and members, are fixed by their ids: write only new ones.
  const existingRegions = new Set((await tx.run(load('existing-regions'), { ids: regions.map((r) => r.id) })).map((r) => r.id as string));
  const newRegions = regions.filter((r) => !existingRegions.has(r.id));
  await tx.run(load('create-regions'), {
    rows: newRegions.map((r) => ({ id: r.id, name: r.name, level: r.level, searchText: r.name })),
  });
  await tx.run(load('merge-within'), {
    rows: newRegions.flatMap((r) => [r.within, ...r.partOf].filter((p): p is string => !!p && regionIds.has(p)).map((p) => ({ fromId: r.id, toId: p }))),
  });

  if (existed) {
    await tx.run(load('delete-document-tasks'), { documentId: doc.id });
    await tx.run(load('delete-document'), { documentId: doc.id });
  }
  await tx.run(load('create-document'), {
    id: doc.id, file: doc.file, title: doc.title, titleInferred: doc.titleInferred, kind: doc.kind, issuer: doc.issuer ?? '',
    docNumber: doc.docNumber ?? '', date: doc.date ?? '', sha256: doc.sha256, encoding: doc.encoding, script: doc.script,
    leadRule: doc.leadRule, jurisdictionEvidence: doc.jurisdiction?.evidence ?? '', figures: JSON.stringify(doc.figures), raw,
    taskCount: doc.tasks.length, loadHash: prepared.loadHash, progress: JSON.stringify(doc.progress ?? []), ...documentYearProps(doc, doc.jurisdiction?.code),
  });
  if (doc.jurisdiction) await tx.run(load('create-document-region'), { documentId: doc.id, regionId: doc.jurisdiction.code });

  const newCollectives: ExtractedUnit[] = [];
  for (const [jurisdictionCode, group] of groupBy(units, (u) => u.jurisdiction.code)) {
    // Aliases accumulate across documents: merge with what the store already knows.
    const known = new Map(
      (await tx.run(load('unit-aliases'), { jurisdictionCode, ids: group.map((u) => u.id) }))
        .map((r) => [r.id as string, (r.aliases as string[] | null) ?? []]),
    );
    const rows = group.map((u) => {
      const before = known.get(u.id);
      const aliases = [...new Set([...(before ?? []), ...u.surfaces])].sort();
      return { unit: u, before, aliases, searchText: unitSearchText(u.name, aliases) };
    });
    const created = rows.filter((r) => r.before === undefined);
    await tx.run(load('create-units'), {
      jurisdictionCode,
      rows: created.map(({ unit: u, searchText }) => ({
        id: u.id, name: u.name, kind: u.kind, jurisdictionName: u.jurisdiction.name, region: u.region ?? '', searchText,
      })),
    });
    newCollectives.push(...created.map((r) => r.unit).filter((u) => u.members.length > 0));
    // Units nobody wrote (members known only from the divisions) have no aliases: no empty lists.
    const aliasRows = rows
      .filter((r) => r.aliases.length > (r.before?.length ?? 0))
      .map((r) => ({ id: r.unit.id, aliases: r.aliases, searchText: r.searchText }));
    await tx.run(load('set-unit-aliases'), { jurisdictionCode, rows: aliasRows });
  }
  for (const c of newCollectives) {
    for (const [jurisdictionCode, members] of groupBy(c.members, (m) => allUnits.get(m)!.jurisdiction.code)) {
      await tx.run(load('merge-members'), { collectiveId: c.id, jurisdictionCode, memberIds: members });
    }
  }

  const tasks = doc.tasks;
  // A progress report may have rows and no task of its own; Kuzu cannot type empty lists.
  if (tasks.length > 0) await tx.run(load('create-tasks'), {
    documentId: doc.id,
    ids: tasks.map((t) => t.id), refs: tasks.map((t) => t.ref), titles: tasks.map((t) => t.title),
    sections: tasks.map((t) => t.section), parts: tasks.map((t) => t.part), texts: tasks.map((t) => t.text),
    taskStarts: tasks.map((t) => t.start), taskEnds: tasks.map((t) => t.end), clauseJson: tasks.map((t) => JSON.stringify(t.clauses)),
    itemJson: tasks.map((t) => JSON.stringify(t.items)), searchTexts: tasks.map((t) => `${t.title}|${t.text}`),
    deadlineTexts: tasks.map((t) => t.deadline?.text ?? ''), deadlineDates: tasks.map((t) => t.deadline?.date ?? ''),
    deadlineKinds: tasks.map((t) => t.deadline?.kind ?? ''), deadlineStarts: tasks.map((t) => t.deadline?.start ?? -1),
    deadlineEnds: tasks.map((t) => t.deadline?.end ?? -1),
  });
  await loadLeaders(tx, doc);
  const mentions = tasks.flatMap((t) => t.regions.map((r) => ({ taskId: t.id, regionId: r.id })));
  if (mentions.length > 0) {
    await tx.run(load('create-mentions'), {
      documentId: doc.id, regionIds: [...new Set(mentions.map((m) => m.regionId))],
      taskIds: mentions.map((m) => m.taskId), mentionedIds: mentions.map((m) => m.regionId),
    });
  }
  const ties = prepared.facts.flatMap((f, i) => tieRows(f, { documentId: doc.id, ...doc.tasks[i]! }));
  if (ties.length > 0) {
    await tx.run(load('create-ties'), {
      documentId: doc.id, regionIds: [...new Set(ties.map((r) => r.toId as string))],
      taskIds: ties.map((r) => r.taskId), tiedIds: ties.map((r) => r.toId), partners: ties.map((r) => r.partner), tieStarts: ties.map((r) => r.start),
      taskRefs: ties.map((r) => r.taskRef), taskTitles: ties.map((r) => r.taskTitle),
    });
  }

  for (const [role, statement] of Object.entries(ROLE_STATEMENT)) {
    const assignments = doc.tasks.flatMap((t) => t.assignments.filter((a) => a.role === role).map((a) => ({ ...a, taskId: t.id, taskRef: t.ref, taskTitle: t.title })));
    for (const [jurisdictionCode, group] of groupBy(assignments, (a) => allUnits.get(a.unitId)!.jurisdiction.code)) {
      // One list per field (cypher/load/create-leads.cypher says why).
      await tx.run(load(statement), {
        documentId: doc.id, jurisdictionCode,
        unitIds: group.map((a) => a.unitId), taskIds: group.map((a) => a.taskId), inferred: group.map((a) => a.inferred),
        clauses: group.map((a) => a.clause), quotes: group.map((a) => a.quote), quoteStarts: group.map((a) => a.start),
        quoteEnds: group.map((a) => a.end), surfaces: group.map((a) => a.surface), surfaceStarts: group.map((a) => a.surfaceStart),
        surfaceEnds: group.map((a) => a.surfaceEnd), taskRefs: group.map((a) => a.taskRef), taskTitles: group.map((a) => a.taskTitle),
      });
    }
  }

  // The analytics after it, in the same transaction: before − old version + new version.
  for (const [jurisdictionCode, ids] of touchedUnits) {
    const rows = ids.map((id) => unitAnalyticsRow(id, applyCounts(
      countsBefore.has(id) ? countsOfRow(countsBefore.get(id)!) : emptyCounts(), old.contribution.units.get(id), added.units.get(id))));
    await tx.run(load('set-unit-analytics'), { jurisdictionCode, rows });
  }
  // Links and pairs are replaced, not merged: Kuzu 0.11's MERGE over a growing table filled its
  // buffer pool some six hundred plans into a load.
  const links = touchedLinks.map((id) => ({ id, ...applyLink(linksBefore.get(id), old.contribution.links.get(id), added.links.get(id)) }));
  await tx.run(load('delete-region-links'), { ids: [...linksBefore.keys()] });
  await tx.run(load('create-region-links'), {
    rows: links.filter((l) => l.tasks > 0).map(linkRow),
  });
  await writeTallies(tx, talliesBefore, old.contribution.tallies, added.tallies);
  const pairs = touchedPairs.map((id) => applyPair(pairsBefore.get(id), old.contribution.pairs.get(id), added.pairs.get(id)));
  for (const [jurisdictionCode, ids] of groupBy([...pairsBefore.keys()], jurisdictionOfUnit)) {
    await tx.run(load('delete-unit-pairs'), { jurisdictionCode, ids });
  }
  await tx.run(load('create-unit-pairs'), { rows: pairs.filter((p) => p.tasks > 0).map(pairRow) });

  // What a new document changed, so that kept answers about the rest stay (dependencies.ts): its
  // jurisdiction's documents, its units (their rows, assignments, partners, memberships) and their
  // jurisdictions' counts, its tasks and leaders, and the regions it names, is issued in or whose
  // governments it assigns (their links and evidence). A replaced one says nothing: it changed everything it once named too.
  if (!existed) {
    tx.changes?.([
      `doc:${doc.id}`, `jur:${doc.jurisdiction?.code ?? UNKNOWN_JURISDICTION}`, ...tasks.map((t) => `task:${t.id}`),
      ...units.flatMap((u) => [`unit:${u.id}`, `jur:${u.jurisdiction.code}`]),
      ...[...touchedUnits.keys()].map((code) => `jur:${code}`),
      ...doc.tasks.flatMap((t) => t.leaders.map((l) => `leader:${leaderId(doc.jurisdiction?.code ?? UNKNOWN_JURISDICTION, l.name)}`)),
      ...(newRegions.length > 0 ? ['regions'] : []),
      ...new Set(prepared.facts.flatMap((t) => [...(t.jurisdiction ? [t.jurisdiction] : []), ...t.mentions, ...t.carriers]).map((r) => `reg:${r}`)),
    ]);
  }
  return existed;
}

/**
 * Leaders as their own nodes, one per jurisdiction and name, shared by the documents that name
 * them; an edge per task that names them, with the post written there.
 */
async function loadLeaders(tx: QueryRunner, doc: ExtractedDocument): Promise<void> {
  const jurisdictionCode = doc.jurisdiction?.code ?? UNKNOWN_JURISDICTION;
  const named = doc.tasks.flatMap((t) => t.leaders.map((l) => ({ ...l, taskId: t.id, id: leaderId(jurisdictionCode, l.name) })));
  if (named.length === 0) return;
  const ids = [...new Set(named.map((l) => l.id))];
  const existing = new Set((await tx.run(load('existing-leaders'), { ids })).map((r) => r.id as string));
  const created = new Map<string, (typeof named)[number]>();
  for (const l of named) if (!existing.has(l.id) && !created.has(l.id)) created.set(l.id, l);
  await tx.run(load('create-leaders'), {
    rows: [...created.values()].map((l) => ({
      id: l.id, name: l.name, post: l.post ?? '', jurisdictionCode, searchText: [l.name, l.post].filter(Boolean).join('|'),
    })),
  });
  // One edge per task and leader, at the first place the task names them.
  const firstOf = new Map<string, (typeof named)[number]>();
  for (const l of named) if (!firstOf.has(`${l.taskId}|${l.id}`)) firstOf.set(`${l.taskId}|${l.id}`, l);
  const rows = [...firstOf.values()];
  await tx.run(load('create-oversees'), {
    documentId: doc.id, leaderIds: rows.map((l) => l.id), taskIds: rows.map((l) => l.taskId), posts: rows.map((l) => l.post ?? ''),
    leaderStarts: rows.map((l) => l.start), leaderEnds: rows.map((l) => l.end),
  });
}

/** Map.groupBy arrives with Node 21; the project targets Node 20. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Units, collectives and leaders no document names any more, removed in a transaction of their own. */
export function removeOrphans(store: GraphStore): Promise<void> {
  return store.write(async (tx) => {
    await tx.run(load('delete-orphan-collectives'));
    await tx.run(load('delete-orphan-units'));
    await tx.run(load('delete-orphan-leaders'));
  });
}
