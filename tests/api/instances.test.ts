/**
 * Two app instances on one Neo4j (issue 23 item 5): each keeps answers until the graph changes,
 * and a write through one instance, or straight into the store as `npm run load` does, is seen
 * by the other within CHANGE_WATCH_MS and a round trip (server/graph/cached-store.ts). The
 * embedded store is locked to one process, so this is Neo4j's alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_WATCH_MS, startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { extract } from '../../server/extract/extract';
import { loadExtraction } from '../../server/graph/loader';
import type { GraphStore } from '../../server/graph/store';
import { gql, HENGYANG_PLAN, INGEST_TOKEN, startTestApp } from './helpers';
import { neo4jStore, neo4jUnderTest } from '../support/stores';

/** The bound the README states: a poll period, plus the poll's and the question's round trips. */
const BOUND_MS = CHANGE_WATCH_MS + 500;

const n4j = neo4jUnderTest();
if (n4j) {
  describe('two app instances on one Neo4j', () => {
    const under = neo4jStore(n4j);
    let a: Awaited<ReturnType<typeof startTestApp>>;
    let b: App;
    let bStore: GraphStore;
    let direct: GraphStore;

    const documentIds = async (url: string) => ((await gql(url, '{ documents(limit: 100) { id } }')).data.documents as Array<{ id: string }>).map((d) => d.id);
    /** Asks every 25 ms until `seen`; the time it took after the write was answered. */
    async function seenWithin(url: string, seen: (ids: string[]) => boolean, since: number): Promise<number> {
      for (;;) {
        if (seen(await documentIds(url))) return Date.now() - since;
        if (Date.now() - since > 10_000) throw new Error('not seen in 10 s');
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    beforeAll(async () => {
      a = await startTestApp({ store: under }); // empties the database and loads the seeds
      bStore = await under.open();
      b = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', INGEST_TOKEN, LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) }), { store: bStore, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
      direct = await under.open();
    });
    afterAll(async () => {
      await b?.close();
      await bStore?.close();
      await direct?.close();
      await a?.close();
    });

    it('the second instance keeps its answer while nothing is written', async () => {
      const first = await documentIds(b.url);
      expect(first).toHaveLength(5); // the five seeds, loaded by the first instance
      expect(await documentIds(a.url)).toEqual(first);
      const trips = bStore.roundTrips;
      expect(await documentIds(b.url)).toEqual(first);
      // Kept across several change polls: asked again without a read of the graph.
      await new Promise((r) => setTimeout(r, CHANGE_WATCH_MS * 3));
      expect(await documentIds(b.url)).toEqual(first);
      expect(bStore.roundTrips).toBe(trips);
    });

    it('an upload through one instance is seen by the other within the bound', async () => {
      const form = new FormData();
      form.append('file', new Blob([HENGYANG_PLAN]), 'hengyang-two-instances.txt');
      const res = await fetch(`${a.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: form });
      expect(res.status).toBe(200);
      const answered = Date.now();
      expect(await documentIds(a.url)).toContain('hengyang-two-instances'); // the writer's own cache was cleared at once
      const ms = await seenWithin(b.url, (ids) => ids.includes('hengyang-two-instances'), answered);
      expect(ms).toBeLessThanOrEqual(BOUND_MS);
    });

    it("an instance's own upload keeps, across change polls, its answers the upload does not touch; the other's are read again", async () => {
      const q = '{ unit(id: "430500:市发展和改革委员会") { name leads { task { title } } } }';
      const [first, other] = [await gql(a.url, q), await gql(b.url, q)];
      expect(first.data.unit.leads.length).toBeGreaterThan(0); // seed 000 (邵阳)
      expect(other.data).toEqual(first.data);
      const form = new FormData();
      form.append('file', new Blob(['株洲市推进物流发展工作方案\n\n一、重点任务\n1.建设货运枢纽。(牵头单位:市发改委)\n']), 'zhuzhou-own-write.txt');
      expect((await fetch(`${a.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: form })).status).toBe(200);
      const [tripsA, tripsB] = [a.graph.roundTrips, bStore.roundTrips];
      await new Promise((r) => setTimeout(r, CHANGE_WATCH_MS * 3));
      expect((await gql(a.url, q)).data).toEqual(first.data);
      expect(a.graph.roundTrips).toBe(tripsA); // the poll saw only its own commits
      // The other instance cannot tell what another's write changed: it reads again.
      expect((await gql(b.url, q)).data).toEqual(first.data);
      expect(bStore.roundTrips).toBeGreaterThan(tripsB);
    });

    it('a load straight into the store (npm run load) is seen by both instances within the bound', async () => {
      await loadExtraction(direct, extract([{ file: 'loaded-beside.txt', bytes: Buffer.from(HENGYANG_PLAN.replace('衡阳市', '衡山县')) }]));
      const loaded = Date.now();
      const [msA, msB] = await Promise.all([a.url, b.url].map((url) => seenWithin(url, (ids) => ids.includes('loaded-beside'), loaded)));
      expect(msA).toBeLessThanOrEqual(BOUND_MS);
      expect(msB).toBeLessThanOrEqual(BOUND_MS);
    });
  });
}
