/**
 * The normal form two extractions are compared in: per task its ref, the start of its title and the
 * set of (unit as written, role). Titles and names are taken through the transformation's inverse
 * (invented names back to real ones), simplified, and stripped of spaces, line breaks and bracket kinds.
 */
import type { ExtractedDocument } from '../../../server/extract/contract';
import { toSimplified } from '../../../server/extract/simplify';

const TITLE_PREFIX = 12;

export function canon(s: string, unmap: (s: string) => string = (x) => x): string {
  return toSimplified(unmap(s.replace(/\s+/g, '')))
    .replace(/[（〔【[]/g, '(')
    .replace(/[）〕】\]]/g, ')')
    .replace(/，/g, ',')
    .replace(/；/g, ';');
}

export function normalForm(doc: ExtractedDocument, unmap?: (s: string) => string): string[] {
  return doc.tasks
    .map((t) => {
      const units = [...new Set(t.assignments.map((a) => `${canon(a.surface, unmap)}/${a.role}`))].sort();
      return `${t.ref}|${canon(t.title, unmap).slice(0, TITLE_PREFIX)}|${units.join(',')}`;
    })
    .sort();
}

/** What differs, shortly: the first entries only one side has. */
export function difference(original: string[], transformed: string[], max = 2): string {
  const a = new Set(original);
  const b = new Set(transformed);
  const lost = original.filter((x) => !b.has(x)).slice(0, max);
  const gained = transformed.filter((x) => !a.has(x)).slice(0, max);
  return [`${original.length}→${transformed.length} tasks`, ...lost.map((x) => `- ${x}`), ...gained.map((x) => `+ ${x}`)].join('\n    ');
}
