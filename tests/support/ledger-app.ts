import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { seedFilesIn } from '../../server/seeds';
import { withFixture } from './ledger-fixture';

/** The real app on a fresh embedded store holding the seeds and the ledger fixture, on a free port. */
export async function startLedgerApp(opts: { webDir?: string } = {}): Promise<App & { kuzu: KuzuStore }> {
  const kuzu = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'ledger-')), 'graph.kuzu'));
  await kuzu.ensureSchema();
  await loadExtraction(kuzu, withFixture(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) }))));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) });
  const app = await startApp(config, { store: kuzu, log: pino({ level: 'silent' }), webDir: opts.webDir ?? join(tmpdir(), 'no-web') });
  const close = app.close;
  return Object.assign(app, { kuzu, close: async () => { await close(); await kuzu.close(); } });
}

