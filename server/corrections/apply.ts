import type { ExtractedDocument, ExtractedRegion, ExtractedUnit, ExtractResult } from '../extract/contract';
import { gazetteer } from '../extract/gazetteer';
import { DOCUMENT_KINDS, type Correction, type TaskAnchor, type UnitRecord } from './model';

type Extraction = Pick<ExtractResult, 'documents' | 'units' | 'regions'>;
type Task = ExtractedDocument['tasks'][number];
type Assignment = Task['assignments'][number];

/**
 * Apply the corrections in force to a fresh extraction, in the order they were made, before it is
 * loaded. Answers, for each correction that concerns a document of this extraction, whether its
 * anchor was found (false: orphaned — the task or unit it corrects is not there any more).
 * Corrections of documents not in this extraction are left out of the answer.
 */
export function applyCorrections(result: Extraction, corrections: readonly Correction[]): Map<string, boolean> {
  const found = new Map<string, boolean>();
  const bySha = new Map(result.documents.map((d) => [d.sha256, d]));
  // The document's own corrections first: a jurisdiction changes the ids the task corrections name.
  const ordered = [...corrections].sort((a, b) => Number(DOCUMENT_KINDS.has(b.kind)) - Number(DOCUMENT_KINDS.has(a.kind)) || a.seq - b.seq);
  for (const c of ordered) {
    if (DOCUMENT_KINDS.has(c.kind)) {
      const doc = c.task && bySha.get(c.task.sha256);
      if (doc) found.set(c.id, applyToDocument(result, doc, c));
      continue;
    }
    if (c.kind === 'merge') {
      const n = applyMerge(result, c);
      if (n !== null) found.set(c.id, n);
      continue;
    }
    if (!c.task) continue;
    const doc = bySha.get(c.task.sha256);
    if (!doc) continue;
    const task = findTask(doc, c.task);
    found.set(c.id, task ? applyToTask(result, doc, task, c) : false);
  }
  return found;
}

/** By ref and quote; failing that, by the quote alone when one task has it (a renumbered task). */
export function findTask(doc: ExtractedDocument, anchor: TaskAnchor): Task | undefined {
  const exact = doc.tasks.find((t) => t.ref === anchor.ref && t.text.startsWith(anchor.quote));
  if (exact) return exact;
  const quoted = doc.tasks.filter((t) => t.text.includes(anchor.quote));
  return quoted.length === 1 ? quoted[0] : undefined;
}

function findAssignment(task: Task, unit: UnitRecord): Assignment | undefined {
  return task.assignments.find((a) => a.unitId === unit.id) ?? (unit.surface ? task.assignments.find((a) => a.surface === unit.surface) : undefined);
}

function applyToTask(result: Extraction, doc: ExtractedDocument, task: Task, c: Correction): boolean {
  switch (c.kind) {
    case 'title':
      task.title = String(c.after);
      return true;
    case 'remove-task':
      doc.tasks = doc.tasks.filter((t) => t !== task);
      return true;
    case 'deadline': {
      const { text, date } = c.after as { text: string; date: string | null };
      if (!text) {
        delete task.deadline;
        return true;
      }
      const span = task.deadline ? { start: task.deadline.start, end: task.deadline.end } : { start: task.start, end: task.start };
      task.deadline = { text, date, kind: date ? 'date' : /长期|持续|坚持/.test(text) ? 'ongoing' : 'unparsed', ...span };
      return true;
    }
    case 'remove-assignment': {
      const a = c.unit && findAssignment(task, c.unit);
      if (!a) return false;
      task.assignments = task.assignments.filter((x) => x !== a);
      return true;
    }
    case 'role': {
      const a = c.unit && findAssignment(task, c.unit);
      if (!a) return false;
      a.role = String(c.after);
      a.inferred = false;
      return true;
    }
    case 'add-assignment': {
      if (!c.unit) return false;
      ensureUnit(result, c.unit);
      const existing = findAssignment(task, c.unit);
      if (existing) {
        existing.role = String(c.after);
        existing.inferred = false;
        return true;
      }
      task.assignments.push({
        unitId: c.unit.id, surface: c.unit.name, role: String(c.after), inferred: false, clause: 1,
        // A person added it: no sentence of the document says so.
        quote: '', start: task.start, end: task.start, surfaceStart: task.start, surfaceEnd: task.start,
      });
      return true;
    }
    default:
      return false;
  }
}

/** Every assignment of the merged unit becomes the kept unit's (one per task). Null: no document here names the merged unit. */
function applyMerge(result: Extraction, c: Correction): boolean | null {
  if (!c.unit || !c.into) return null;
  const from = c.unit;
  let touched = false;
  for (const doc of result.documents) {
    for (const t of doc.tasks) {
      if (!t.assignments.some((a) => a.unitId === from.id)) continue;
      touched = true;
      const kept = t.assignments.find((a) => a.unitId === c.into!.id);
      t.assignments = t.assignments.flatMap((a) => {
        if (a.unitId !== from.id) return [a];
        // Already on the task: the stronger role stays.
        if (kept) {
          if (rank(a.role) < rank(kept.role)) kept.role = a.role;
          return [];
        }
        return [{ ...a, unitId: c.into!.id }];
      });
    }
  }
  if (!touched) return null;
  ensureUnit(result, c.into);
  return true;
}

const rank = (role: string) => ['lead', 'responsible', 'participant'].indexOf(role);

function ensureUnit(result: Extraction, u: UnitRecord): void {
  if (!result.units.some((x) => x.id === u.id)) {
    result.units.push({ id: u.id, name: u.name, kind: u.kind, jurisdiction: u.jurisdiction, surfaces: [u.surface ?? u.name], members: [] } as ExtractedUnit);
  }
  if (!result.regions.some((r) => r.id === u.region.id)) {
    // Already in the store (the unit is): the loader writes only regions it does not hold.
    result.regions.push({ ...u.region, within: null, partOf: [] } as ExtractedRegion);
  }
}

/**
 * The document's title, or the jurisdiction that issued it: its units are then scoped to the new
 * one (their ids change with it), collectives lose the members the old jurisdiction's divisions gave them.
 */
function applyToDocument(result: Extraction, doc: ExtractedDocument, c: Correction): boolean {
  if (c.kind === 'document-title') {
    doc.title = String(c.after);
    doc.titleInferred = false;
    return true;
  }
  const code = String(c.after);
  const region = gazetteer().get(code);
  if (!region) return false;
  const from = doc.jurisdiction?.code ?? '000000';
  doc.jurisdiction = { code: region.id, name: region.name, evidence: `chosen by ${c.by}` };
  if (!result.regions.some((r) => r.id === region.id)) result.regions.push({ id: region.id, name: region.name, level: region.level, within: null, partOf: [] } as ExtractedRegion);
  if (from === region.id) return true;
  const moved = new Map<string, string>();
  const named = new Set(doc.tasks.flatMap((t) => t.assignments.map((a) => a.unitId)));
  for (const u of result.units) {
    if (u.jurisdiction.code !== from || !named.has(u.id)) continue;
    const id = `${region.id}:${u.id.slice(u.id.indexOf(':') + 1)}`;
    moved.set(u.id, id);
  }
  for (const [oldId, id] of moved) {
    const u = result.units.find((x) => x.id === oldId)!;
    if (!result.units.some((x) => x.id === id)) result.units.push({ ...u, id, jurisdiction: { code: region.id, name: region.name }, members: [] });
  }
  for (const t of doc.tasks) for (const a of t.assignments) a.unitId = moved.get(a.unitId) ?? a.unitId;
  return true;
}
