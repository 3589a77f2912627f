/** npm start: the app on the configured store (embedded unless NEO4J_URI is set). */
import './production';
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';
import { StoreError } from './graph/store';
import { loadWordTables } from './api/analytics/follow-ups';

try {
  const app = await startApp(loadConfig());
  const stop = async () => {
    // Killed while it checkpoints, Kuzu 0.11 can leave a log it cannot replay (kuzu-store.ts whyNotOpened).
    if (app.store.kind === 'embedded') process.stderr.write('stopping: writing the embedded store\'s log into its file (a checkpoint); let it finish, do not kill the process\n');
    await app.close();
    process.exit(0);
  };
  // Stoppable before it says it runs: whoever reads the line may stop it at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The word tables of comparisons and follow-ups, loaded while nobody waits (analytics/follow-ups.ts).
  setTimeout(loadWordTables, 1000).unref();
  process.stdout.write(`\n  责任落实图谱 is running: ${app.url}\n  GraphQL API:            ${app.url}/graphql\n  Store:                  ${app.store.kind} (${app.store.location})\n\n`);
} catch (err) {
  const known = err instanceof ConfigError || err instanceof StoreError;
  process.stderr.write(`${known ? '' : 'could not start: '}${(err as Error).message}\n`);
  process.exit(1);
}
