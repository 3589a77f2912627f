/**
 * Running the metamorphic comparison: each document of the corpus and the seeds is extracted as it
 * is and after each transformation, and the two extractions compared in the normal form.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedDocument } from '../../../server/extract/contract';
import { extract } from '../../../server/extract/extract';
import { difference, normalForm } from './normal-form';
import type { Transformation } from './transforms';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The shared corpus sits beside the clone (../shared/corpus), in CI as on a desk. */
export const CORPUS_DIR = resolve(ROOT, '../shared/corpus');
export const SEEDS_DIR = join(ROOT, 'seeds');

export interface Original {
  file: string;
  /** The decoded text the extraction's offsets index. */
  raw: string;
  doc: ExtractedDocument;
}

const txt = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)) : []);

export function documentFiles(): string[] {
  return [...txt(CORPUS_DIR), ...txt(SEEDS_DIR)];
}

function extractOne(file: string, text: string): { doc: ExtractedDocument | undefined; raw: string } {
  const r = extract([{ file, bytes: Buffer.from(text, 'utf8') }]);
  const doc = r.documents[0];
  return { doc, raw: doc ? r.texts[doc.id]! : '' };
}

export function originals(): Original[] {
  return documentFiles().map((path) => {
    const r = extract([{ file: path, bytes: readFileSync(path) }]);
    const doc = r.documents[0]!;
    return { file: basename(path), raw: r.texts[doc.id]!, doc };
  });
}

/** The project's own texts: an invented unit name must occur in none of them. */
export function projectText(): string {
  const parts: string[] = [];
  for (const f of documentFiles()) parts.push(readFileSync(f, 'utf8'));
  if (existsSync(CORPUS_DIR)) for (const f of readdirSync(CORPUS_DIR).filter((x) => x.endsWith('.json'))) parts.push(readFileSync(join(CORPUS_DIR, f), 'utf8'));
  const src = join(ROOT, 'server/extract');
  for (const f of readdirSync(src)) parts.push(readFileSync(join(src, f), 'utf8'));
  return parts.join('\n');
}

export interface Outcome {
  transformation: string;
  file: string;
  agree: boolean;
  /** What differs, when it does. */
  diff: string;
}

export function compare(docs: readonly Original[], transformations: readonly Transformation[]): Outcome[] {
  const out: Outcome[] = [];
  for (const t of transformations) {
    for (const o of docs) {
      const tr = t.apply(o.raw, o.doc);
      if (!tr) continue;
      const { doc } = extractOne(o.file, tr.text);
      const before = normalForm(o.doc);
      const after = doc ? normalForm(doc, tr.unmap) : [];
      const agree = before.length === after.length && before.every((x, i) => x === after[i]);
      out.push({ transformation: t.name, file: o.file, agree, diff: agree ? '' : difference(before, after) });
    }
  }
  return out;
}

/** Agreement per transformation and overall, as a table for the test log. */
export function agreementTable(outcomes: readonly Outcome[], names: readonly string[]): string {
  const rows = names.map((n) => {
    const mine = outcomes.filter((o) => o.transformation === n);
    return [n, mine.filter((o) => o.agree).length, mine.length] as const;
  });
  const agree = outcomes.filter((o) => o.agree).length;
  const pct = (a: number, t: number) => (t === 0 ? '   —  ' : `${((100 * a) / t).toFixed(1).padStart(5)}%`);
  const width = Math.max(...names.map((n) => n.length), 10);
  return [
    `${'transformation'.padEnd(width)}  agree / total`,
    ...rows.map(([n, a, t]) => `${n.padEnd(width)}  ${String(a).padStart(5)} / ${String(t).padEnd(5)} ${pct(a, t)}`),
    `${'overall'.padEnd(width)}  ${String(agree).padStart(5)} / ${String(outcomes.length).padEnd(5)} ${pct(agree, outcomes.length)}`,
  ].join('\n');
}
