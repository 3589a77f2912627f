#!/usr/bin/env node
/**
 * npm run neo4j
 *
 * Starts Neo4j Community 5.26 on 127.0.0.1 without Docker, for development and tests: Bolt on
 * NEO4J_PORT (7687; 0 = a free port), user neo4j with the password NEO4J_PASSWORD, data under
 * NEO4J_DATA_DIR (data/neo4j). Built with Maven on first use (Neo4j's jars come from Maven
 * Central), then started at once. Prints the bolt:// URI when it accepts connections; Ctrl-C
 * stops it cleanly (`-- --build` only builds). Then, in another shell:
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npm start
 */
import { resolve } from 'node:path';
import { buildLauncher, LocalNeo4jError, missingTools, startLocalNeo4j } from './local-neo4j';

if (process.argv.includes('--build')) {
  // npm run neo4j -- --build: only build (CI does it before the tests, so a failure is named here).
  try {
    buildLauncher();
    process.exit(0);
  } catch (err) {
    console.error(`npm run neo4j: ${err instanceof LocalNeo4jError ? err.message : String(err)}`);
    process.exit(1);
  }
}

const password = process.env.NEO4J_PASSWORD ?? '';
if (password.length < 8) {
  console.error('npm run neo4j: set NEO4J_PASSWORD (at least 8 characters), e.g. `NEO4J_PASSWORD=devpassword npm run neo4j`; the app then needs the same NEO4J_PASSWORD.');
  process.exit(2);
}
const port = Number(process.env.NEO4J_PORT ?? 7687);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm run neo4j: NEO4J_PORT=${process.env.NEO4J_PORT}: must be a port number 0–65535 (0 = any free port)`);
  process.exit(2);
}
const why = missingTools();
if (why) {
  console.error(`npm run neo4j: ${why}\nWithout Neo4j the app runs on its embedded store: leave NEO4J_URI unset.`);
  process.exit(2);
}

const t0 = Date.now();
try {
  const neo4j = await startLocalNeo4j({
    password,
    port,
    dataDir: resolve(process.env.NEO4J_DATA_DIR ?? 'data/neo4j'),
    heap: process.env.NEO4J_HEAP ?? '1g',
    log: (line) => console.error(line),
  });
  console.error(`neo4j: accepting connections after ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${neo4j.pid}); Ctrl-C stops it`);
  console.log(neo4j.uri);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void neo4j.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  neo4j.process.once('exit', (code) => {
    if (!stopping) {
      console.error(`neo4j: exited unexpectedly (code ${code})`);
      process.exit(1);
    }
  });
} catch (err) {
  console.error(`npm run neo4j: ${err instanceof LocalNeo4jError ? err.message : String(err)}`);
  process.exit(1);
}
