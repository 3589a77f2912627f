import type { ExtractedAssignment, ExtractedDocument } from '../../../server/extract/contract';

/** A responsibility note of the original extraction: its raw span and its units in the order written. */
export interface OriginalNote {
  start: number;
  end: number;
  units: ExtractedAssignment[];
  /** A table row's units (the task came from a table). */
  table: boolean;
}

/**
 * The notes the extractor read, from the assignments' provenance (quote span, surface span). A note
 * shared by several tasks (a merged table cell) is listed once.
 */
export function notesOf(doc: ExtractedDocument): OriginalNote[] {
  const byStart = new Map<string, OriginalNote>();
  for (const t of doc.tasks) {
    for (const a of t.assignments) {
      const key = `${a.start}:${a.end}`;
      let n = byStart.get(key);
      if (!n) byStart.set(key, (n = { start: a.start, end: a.end, units: [], table: t.ref.startsWith('表') }));
      if (!n.units.some((u) => u.surfaceStart === a.surfaceStart)) n.units.push(a);
    }
  }
  const notes = [...byStart.values()].sort((a, b) => a.start - b.start);
  for (const n of notes) n.units.sort((a, b) => a.surfaceStart - b.surfaceStart);
  // A note inside another (a table row that holds a bracket note) is left to the outer one.
  return notes.filter((n) => !notes.some((o) => o !== n && o.start <= n.start && o.end >= n.end && (o.start < n.start || o.end > n.end)));
}
