/**
 * npm run load [-- [--reset] [--force] files…]
 * Read the files in any format (seeds/*.txt by default), extract them and load them into the configured store
 * (Neo4j when NEO4J_URI is set, else the embedded store): into an empty store, 50 or more documents in bulk;
 * otherwise one transaction per document, leaving alone those loaded before and unchanged (unless --force).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '../config';
import { extractMany } from '../extract/parallel';
import { readInputs } from '../ingest/read-inputs';
import { seedFilesIn } from '../seeds';
import { loadExtraction } from './loader';
import { applyCorrections } from '../corrections/apply';
import { CorrectionStore } from '../corrections/model';
import { openStore } from './open-store';
import { read } from './queries';
import { StoreError } from './store';
import { emptyStore } from './empty';

async function main(): Promise<number> {
  const args = parseArgs({ allowPositionals: true, options: { reset: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const files = args.positionals.length ? args.positionals : seedFilesIn();

  const inputs = [];
  for (const file of files) {
    try {
      inputs.push({ file, bytes: readFileSync(file) });
    } catch (err) {
      process.stderr.write(`error: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    }
  }
  const readFiles = await readInputs(inputs);
  const extracted = await extractMany(readFiles.inputs);
  const result = { ...extracted, warnings: [...readFiles.warnings, ...extracted.warnings], failed: [...readFiles.failed, ...extracted.failed] };
  for (const w of result.warnings) process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  // The corrections kept in DATA_DIR apply to every load, whatever the extractor's version.
  const corrected = [...applyCorrections(result, await new CorrectionStore(config.dataDir).active()).values()];
  if (corrected.length > 0) process.stderr.write(`corrections: ${corrected.filter(Boolean).length} applied, ${corrected.filter((f) => !f).length} orphaned (their task or unit is gone)\n`);
  if (result.documents.length === 0) {
    process.stderr.write('nothing to load: no file could be read\n');
    return 1;
  }

  const store = await openStore(config);
  process.stderr.write(`store: ${store.kind} at ${store.location}\n`);
  try {
    if (args.values.reset) {
      await emptyStore(store);
      process.stderr.write('store emptied (--reset)\n');
    }
    const bar = process.stderr.isTTY ? new SingleBar({ format: 'loading [{bar}] {value}/{total} {doc}', stream: process.stderr }) : null;
    bar?.start(result.documents.length, 0, { doc: '' });
    const t0 = performance.now();
    const outcomes = await loadExtraction(store, result, (o) => {
      if (bar) bar.increment({ doc: o.documentId });
      else process.stderr.write(`${o.status} ${o.documentId}${o.error ? `: ${o.error}` : ''}\n`);
    }, {
      // Files loaded before and not changed since are left alone, unless --force.
      skipUnchanged: !args.values.force,
      onBulk: ({ documents, rows }) => process.stderr.write(`empty store: loading ${documents} documents (${rows} rows) in bulk\n`),
    });
    bar?.stop();
    const ms = performance.now() - t0;
    const failed = outcomes.filter((o) => o.status === 'failed');
    for (const f of failed) process.stderr.write(`error: ${f.documentId} was not loaded (nothing of it was written): ${f.error}\n`);

    const [s] = await store.run(read('stats'));
    process.stderr.write(
      `loaded ${outcomes.length - failed.length}/${outcomes.length} documents in ${(ms / 1000).toFixed(2)} s` +
        `${outcomes.some((o) => o.status === 'unchanged') ? ` (${outcomes.filter((o) => o.status === 'unchanged').length} unchanged, left as they were)` : ''}\n` +
        `store now holds: ${s!.documents} documents, ${s!.tasks} tasks, ${s!.units} units, ${s!.regions} regions; ` +
        `assignments: ${s!.leads} lead, ${s!.responsible} responsible, ${s!.participants} participant\n`,
    );
    return failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`${err instanceof ConfigError || err instanceof StoreError ? '' : 'unexpected error: '}${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
