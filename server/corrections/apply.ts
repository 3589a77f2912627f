import type { ExtractedDocument, ExtractedRegion, ExtractedUnit, ExtractResult } from '../extract/contract';
import type { Correction, TaskAnchor, UnitRecord } from './model';

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
  for (const c of [...corrections].sort((a, b) => a.seq - b.seq)) {
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
      void doc;
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
