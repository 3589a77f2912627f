/**
 * The Neo4j adapter. No Neo4j server can run on the build machines (no Docker engine, no
 * Neo4j package), so the full read-query suite runs here only when NEO4J_URI is set:
 *
 *   docker compose up -d neo4j
 *   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=<from .env> npx vitest run tests/graph/neo4j-store.test.ts
 *
 * It empties the database it is given. Without NEO4J_URI only the connection-failure
 * behaviour is tested (against a port where nothing listens).
 */
import { describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/graph/neo4j-store';
import { StoreError } from '../../server/graph/store';
import { describeStoreContract } from './store-contract';

const uri = process.env.NEO4J_URI;

if (uri) {
  describeStoreContract(`Neo4j at ${uri}`, async () => {
    const store = await Neo4jStore.connect({
      uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE,
    });
    await store.ensureSchema();
    return store;
  });
} else {
  console.log('Neo4j integration suite not run: NEO4J_URI is not set (no Neo4j server can run on the build machines). See tests/graph/neo4j-store.test.ts to run it against docker compose.');
}

describe('Neo4j adapter without a server', () => {
  it('fails after its retries with a message naming the URI and what to do', async () => {
    const t0 = Date.now();
    const err = await Neo4jStore.connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', connectTimeoutMs: 1500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect((err as Error).message).toMatch(/docker compose up -d neo4j|unset NEO4J_URI/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000); // it retried with backoff before giving up
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
