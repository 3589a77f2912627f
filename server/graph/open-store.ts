import { join } from 'node:path';
import type { Config } from '../config';
import { ensureAnalytics, ensureAssignmentTaskIds, ensureTies } from './analytics';
import { KuzuStore } from './kuzu-store';
import { Neo4jStore } from './neo4j-store';
import { syncPlanYears } from './plan-years';
import type { GraphStore } from './store';

/** Neo4j when NEO4J_URI is set, otherwise the embedded store under DATA_DIR. */
export async function openStore(config: Config, opts: { connectTimeoutMs?: number } = {}): Promise<GraphStore> {
  const store: GraphStore = config.NEO4J_URI
    ? await Neo4jStore.connect({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD ?? '',
      database: config.NEO4J_DATABASE,
      connectTimeoutMs: opts.connectTimeoutMs,
    })
    : new KuzuStore(join(config.dataDir, 'graph.kuzu'), { minFreeBytes: config.MIN_FREE_MB * 1024 * 1024, bufferPoolBytes: config.KUZU_BUFFER_POOL_MB * 1024 * 1024 });
  await store.ensureSchema();
  // A store written by an earlier version gets its load counts and links counted once.
  await ensureAnalytics(store);
  await ensureAssignmentTaskIds(store);
  await ensureTies(store);
  // …and its documents their plan years and series (plan-years.ts).
  await syncPlanYears(store);
  return store;
}
