import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { read } from '../../server/graph/queries';
import { seedFilesIn } from '../../server/seeds';
import { describeStoreContract, SEED_STATS, seedExtraction } from './store-contract';

// Each suite gets its own database directory: the real embedded store, no mocks.
describeStoreContract('embedded (Kuzu)', async () => {
  const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'));
  await store.ensureSchema();
  return store;
});

describe('embedded (Kuzu): loading again after the store was closed', () => {
  // Closing checkpoints the data into the database file; a later load replaces stored documents,
  // which once misread their new tasks (see cypher/load/delete-document.cypher).
  it('the same seeds leave every count unchanged, and a changed document has nothing stale', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu');
    const first = new KuzuStore(path);
    await first.ensureSchema();
    await loadExtraction(first, seedExtraction());
    await first.close();

    const store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      const outcomes = await loadExtraction(store, seedExtraction());
      expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('replaced'));
      expect((await store.run(read('stats')))[0]).toEqual(SEED_STATS);
      const leads = async () => (await store.run(read('assignments-of-units'), { unitIds: ['360300:市商务局'], roles: ['lead'] })).map((r) => r.taskId);
      expect(await leads()).toEqual(['001_5bed96e789233213:二.(一).2', '001_5bed96e789233213:二.(二).4']);

      // As in the contract's changed-document test: 市商务局 no longer co-leads item 2, item 17 is gone.
      const file = seedFilesIn()[1]!;
      const edited = readFileSync(file, 'utf8').replace('(牵头单位:市商务局、市发改委;', '(牵头单位:市发改委;').replace(/\n17\.加强跟踪协调[^\n]*/, '');
      await loadExtraction(store, extract([{ file, bytes: Buffer.from(edited) }]));
      expect(await leads()).toEqual(['001_5bed96e789233213:二.(二).4']);
      expect(await store.run(read('task-ids'), { documentId: '001_5bed96e789233213', text: '' })).toHaveLength(16);
    } finally {
      await store.close();
    }
  }, 120_000);
});
