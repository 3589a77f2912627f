/**
 * A process that loads documents into an embedded store and is killed in the middle
 * (tests/api/faults.test.ts): `incremental` stops inside the third document's write transaction
 * and says MID; `bulk` says MID as the bulk copy begins. The parent kills it with SIGKILL.
 */
import { readFileSync } from 'node:fs';
import { syntheticPlan } from '../../bench/synthetic-plans';
import { extract } from '../../server/extract/extract';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { load } from '../../server/graph/queries';
import type { GraphStore, QueryRunner } from '../../server/graph/store';
import { seedFilesIn } from '../../server/seeds';

const faultCorpus = () => extract([
  ...seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })),
  ...Array.from({ length: 60 }, (_, n) => syntheticPlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })),
]);

const [dbPath, mode] = process.argv.slice(2);
if (dbPath && (mode === 'incremental' || mode === 'bulk')) {
  const store = new KuzuStore(dbPath);
  await store.ensureSchema();
  const result = faultCorpus();
  if (mode === 'incremental') {
    let tasksWritten = 0;
    const stalling: GraphStore = Object.create(store, {
      write: {
        value: <T>(work: (tx: QueryRunner) => Promise<T>) => store.write((tx) => work({
          run: async (query, params) => {
            const rows = await tx.run(query, params);
            if (query === load('create-tasks') && ++tasksWritten === 3) {
              process.stdout.write('MID\n');
              await new Promise(() => undefined); // inside the transaction, until killed
            }
            return rows;
          },
        })),
      },
    });
    await loadExtraction(stalling, result, undefined, { mode: 'incremental' });
  } else {
    await loadExtraction(store, result, undefined, { mode: 'bulk', onBulk: () => process.stdout.write('MID\n') });
  }
  process.stdout.write('DONE\n');
}
