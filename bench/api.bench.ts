/**
 * npm run bench:api — latency (p50/p99) and throughput of the three user questions and of a
 * trivial query, on the real server over 127.0.0.1 with the seeds: on the embedded store, then on
 * Neo4j (NEO4J_URI's, or a local one started for the run: bench/neo4j-for-bench.ts).
 * Goal: `unit { leads }` p99 under 20 ms and at least 1,000 req/s; overhead under 3× the trivial query.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { startApp } from '../server/app';
import { loadConfig } from '../server/config';
import { benchNeo4j } from './neo4j-for-bench';

const QUERIES: Array<[string, string]> = [
  ['trivial { __typename }', '{ __typename }'],
  ['unit { leads } (萍乡市商务局)', '{ unit(id: "360300:市商务局") { name leads { quote task { ref title } } } }'],
  ['overloadedUnits (邵阳市)', '{ overloadedUnits(jurisdiction: "430500", by: WEIGHTED, top: 10) { unit { name } lead total weighted peerMean zScore } }'],
  ['cooperationLinks (邵阳市)', '{ cooperationLinks(region: "430500") { to { name } count tasks { id title } } }'],
  ['search("發改委")', '{ search(text: "發改委") { units { id name } tasks { id } regions { id } } }'],
];

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

/** Every question on the app over one store; the seeds are loaded into it if it is empty. */
async function measure(name: string, env: Record<string, string>): Promise<void> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-api-')), ...env });
  const app = await startApp(config, { log: pino({ level: 'silent' }) });
  console.log(`\n${name}: server ${app.url}, ${DURATION} s per query, 10 connections`);
  console.log(`${'query'.padEnd(34)} ${'first ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)}  overhead vs trivial (p50 ratio; req/s ratio)`);
  let trivial: { p50: number; rps: number } | null = null;
  for (const [label, query] of QUERIES) {
    const body = JSON.stringify({ query });
    const t0 = performance.now();
    await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }); // the first answer, nothing kept
    const first = performance.now() - t0;
    await autocannon({ url: `${app.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: 1 }); // warm-up
    const r = await autocannon({ url: `${app.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: DURATION });
    if (r.non2xx > 0 || r.errors > 0) console.log(`  ${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    trivial ??= { p50: r.latency.p50, rps: r.requests.average };
    // autocannon reports latency in whole milliseconds, so the throughput ratio is the finer measure.
    const overhead = `${(r.latency.p50 / trivial.p50).toFixed(1)}× ; ${(trivial.rps / r.requests.average).toFixed(2)}×`;
    console.log(`${label.padEnd(34)} ${first.toFixed(0).padStart(8)} ${r.latency.p50.toFixed(1).padStart(7)} ${r.latency.p99.toFixed(1).padStart(7)} ${Math.round(r.requests.average).toString().padStart(8)}  ${overhead}`);
  }
  await app.close();
}

await measure('embedded (Kuzu)', {});
const neo4j = await benchNeo4j();
if (neo4j) {
  try {
    await measure('neo4j', neo4j.env);
  } finally {
    await neo4j.stop();
  }
}
