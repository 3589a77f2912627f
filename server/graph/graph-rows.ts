/**
 * What a load writes, decided once for both paths: the units and regions a document brings (with
 * the checks that refuse a document), its task facts for the analytics, and, for a bulk load, the
 * whole extraction as rows per node label and relationship type with every property exactly as
 * the per-document statements in cypher/load/ write it (the store tests compare the two graphs).
 */
import { createHash } from 'node:crypto';
import type { ExtractedDocument, ExtractedRegion, ExtractedUnit, ExtractResult } from '../extract/contract';
import { contributionOf, dueJson, emptyCounts, linkRow, pairRow, tieRows, type TaskFacts } from './analytics';
import { tallyRow } from './region-tallies';
import { ROLE_RELS } from './model';
import { documentYearProps } from '../extract/plan-year';
import type { Row } from './store';
import { leaderId, UNKNOWN_JURISDICTION, unitSearchText } from './unit-text';

export interface PreparedDocument {
  doc: ExtractedDocument;
  /** The units its tasks name, and the members of its collectives. */
  units: ExtractedUnit[];
  /** The regions it touches, with everything they lie within. */
  regions: ExtractedRegion[];
  facts: Array<TaskFacts & { jurisdiction: string | null }>;
  /** A digest of all of the above and the raw text: equal digests, equal writes. */
  loadHash: string;
}

const written = new WeakMap<object, string>();
/** An extraction's unit or region as JSON, once per object. */
function jsonOf(x: object): string {
  let s = written.get(x);
  if (s === undefined) written.set(x, (s = JSON.stringify(x)));
  return s;
}

/** A document's units, regions and facts, or an error naming what the extraction lacks. */
export function prepareDocument(
  doc: ExtractedDocument, allUnits: ReadonlyMap<string, ExtractedUnit>, allRegions: ReadonlyMap<string, ExtractedRegion>, raw = '',
): PreparedDocument {
  const unitIds = new Set(doc.tasks.flatMap((t) => t.assignments.map((a) => a.unitId)));
  for (const id of [...unitIds]) for (const m of allUnits.get(id)?.members ?? []) unitIds.add(m);
  const units = [...unitIds].map((id) => {
    const u = allUnits.get(id);
    if (!u) throw new Error(`${doc.id}: unit ${id} is named by a task but missing from the extraction`);
    return u;
  });

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
  // Only regions the store will hold are issuers or mentioned (create-mentions matches them by id).
  const jurisdiction = doc.jurisdiction && regionIds.has(doc.jurisdiction.code) ? doc.jurisdiction.code : null;
  const facts = doc.tasks.map((t) => ({
    id: t.id,
    dueDate: t.deadline?.kind === 'date' && t.deadline.date ? t.deadline.date : '',
    assignments: t.assignments,
    mentions: t.regions.map((r) => r.id).filter((id) => regionIds.has(id)),
    carriers: t.assignments.map((a) => allUnits.get(a.unitId)?.region).filter((id): id is string => !!id && regionIds.has(id)),
    jurisdiction,
  }));
  const regions = [...regionIds].map((id) => allRegions.get(id)!);
  // The digest of JSON.stringify({ doc, units, regions }) and the text, the JSON written in parts
  // (the same bytes): a unit or region is written once per load, not once per document naming it.
  const hash = createHash('sha256').update('{"doc":').update(JSON.stringify(doc)).update(',"units":[');
  units.forEach((u, i) => hash.update(i ? `,${jsonOf(u)}` : jsonOf(u)));
  hash.update('],"regions":[');
  regions.forEach((r, i) => hash.update(i ? `,${jsonOf(r)}` : jsonOf(r)));
  const loadHash = hash.update(']}').update('\u0000').update(raw).digest('hex');
  return { doc, units, regions, facts, loadHash };
}

/** Rows per node label and per relationship type (`fromId`/`toId`: the end nodes' ids, then its properties). */
export interface GraphRows {
  nodes: Record<string, Row[]>;
  rels: Record<string, Row[]>;
}

/** The graph a load of these documents into an empty store leaves, as rows. */
export function graphRows(
  prepared: readonly PreparedDocument[], result: Pick<ExtractResult, 'units' | 'regions'> & { texts?: Record<string, string> },
): GraphRows {
  const allRegions = new Map(result.regions.map((r) => [r.id, r]));
  const nodes: GraphRows['nodes'] = { Region: [], Document: [], Task: [], Unit: [], Leader: [], RegionLink: [], RegionTally: [], UnitPair: [] };
  const rels: GraphRows['rels'] = Object.fromEntries(
    ['ISSUED_IN', 'HAS_TASK', ...Object.values(ROLE_RELS), 'IN_JURISDICTION', 'MEMBER_OF', 'MENTIONS', 'WITHIN', 'OVERSEES', 'TIES'].map((t) => [t, []]),
  );

  const regions = new Map<string, ExtractedRegion>();
  const units = new Map<string, ExtractedUnit>();
  for (const p of prepared) {
    for (const r of p.regions) regions.set(r.id, r);
    for (const u of p.units) units.set(u.id, u);
  }
  for (const r of regions.values()) {
    nodes.Region!.push({ id: r.id, name: r.name, level: r.level, searchText: r.name });
    for (const to of new Set([r.within, ...r.partOf])) if (to && allRegions.has(to)) rels.WITHIN!.push({ fromId: r.id, toId: to });
  }

  const { units: counts, links, pairs, tallies } = contributionOf(prepared.flatMap((p) => p.facts));
  nodes.RegionTally = [...tallies.values()].map(tallyRow);
  nodes.UnitPair = [...pairs.values()].map(pairRow);
  for (const u of units.values()) {
    const aliases = u.surfaces.length ? [...new Set(u.surfaces)].sort() : null;
    const c = counts.get(u.id) ?? emptyCounts();
    nodes.Unit!.push({
      id: u.id, name: u.name, kind: u.kind, aliases, jurisdictionCode: u.jurisdiction.code, jurisdictionName: u.jurisdiction.name,
      region: u.region ?? '', searchText: unitSearchText(u.name, aliases ?? []),
      leadTasks: c.lead, responsibleTasks: c.responsible, participantTasks: c.participant, dueCounts: dueJson(c.due),
    });
    rels.IN_JURISDICTION!.push({ fromId: u.id, toId: u.jurisdiction.code });
    for (const m of new Set(u.members)) if (units.has(m)) rels.MEMBER_OF!.push({ fromId: m, toId: u.id });
  }
  for (const l of links.values()) {
    nodes.RegionLink!.push(linkRow(l));
  }

  const leaders = new Map<string, Row>();
  for (const { doc, facts, loadHash } of prepared) {
    nodes.Document!.push({
      id: doc.id, file: doc.file, title: doc.title, titleInferred: doc.titleInferred, kind: doc.kind, issuer: doc.issuer ?? '',
      docNumber: doc.docNumber ?? '', date: doc.date ?? '', sha256: doc.sha256, encoding: doc.encoding, script: doc.script,
      leadRule: doc.leadRule, jurisdictionEvidence: doc.jurisdiction?.evidence ?? '', figures: JSON.stringify(doc.figures), raw: result.texts?.[doc.id] ?? '',
      taskCount: doc.tasks.length, loadHash, progress: JSON.stringify(doc.progress ?? []), ...documentYearProps(doc, doc.jurisdiction?.code),
    });
    if (doc.jurisdiction && regions.has(doc.jurisdiction.code)) rels.ISSUED_IN!.push({ fromId: doc.id, toId: doc.jurisdiction.code });
    const leaderJurisdiction = doc.jurisdiction?.code ?? UNKNOWN_JURISDICTION;
    for (const [i, t] of doc.tasks.entries()) {
      nodes.Task!.push({
        id: t.id, documentId: doc.id, ref: t.ref, title: t.title, section: t.section, part: t.part, text: t.text, start: t.start, end: t.end,
        clauses: JSON.stringify(t.clauses), items: JSON.stringify(t.items), searchText: `${t.title}|${t.text}`,
        deadlineText: t.deadline?.text ?? '', deadlineDate: t.deadline?.date ?? '', deadlineKind: t.deadline?.kind ?? '',
        deadlineStart: t.deadline?.start ?? -1, deadlineEnd: t.deadline?.end ?? -1,
      });
      rels.HAS_TASK!.push({ fromId: doc.id, toId: t.id });
      for (const regionId of facts[i]!.mentions) rels.MENTIONS!.push({ fromId: t.id, toId: regionId });
      rels.TIES!.push(...tieRows(facts[i]!, { documentId: doc.id, start: t.start, ref: t.ref, title: t.title }));
      for (const a of t.assignments) {
        rels[ROLE_RELS[a.role as keyof typeof ROLE_RELS]]!.push({
          fromId: a.unitId, toId: t.id, role: a.role, inferred: a.inferred, clause: a.clause, quote: a.quote, start: a.start, end: a.end,
          surface: a.surface, surfaceStart: a.surfaceStart, surfaceEnd: a.surfaceEnd, documentId: doc.id, taskId: t.id, taskRef: t.ref, taskTitle: t.title,
        });
      }
      // A leader is one per jurisdiction and name, its post the first written with it; one edge per task, where it first names them.
      const named = new Set<string>();
      for (const l of t.leaders) {
        const id = leaderId(leaderJurisdiction, l.name);
        if (!leaders.has(id)) {
          leaders.set(id, { id, name: l.name, post: l.post ?? '', jurisdictionCode: leaderJurisdiction, searchText: [l.name, l.post].filter(Boolean).join('|') });
        }
        if (named.has(id)) continue;
        named.add(id);
        rels.OVERSEES!.push({ fromId: id, toId: t.id, post: l.post ?? '', start: l.start, end: l.end, documentId: doc.id });
      }
    }
  }
  nodes.Leader = [...leaders.values()];
  return { nodes, rels };
}

/** Nodes and relationships in the rows, for progress and benchmarks. */
export function rowCount(rows: GraphRows): number {
  return [...Object.values(rows.nodes), ...Object.values(rows.rels)].reduce((n, r) => n + r.length, 0);
}
