import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { describeStoreContract } from './store-contract';

// Each suite gets its own database directory: the real embedded store, no mocks.
describeStoreContract('embedded (Kuzu)', async () => {
  const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'));
  await store.ensureSchema();
  return store;
});
