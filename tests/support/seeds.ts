import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument, ExtractedTask, ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';
import { SEEDS_DIR, seedFilesIn } from '../../server/seeds';

export { SEEDS_DIR };
export const seedFiles = (): string[] => seedFilesIn();

let cached: ExtractResult | undefined;
export function seedResult(): ExtractResult {
  return (cached ??= extract(seedFiles().map((file) => ({ file, bytes: readFileSync(file) }))));
}

export function doc(prefix: string): ExtractedDocument {
  const d = seedResult().documents.find((x) => x.id.startsWith(prefix));
  if (!d) throw new Error(`no document ${prefix}`);
  return d;
}

export function task(prefix: string, ref: string): ExtractedTask {
  const t = doc(prefix).tasks.find((x) => x.ref === ref);
  if (!t) throw new Error(`no task ${ref} in ${prefix}`);
  return t;
}

const unitName = (id: string) => seedResult().units.find((u) => u.id === id)?.name ?? `?${id}`;

/** Unit names by role, in note order: { lead: [...], responsible: [...], participant: [...] }. */
export function roles(t: ExtractedTask, clause?: number): Record<string, string[]> {
  const out: Record<string, string[]> = { lead: [], responsible: [], participant: [] };
  for (const a of t.assignments) if (clause === undefined || a.clause === clause) out[a.role]!.push(unitName(a.unitId));
  return out;
}

export function rawOf(prefix: string): string {
  return readFileSync(join(SEEDS_DIR, doc(prefix).file), 'utf8');
}
