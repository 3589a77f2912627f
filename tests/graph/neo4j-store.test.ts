/**
 * What only the Neo4j adapter needs, on the Neo4j of the test run (tests/support/stores.ts;
 * a local Neo4j 5.26 started by the global setup, or NEO4J_URI). The contract every store meets
 * is store-contract.test.ts. Without a server only the connection failure is tested.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/graph/neo4j-store';
import { StoreError } from '../../server/graph/store';

describe('Neo4j adapter without a server', () => {
  it('fails after its retries with a message naming the URI and what to do', async () => {
    const t0 = Date.now();
    const err = await Neo4jStore.connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', connectTimeoutMs: 1500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect((err as Error).message).toMatch(/npm run neo4j|unset NEO4J_URI/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000); // it retried with backoff before giving up
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
