/**
 * npm run bench:load — load time and rows/s into the embedded store for the seeds and the
 * synthetic 1,000-plan corpus; the same into Neo4j (NEO4J_URI's, or a local one started for the run:
 * bench/neo4j-for-bench.ts).
 * Goals (embedded): the seeds in under 2 s, the 1,000-plan corpus in under 60 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config';
import type { ExtractResult } from '../server/extract/contract';
import { extract } from '../server/extract/extract';
import { KuzuStore } from '../server/graph/kuzu-store';
import { loadExtraction } from '../server/graph/loader';
import { openStore } from '../server/graph/open-store';
import type { GraphStore } from '../server/graph/store';
import { seedFilesIn } from '../server/seeds';
import { benchNeo4j } from './neo4j-for-bench';
import { syntheticPlan } from './synthetic-plans';
import { emptyStore } from '../server/graph/empty';

/** Rows written: nodes and relationships the documents bring (shared units/regions counted once per document). */
function rows(r: ExtractResult): number {
  return r.documents.reduce((n, d) => n + 1 + d.tasks.length * 2 + d.tasks.reduce((m, t) => m + t.assignments.length + t.regions.length, 0), 0) + r.units.length + r.regions.length;
}

async function bench(label: string, store: GraphStore, result: ExtractResult): Promise<void> {
  await emptyStore(store);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcomes = await loadExtraction(store, result);
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const n = rows(result);
  console.log(`${label.padEnd(34)} ${String(result.documents.length).padStart(5)} docs ${String(n).padStart(8)} rows  ${s.toFixed(2).padStart(7)} s  ${Math.round(n / s).toString().padStart(7)} rows/s  ${(s * 1000 / result.documents.length).toFixed(1)} ms/doc  cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${failed ? `  (${failed} FAILED)` : ''}`);
}

const seeds = extract(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })));
const synthetic = extract(Array.from({ length: 1000 }, (_, n) => {
  const p = syntheticPlan(n);
  return { file: p.file, bytes: Buffer.from(p.text) };
}));

const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
const embedded = new KuzuStore(join(dir, 'graph.kuzu'));
await embedded.ensureSchema();
await bench('embedded: seeds', embedded, seeds);
await bench('embedded: seeds again (idempotent)', embedded, seeds);
await bench('embedded: 1,000 synthetic plans', embedded, synthetic);
// The log is folded into the database file when the store closes (kuzu-store.ts says why): time it too.
const c0 = performance.now();
await embedded.close();
console.log(`embedded: checkpoint on close ${((performance.now() - c0) / 1000).toFixed(2).padStart(26)} s`);
rmSync(dir, { recursive: true, force: true });

const neo4j = await benchNeo4j();
if (neo4j) {
  try {
    const neo = await openStore(loadConfig({ ...neo4j.env, LOG_LEVEL: 'silent' }));
    await bench('neo4j: seeds', neo, seeds);
    await bench('neo4j: seeds again (idempotent)', neo, seeds);
    await bench('neo4j: 1,000 synthetic plans', neo, synthetic);
    await neo.close();
  } finally {
    await neo4j.stop();
  }
}
