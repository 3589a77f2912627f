/**
 * Many files at once (npm run extract, npm run load, the benchmarks): the files are cut into
 * contiguous parts, extracted in threads (one per core, this one included), and the parts merged in file
 * order into exactly what one extract() over all of them gives. Unit identity is the one thing
 * shared across files: a unit is the first part's that names it, its surfaces the union, and a
 * swapped-words name (省农村农业厅 / 省农业农村厅) maps to the name the earliest part saw first,
 * as the one registry of a single run would have mapped it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extract, extractPart, finishExtraction, type ExtractInput, type ExtractionResult, type ExtractOptions, type ExtractPart } from './extract';

/** Below this much text, starting threads costs more than it saves. */
const MIN_PARALLEL_BYTES = 2_000_000;
/** Parts per thread: threads that finish early take the next part, so uneven files even out. */
const PARTS_PER_THREAD = 8;

const BOOT = new URL('./parallel-worker-boot.mjs', import.meta.url);

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads; default one per core. 1 extracts on the calling thread. */
  threads?: number;
  /** Extract in threads from this many bytes of input on (tests set 0). */
  minBytes?: number;
}

export async function extractMany(inputs: ExtractInput[], options: ParallelOptions = {}): Promise<ExtractionResult> {
  const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const threads = Math.min(options.threads ?? availableParallelism(), inputs.length);
  if (threads <= 1 || bytes < (options.minBytes ?? MIN_PARALLEL_BYTES)) return extract(inputs, options);
  const parts = cut(inputs, threads * PARTS_PER_THREAD);
  const done: ExtractPart[] = new Array(parts.length);
  let next = 0;
  const run = (worker: Worker) => new Promise<void>((resolve, reject) => {
    const give = () => {
      if (next >= parts.length) return resolve();
      const n = next++;
      // A fresh copy of each file's bytes: a view into a larger buffer would send all of it.
      worker.postMessage({ n, inputs: parts[n]!.map((i) => ({ ...i, bytes: new Uint8Array(i.bytes) })) });
    };
    worker.on('message', (m: { file: string; ok: boolean } | { n: number; part: ExtractPart } | { error: string }) => {
      if ('error' in m) reject(new Error(`extraction thread failed: ${m.error}`));
      else if ('part' in m) {
        done[m.n] = m.part;
        give();
      } else options.onFile?.(m.file, m.ok);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`extraction thread stopped (code ${code})`)));
    give();
  });
  // This thread takes parts too (a thread starting costs about half a second), yielding between
  // them so that the others are handed their next part.
  const here = async () => {
    while (next < parts.length) {
      const n = next++;
      done[n] = extractPart(parts[n]!, options);
      await new Promise((r) => setImmediate(r));
    }
  };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(BOOT));
  try {
    await Promise.all([here(), ...workers.map(run)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return finishExtraction(mergeParts(done));
}

/** `inputs` in at most `n` contiguous runs of about equal size in bytes. */
function cut(inputs: ExtractInput[], n: number): ExtractInput[][] {
  const total = inputs.reduce((s, i) => s + i.bytes.length, 0);
  const out: ExtractInput[][] = [[]];
  let size = 0;
  for (const input of inputs) {
    if (size >= total / n && out.length < n) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1]!.push(input);
    size += input.bytes.length;
  }
  return out;
}

/** Parts extracted apart, in file order, merged into the part one run over all their files makes. */
export function mergeParts(parts: readonly ExtractPart[]): ExtractPart {
  const units = new Map<string, ExtractPart['units'][number]>();
  const swapped = new Map<string, string>();
  const merged: ExtractPart = { documents: [], units: [], warnings: [], failed: [], texts: {}, swapped: [] };
  for (const part of parts) {
    // A swapped-words class met first in an earlier part: this part's first name of it is that one.
    const remap = new Map<string, string>();
    for (const [key, id] of part.swapped) {
      const first = swapped.get(key);
      if (first === undefined) swapped.set(key, id);
      else if (first !== id) remap.set(id, first);
    }
    const to = (id: string) => remap.get(id) ?? id;
    for (const unit of part.units) {
      const known = units.get(to(unit.id));
      if (!known) {
        units.set(unit.id, { ...unit, surfaces: [...unit.surfaces], members: unit.members.map(to) });
        continue;
      }
      for (const s of unit.surfaces) if (!known.surfaces.includes(s)) known.surfaces.push(s);
      known.surfaces.sort();
    }
    for (const doc of part.documents) {
      if (remap.size) for (const task of doc.tasks) for (const a of task.assignments) a.unitId = to(a.unitId);
      merged.documents.push(doc);
    }
    merged.warnings.push(...part.warnings);
    merged.failed.push(...part.failed);
    Object.assign(merged.texts, part.texts);
  }
  merged.units = [...units.values()].sort((a, b) => a.id.localeCompare(b.id));
  merged.swapped = [...swapped];
  return merged;
}

