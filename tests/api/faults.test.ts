/**
 * Faults in the middle of a write, on each store, with real parts: the embedded store's process
 * killed in the middle of a load (then opened again), and Neo4j killed (SIGKILL) in the middle of
 * an upload's transaction and of a bulk load (then started again on the same data). Every document
 * is wholly present or wholly absent; while Neo4j is away the app answers STORE_UNAVAILABLE, and
 * it answers again once Neo4j is back, with no restart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, startLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/local-neo4j';
import { syntheticPlan } from '../../bench/synthetic-plans';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { Neo4jStore } from '../../server/graph/neo4j-store';
import { load, read } from '../../server/graph/queries';
import type { GraphStore, QueryRunner } from '../../server/graph/store';
import { seedFilesIn } from '../../server/seeds';
import { neo4jUnderTest } from '../support/stores';
import { gql, HENGYANG_PLAN, INGEST_TOKEN } from './helpers';

const corpus = (): ExtractResult => extract([
  ...seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })),
  ...Array.from({ length: 60 }, (_, n) => syntheticPlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })),
]);

/** Each stored document with its number of tasks; each must have all the tasks the extraction gives it. */
async function wholeDocuments(store: GraphStore, result: ExtractResult): Promise<string[]> {
  const stored = (await store.run(read('documents'))).map((d) => d.id as string);
  for (const id of stored) {
    const expected = result.documents.find((d) => d.id === id)!.tasks.length;
    expect(await store.run(read('task-ids'), { documentId: id, text: '' }), id).toHaveLength(expected);
  }
  // No task, unit or assignment outside them: the counts are those of loading just these documents.
  const tasks = result.documents.filter((d) => stored.includes(d.id)).reduce((n, d) => n + d.tasks.length, 0);
  expect((await store.run(read('stats')))[0]!.tasks).toBe(tasks);
  return stored;
}

describe('faults (Kuzu): the process killed in the middle of a load', () => {
  const result = corpus();
  const killedAt = async (mode: 'incremental' | 'bulk') => {
    const path = join(mkdtempSync(join(tmpdir(), 'fault-')), 'graph.kuzu');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/kuzu-load-child.ts'), path, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'MID') setTimeout(resolve, mode === 'bulk' ? 300 : 0); // the bulk copy under way
        if (line === 'DONE') reject(new Error('the load finished before it was killed'));
      });
      void exited.then(() => reject(new Error('the loading process ended by itself')));
    });
    child.kill('SIGKILL');
    await exited;
    return path;
  };

  it('a document at a time: the two documents committed are whole, the one in flight is absent; loading again completes the store', async () => {
    const path = await killedAt('incremental');
    const store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      expect(await wholeDocuments(store, result)).toEqual(result.documents.slice(0, 2).map((d) => d.id));
      const again = await loadExtraction(store, result);
      expect(again.every((o) => o.status !== 'failed')).toBe(true);
      expect(await wholeDocuments(store, result)).toHaveLength(result.documents.length);
    } finally {
      await store.close();
    }
  }, 240_000);

  it('in bulk (one transaction): all documents or none', async () => {
    const path = await killedAt('bulk');
    const store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      expect([0, result.documents.length]).toContain((await wholeDocuments(store, result)).length);
    } finally {
      await store.close();
    }
  }, 240_000);
});

const canRunOwnNeo4j = neo4jUnderTest() !== null && missingTools() === undefined;
if (!canRunOwnNeo4j && neo4jUnderTest() !== null) console.log('Neo4j fault tests not run: they start and kill a Neo4j of their own, which needs Java and Maven here.');

if (canRunOwnNeo4j) {
  describe('faults (Neo4j): the server killed in the middle of a write', () => {
    const password = 'fault-test-password';
    const dataDir = mkdtempSync(join(tmpdir(), 'neo4j-fault-'));
    const result = corpus();
    let neo: LocalNeo4j;
    let store: Neo4jStore;
    let app: App;
    /** The statement after which Neo4j is killed, inside the transaction that ran it. */
    let killAfter: string | null = null;
    let died: Promise<void> = Promise.resolve();

    const kill = async () => {
      const exited = new Promise<void>((r) => neo.process.once('exit', () => r()));
      neo.process.kill('SIGKILL');
      await exited;
    };
    /** The store, killing Neo4j after `killAfter` runs (once). */
    const killing = (): GraphStore => Object.create(store, {
      write: {
        value: <T>(work: (tx: QueryRunner) => Promise<T>) => store.write((tx) => work({
          run: async (query, params) => {
            const rows = await tx.run(query, params);
            if (killAfter && query === killAfter) {
              killAfter = null;
              died = kill();
              await died;
            }
            return rows;
          },
        })),
      },
    });
    const restart = async () => {
      await died;
      neo = await startLocalNeo4j({ password, port: neo.port, dataDir, startTimeoutMs: 240_000 });
    };
    const health = async () => (await fetch(`${app.url}/healthz`)).status;

    beforeAll(async () => {
      neo = await startLocalNeo4j({ password, port: 0, dataDir, startTimeoutMs: 240_000 });
      store = await Neo4jStore.connect({ uri: neo.uri, user: 'neo4j', password, connectTimeoutMs: 60_000 });
      await store.ensureSchema();
      app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', INGEST_TOKEN, LOG_LEVEL: 'silent' }), { store: killing(), log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await neo?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }, 120_000);

    it('an upload: 503 STORE_UNAVAILABLE, questions and /healthz say so; once Neo4j is back the app answers, the document absent; sent again, whole', async () => {
      const before = (await gql(app.url, '{ stats { documents tasks } }')).data.stats;
      expect(before).toEqual({ documents: 5, tasks: 83 });
      const send = async () => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(HENGYANG_PLAN)]), 'hengyang.txt');
        const res = await fetch(`${app.url}/api/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${INGEST_TOKEN}` } });
        return { status: res.status, body: (await res.json()) as any };
      };
      killAfter = load('create-tasks');
      const r = await send();
      expect(r.status).toBe(503);
      expect(r.body.files[0]).toMatchObject({ file: 'hengyang.txt', ok: false, code: 'STORE_UNAVAILABLE' });
      const q = await gql(app.url, '{ stats { documents } }');
      expect(q.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
      expect(await health()).toBe(503);

      await restart();
      const t0 = Date.now();
      while ((await health()) !== 200 && Date.now() - t0 < 60_000) await new Promise((res) => setTimeout(res, 500));
      expect(await health()).toBe(200);
      expect((await gql(app.url, '{ stats { documents tasks } }')).data.stats).toEqual(before);
      expect((await gql(app.url, '{ document(id: "hengyang") { id } }')).data.document).toBeNull();

      const again = await send();
      expect(again.body.files[0]).toMatchObject({ ok: true, status: 'ADDED', tasks: 2 });
      expect((await gql(app.url, '{ stats { documents tasks } }')).data.stats).toEqual({ documents: 6, tasks: 85 });
    }, 300_000);

    it('a bulk load: the batches committed before are undone once Neo4j is back; all documents or none', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      // After the third batch's statement, inside its transaction (batches of 10,000 rows: the third is still nodes).
      let batches = 0;
      const third: GraphStore = Object.create(store, {
        write: {
          value: <T>(work: (tx: QueryRunner) => Promise<T>) => store.write((tx) => work({
            run: async (query, params) => {
              const rows = await tx.run(query, params);
              if (query.startsWith('UNWIND') && ++batches === 3) {
                died = kill();
                await died;
              }
              return rows;
            },
          })),
        },
      });
      const loading = loadExtraction(third, result, undefined, { mode: 'bulk' });
      await new Promise((r) => setTimeout(r, 100));
      while (batches < 3) await new Promise((r) => setTimeout(r, 100));
      await restart();
      const outcomes = await loading;
      // The driver retries a write transaction that met a server going away (executeWrite, for up to
      // 30 s): when Neo4j is back within that, the batch is written again and the load completes.
      // Either way it is all or nothing.
      if (outcomes.every((o) => o.status === 'added')) {
        expect(await wholeDocuments(store, result)).toHaveLength(result.documents.length);
        return;
      }
      expect(outcomes.every((o) => o.status === 'failed')).toBe(true);
      expect(outcomes[0]!.error).toMatch(/none of them was written/);
      expect(await store.run('MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);

      const again = await loadExtraction(store, result, undefined, { mode: 'bulk' });
      expect(again.every((o) => o.status === 'added')).toBe(true);
      expect(await wholeDocuments(store, result)).toHaveLength(result.documents.length);
    }, 400_000);
  });
}
