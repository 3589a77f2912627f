import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createApollo } from './api/apollo';
import type { Config } from './config';
import { extract } from './extract/extract';
import { loadExtraction } from './graph/loader';
import { CachedStore } from './graph/cached-store';
import { openStore } from './graph/open-store';
import { read } from './graph/queries';
import type { GraphStore } from './graph/store';
import { createHttpServer } from './http/server';
import { StorageFull } from './graph/disk';
import { applyCorrections } from './corrections/apply';
import { CorrectionStore } from './corrections/model';
import { readInputs } from './ingest/read-inputs';
import { seedFilesIn } from './seeds';

export const WEB_DIR = join(import.meta.dirname, '../dist/web');

export interface App { url: string; server: Server; store: GraphStore; close(): Promise<void> }

/** How often the cache asks Neo4j whether anyone has written: the bound on answers another instance made stale. */
export const CHANGE_WATCH_MS = 500;

/** Open the store, load the seeds into an empty one, and serve the API and the web app. */
export async function startApp(config: Config, opts: { log?: Logger; store?: GraphStore; webDir?: string } = {}): Promise<App> {
  const log = opts.log ?? pino({ level: config.LOG_LEVEL });
  const store = opts.store ?? (await openStore(config));
  log.info({ store: store.kind, location: store.location }, 'store open');

  const [stats] = await store.run(read('node-counts'));
  if (!stats || stats.documents === 0) {
    const t0 = performance.now();
    const read = await readInputs(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })));
    for (const w of read.warnings) log.warn({ file: w.file }, w.message);
    const result = extract(read.inputs);
    // Corrections kept in DATA_DIR outlive the graph: a store emptied and filled again keeps them.
    applyCorrections(result, await new CorrectionStore(config.dataDir).active());
    try {
      const outcomes = await loadExtraction(store, result);
      log.info({ documents: outcomes.filter((o) => o.status !== 'failed').length, ms: Math.round(performance.now() - t0) }, 'empty store: seeds loaded');
    } catch (err) {
      // The app still serves (an empty store) and says why; /healthz reports the disk.
      if (!(err instanceof StorageFull)) throw err;
      log.error(err.message);
    }
  }

  // Reads are cached until the next write, here or (Neo4j) by another process: seen within CHANGE_WATCH_MS.
  const served = config.KEEP_ANSWERS !== 'false' ? new CachedStore(store, { watchMs: CHANGE_WATCH_MS }) : store;
  const apollo = createApollo(log, { heavyReads: config.MAX_HEAVY_READS, heavyQueue: config.MAX_QUEUED_HEAVY });
  await apollo.start();
  const http = await createHttpServer({ apollo, store: served, health: store, config, log, webDir: opts.webDir ?? WEB_DIR });
  await http.listen({ port: config.PORT, host: config.HOST });
  const server = http.server;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  return {
    url, server, store,
    close: async () => {
      await http.close();
      await apollo.stop();
      if (!opts.store) await store.close();
    },
  };
}
