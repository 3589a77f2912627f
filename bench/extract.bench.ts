/**
 * npm run bench:extract — extraction throughput on the seeds and on 1,000 synthetic plans.
 * Goals: the 5 seeds in under 100 ms; at least 5 MB/s (issue 23: 20 MB/s on the synthetic plans, 10 on real ones).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extract, type ExtractInput } from '../server/extract/extract';
import { extractMany } from '../server/extract/parallel';
import { gazetteer } from '../server/extract/gazetteer';
import { toSimplified } from '../server/extract/simplify';
import { seedFilesIn } from '../server/seeds';
import { syntheticPlan } from './synthetic-plans';

async function measure(label: string, inputs: ExtractInput[], runs: number, run: (inputs: ExtractInput[]) => ReturnType<typeof extract> | Promise<ReturnType<typeof extract>> = extract): Promise<void> {
  const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  const times: number[] = [];
  let tasks = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const result = await run(inputs);
    times.push(performance.now() - t0);
    tasks = result.documents.reduce((n, d) => n + d.tasks.length, 0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(22)} ${String(inputs.length).padStart(5)} docs ${(bytes / 1e6).toFixed(2).padStart(7)} MB ${String(tasks).padStart(6)} tasks` +
      `  median ${median.toFixed(1).padStart(8)} ms  (min ${times[0]!.toFixed(1)})` +
      `  ${(bytes / 1e6 / (median / 1000)).toFixed(2).padStart(6)} MB/s  ${Math.round(tasks / (median / 1000)).toString().padStart(7)} tasks/s`,
  );
}

const t0 = performance.now();
gazetteer().scannerFor('430500');
toSimplified('準備');
console.log(`start-up (divisions, scanner, OpenCC tables): ${(performance.now() - t0).toFixed(0)} ms, once per process`);

const seeds = seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) }));
extract(seeds); // warm the JIT and the per-jurisdiction scanners
await measure('seeds', seeds, 21);

const t1 = performance.now();
const synthetic = Array.from({ length: 1000 }, (_, n) => {
  const p = syntheticPlan(n);
  return { file: p.file, bytes: Buffer.from(p.text) };
});
console.log(`generated 1,000 synthetic plans in ${(performance.now() - t1).toFixed(0)} ms`);
await measure('synthetic (1,000 plans)', synthetic, 3);
// npm run extract and npm run load extract many files in one thread per core (parallel.ts).
await measure(`… ${availableParallelism()} threads`, synthetic, 3, (inputs) => extractMany(inputs));
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1048576).toFixed(0)} MB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
