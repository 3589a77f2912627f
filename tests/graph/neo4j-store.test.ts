/**
 * What only the Neo4j adapter needs, on the Neo4j of the test run (tests/support/stores.ts;
 * a local Neo4j 5.26 started by the global setup, or NEO4J_URI). The contract every store meets
 * is store-contract.test.ts. Without a server only the connection failure is tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExtraction } from '../../server/graph/loader';
import { Neo4jStore } from '../../server/graph/neo4j-store';
import { NEO4J_SCHEMA, read } from '../../server/graph/queries';
import { StoreError, type GraphStore } from '../../server/graph/store';
import { FIXTURE_ID, FIXTURE_TEXT, fixtureExtraction } from '../support/ledger-fixture';
import { neo4jStore, neo4jUnderTest } from '../support/stores';

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

const n4j = neo4jUnderTest();
if (n4j) {
  describe('Neo4j adapter on the test run’s Neo4j', () => {
    const under = neo4jStore(n4j);
    let store: GraphStore;
    beforeAll(async () => {
      store = await under.open({ empty: true });
    });
    afterAll(async () => store?.close());

    it('integers go as Neo4j integers and come back as numbers; floats stay floats; an integer past 2^53 is refused, not rounded', async () => {
      const [r] = await store.run('RETURN $n AS n, $n + 1 AS next, $f AS f, $list AS list, $map.k AS k, $n / 2 AS half', { n: 2 ** 40, f: 1.5, list: [1, 2], map: { k: -1 } });
      expect(r).toEqual({ n: 2 ** 40, next: 2 ** 40 + 1, f: 1.5, list: [1, 2], k: -1, half: 2 ** 39 });
      // Integer division: the parameter went as an integer (a JS number would have been a float, 7 / 2 = 3.5).
      expect((await store.run('RETURN $n / 2 AS half', { n: 7 }))[0]!.half).toBe(3);
      await expect(store.run('RETURN $n * 1048576 AS big', { n: 2 ** 40 })).rejects.toThrow(/too large for a JavaScript number/);
    });

    it('stored offsets and dates come back as the loader wrote them, and dates order as dates', async () => {
      await loadExtraction(store, fixtureExtraction());
      const rows = await store.run(read('tasks-due'), { from: '2024-01-01', to: '2024-12-31', jurisdiction: '', documentId: FIXTURE_ID });
      expect(rows.map((r) => r.date)).toEqual(['2024-03-31', '2024-06-30', '2024-12-31']);
      const [t] = await store.run(read('tasks-by-id'), { ids: [`${FIXTURE_ID}:一.1`] });
      expect(typeof t!.start).toBe('number');
      expect(FIXTURE_TEXT.slice(t!.deadlineStart as number, t!.deadlineEnd as number)).toBe('2024年6月底前');
    });

    it('ensureSchema on a database that has the schema changes nothing (every constraint and index IF NOT EXISTS)', async () => {
      const schema = async () => (await store.run('SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name'));
      const before = await schema();
      expect(before.length).toBeGreaterThanOrEqual(NEO4J_SCHEMA.length);
      await store.ensureSchema();
      await store.ensureSchema();
      expect(await schema()).toEqual(before);
    });

    it('a read from another connection right after a write sees it', async () => {
      const other = await under.open();
      try {
        for (let i = 0; i < 5; i++) {
          await store.write((tx) => tx.run('MERGE (r:Region {id: $id}) SET r.name = $name', { id: 'test:bookmark', name: `v${i}` }));
          expect(await other.run('MATCH (r:Region {id: $id}) RETURN r.name AS name', { id: 'test:bookmark' })).toEqual([{ name: `v${i}` }]);
        }
      } finally {
        await other.close();
      }
    });

    it('while a write of its own is under way it cannot vouch for a stretch of commits; after it, another process’s commit in the stretch is still told', async () => {
      const other = await under.open();
      try {
        const set = (s: GraphStore, id: string) => s.write((tx) => tx.run('MERGE (r:Region {id: $id}) SET r.name = $id', { id }));
        await set(store, 'test:own-0'); // the label and property names exist: no server transaction for them below
        await set(other, 'test:foreign-0');
        const t0 = await store.changeToken!();
        let release!: () => void;
        const gate = new Promise<void>((r) => { release = r; });
        let started!: () => void;
        const running = new Promise<void>((r) => { started = r; });
        const own = store.write(async (tx) => {
          await tx.run('MERGE (r:Region {id: $id}) SET r.name = $id', { id: 'test:own-1' });
          started();
          await gate;
        });
        await running;
        await set(other, 'test:foreign-1'); // another process commits while ours is under way
        const t1 = await store.changeToken!();
        expect(t1).not.toBe(t0);
        expect(store.ownCommitsOnly!(t0, t1)).toBeUndefined(); // ask again: the watcher keeps t0
        release();
        await own;
        const t2 = await store.changeToken!();
        expect(store.ownCommitsOnly!(t0, t2)).toBe(false); // the other's commit is in the stretch
        await set(store, 'test:own-2');
        expect(store.ownCommitsOnly!(t2, await store.changeToken!())).toBe(true);
      } finally {
        await other.close();
      }
    });

    it('a read past what one transaction may hold (NEO4J_TX_MEMORY, 256m) fails alone and at once, not retried, and the next read answers', async () => {
      const t0 = Date.now();
      // 20 million strings: well past 256 MiB of transaction memory.
      await expect(store.run('UNWIND range(1, 20000000) AS x WITH collect(toString(x)) AS c RETURN size(c) AS n'))
        .rejects.toThrow(/reads more than the store allows one query to hold .*db\.memory\.transaction\.max/);
      // The driver retries transient errors for 30 s; this one it must not.
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(await store.run('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    });
  });
}
