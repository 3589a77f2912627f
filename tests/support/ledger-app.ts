import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { loadExtraction } from '../../server/graph/loader';
import type { GraphStore } from '../../server/graph/store';
import { seedFilesIn } from '../../server/seeds';
import { withFixture } from './ledger-fixture';
import { kuzu, type StoreUnderTest } from './stores';

/** The real app on a fresh store (Kuzu unless `store` says otherwise) holding the seeds and the ledger fixture, on a free port. */
export async function startLedgerApp(opts: { store?: StoreUnderTest; webDir?: string; dataDir?: string } = {}): Promise<App & { graph: GraphStore }> {
  const graph = await (opts.store ?? kuzu).open({ empty: true });
  try {
    await loadExtraction(graph, withFixture(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) }))));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: opts.dataDir ?? mkdtempSync(join(tmpdir(), 'data-')) });
    const app = await startApp(config, { store: graph, log: pino({ level: 'silent' }), webDir: opts.webDir ?? join(tmpdir(), 'no-web') });
    const close = app.close;
    return Object.assign(app, { graph, close: async () => { try { await close(); } finally { await graph.close(); } } });
  } catch (err) {
    await graph.close();
    throw err;
  }
}
