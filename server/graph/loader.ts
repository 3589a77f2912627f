import type { ExtractedDocument, ExtractedRegion, ExtractedUnit, ExtractResult } from '../extract/contract';
import { splitLevelPrefix, variantsOf } from '../extract/unit-names';
import { ROLE_RELS } from './model';
import { load } from './queries';
import type { GraphStore, QueryRunner } from './store';

export interface LoadOutcome {
  documentId: string;
  status: 'added' | 'replaced' | 'failed';
  error?: string;
}

/** One statement per relationship type of model.ts's ROLE_RELS (a type cannot be a parameter). */
const ROLE_STATEMENT: Record<keyof typeof ROLE_RELS, string> = { lead: 'create-leads', responsible: 'create-responsible', participant: 'create-participates' };

/**
 * Load an extraction into the store, one transaction per document: a document that fails
 * leaves nothing behind and the others still load. Loading the same result twice changes
 * nothing; a document whose text changed has its old tasks and assignments replaced.
 */
export async function loadExtraction(
  store: GraphStore,
  result: Pick<ExtractResult, 'documents' | 'units' | 'regions'> & { texts?: Record<string, string> },
  onDocument?: (outcome: LoadOutcome, index: number) => void,
): Promise<LoadOutcome[]> {
  const units = new Map(result.units.map((u) => [u.id, u]));
  const regions = new Map(result.regions.map((r) => [r.id, r]));
  const outcomes: LoadOutcome[] = [];
  for (const [i, doc] of result.documents.entries()) {
    let outcome: LoadOutcome;
    try {
      const existed = await store.write((tx) => loadDocument(tx, doc, units, regions, result.texts?.[doc.id] ?? ''));
      outcome = { documentId: doc.id, status: existed ? 'replaced' : 'added' };
    } catch (err) {
      outcome = { documentId: doc.id, status: 'failed', error: (err as Error).message };
    }
    outcomes.push(outcome);
    onDocument?.(outcome, i);
  }
  if (outcomes.some((o) => o.status === 'replaced')) {
    // A replaced document may have been the last to name some units. This runs in its own
    // transaction, on committed data: Kuzu 0.11 misreads the relationships of a stored node within
    // the transaction that deleted and re-created them, and so dropped units the new version still
    // names. Should it fail, the orphans stay until the next replacement.
    try {
      await store.write(async (tx) => {
        await tx.run(load('delete-orphan-collectives'));
        await tx.run(load('delete-orphan-units'));
        await tx.run(load('delete-orphan-leaders'));
      });
    } catch (err) {
      throw new Error(`the documents are loaded, but removing the units no document names any more failed: ${(err as Error).message}`);
    }
  }
  return outcomes;
}

async function loadDocument(
  tx: QueryRunner, doc: ExtractedDocument, allUnits: Map<string, ExtractedUnit>, allRegions: Map<string, ExtractedRegion>, raw: string,
): Promise<boolean> {
  const existed = (await tx.run(load('document-exists'), { id: doc.id })).length > 0;

  // The units this document names, and the members of its collectives.
  const unitIds = new Set(doc.tasks.flatMap((t) => t.assignments.map((a) => a.unitId)));
  for (const id of [...unitIds]) for (const m of allUnits.get(id)?.members ?? []) unitIds.add(m);
  const units = [...unitIds].map((id) => {
    const u = allUnits.get(id);
    if (!u) throw new Error(`${doc.id}: unit ${id} is named by a task but missing from the extraction`);
    return u;
  });

  // The regions it touches, with everything they lie within.
  const regionIds = new Set<string>();
  const addRegion = (id: string | null | undefined) => {
    const r = id ? allRegions.get(id) : undefined;
    if (!r || regionIds.has(r.id)) return;
    regionIds.add(r.id);
    addRegion(r.within);
    r.partOf.forEach(addRegion);
  };
  addRegion(doc.jurisdiction?.code);
  for (const t of doc.tasks) t.regions.forEach((r) => addRegion(r.id));
  for (const u of units) {
    addRegion(u.jurisdiction.code);
    addRegion(u.region);
    // Units are found through their jurisdiction (cypher/load/unit-aliases.cypher says why).
    if (!regionIds.has(u.jurisdiction.code)) throw new Error(`${doc.id}: the jurisdiction ${u.jurisdiction.code} of unit ${u.id} is missing from the extraction`);
  }
  const regions = [...regionIds].map((id) => allRegions.get(id)!);

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
  await tx.run(load('create-tasks'), {
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

  for (const [role, statement] of Object.entries(ROLE_STATEMENT)) {
    const assignments = doc.tasks.flatMap((t) => t.assignments.filter((a) => a.role === role).map((a) => ({ ...a, taskId: t.id })));
    for (const [jurisdictionCode, group] of groupBy(assignments, (a) => allUnits.get(a.unitId)!.jurisdiction.code)) {
      // One list per field (cypher/load/create-leads.cypher says why).
      await tx.run(load(statement), {
        documentId: doc.id, jurisdictionCode,
        unitIds: group.map((a) => a.unitId), taskIds: group.map((a) => a.taskId), inferred: group.map((a) => a.inferred),
        clauses: group.map((a) => a.clause), quotes: group.map((a) => a.quote), quoteStarts: group.map((a) => a.start),
        quoteEnds: group.map((a) => a.end), surfaces: group.map((a) => a.surface), surfaceStarts: group.map((a) => a.surfaceStart),
        surfaceEnds: group.map((a) => a.surfaceEnd),
      });
    }
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

/** Units and leaders of a document whose government cannot be told hang from this code. */
const UNKNOWN_JURISDICTION = '000000';

/** A leader is one per jurisdiction and name (王 健 and 王健 are one: the contract drops the spaces). */
export function leaderId(jurisdictionCode: string, name: string): string {
  return `${jurisdictionCode}:${name}`;
}

/** Map.groupBy arrives with Node 21; the project targets Node 20. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Everything a unit is called, so search finds it by any of them (发改委 → 发展和改革委员会). */
export function unitSearchText(name: string, aliases: readonly string[]): string {
  const forms = new Set<string>([name, ...aliases]);
  for (const n of [name, ...aliases]) {
    const { prefix, core } = splitLevelPrefix(n);
    for (const v of variantsOf(core)) forms.add(prefix + v);
  }
  return [...forms].join('|');
}
