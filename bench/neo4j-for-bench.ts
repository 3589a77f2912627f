/**
 * The Neo4j a benchmark measures beside the embedded store: the one NEO4J_URI names (it is
 * emptied), or else a local Neo4j 5.26 started for the run (scripts/neo4j, a temporary data
 * directory, stopped at the end) when Java and Maven are here. Null, with the reason printed,
 * when there is neither.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingTools, startLocalNeo4j } from '../scripts/neo4j/local-neo4j';

export interface BenchNeo4j {
  /** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD for loadConfig. */
  env: Record<string, string>;
  uri: string;
  stop(): Promise<void>;
}

export async function benchNeo4j(opts: { heap?: string; pagecache?: string } = {}): Promise<BenchNeo4j | null> {
  if (process.env.NEO4J_URI) {
    const env = { NEO4J_URI: process.env.NEO4J_URI, NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '' };
    return { env, uri: env.NEO4J_URI, stop: async () => undefined };
  }
  const why = missingTools();
  if (why) {
    console.log(`neo4j: not measured (NEO4J_URI is not set, and no local Neo4j can start: ${why})`);
    return null;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const t0 = performance.now();
  const neo = await startLocalNeo4j({ password, port: 0, dataDir, heap: opts.heap ?? '2g', pagecache: opts.pagecache ?? '512m', startTimeoutMs: 240_000 });
  console.log(`neo4j: local Neo4j 5.26 at ${neo.uri}, started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    env: { NEO4J_URI: neo.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    uri: neo.uri,
    stop: async () => {
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
