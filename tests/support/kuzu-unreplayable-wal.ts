/**
 * For tests/graph/kuzu-open.test.ts, in processes of their own (a Kuzu database that failed to
 * open, or was left open, may crash the process as it exits):
 * `make DIR`: an embedded store at DIR/graph.kuzu, closed cleanly, with beside it a write-ahead log
 * it cannot replay (another database's: it creates a table the store already has); prints READY.
 * `open DIR`: opens it as the app does and prints what it said, as JSON.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';
import { KuzuStore } from '../../server/graph/kuzu-store';

const [mode, dir] = process.argv.slice(2);
const location = join(dir!, 'graph.kuzu');
if (mode === 'make') {
  const store = new KuzuStore(location);
  await store.ensureSchema();
  await store.close();
  // Auto-checkpoint off: the table stays in the log.
  const other = new kuzu.Database(join(dir!, 'other.kuzu'), 0, true, false, 0, false);
  const conn = new kuzu.Connection(other);
  await conn.query('CREATE NODE TABLE Document(id STRING, PRIMARY KEY(id))');
  copyFileSync(join(dir!, 'other.kuzu.wal'), `${location}.wal`);
  process.stdout.write('READY\n');
  process.exit(0);
} else if (mode === 'open') {
  try {
    new KuzuStore(location);
    process.stdout.write(`${JSON.stringify({ opened: true })}\n`);
  } catch (err) {
    process.stdout.write(`${JSON.stringify({ name: (err as Error).name, message: (err as Error).message })}\n`);
  }
  process.exit(0);
}
