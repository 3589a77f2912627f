/**
 * Global setup of the "stores" test project (vitest.config.ts): a Neo4j for the Neo4j half of
 * the store and API suites. NEO4J_URI given: that server (its database is emptied). Otherwise,
 * with Java and Maven here: a local Neo4j 5.26 (scripts/neo4j) on a free port of 127.0.0.1, with
 * a temporary data directory, stopped and removed at the end. Without Java: in CI a failure (CI
 * runs everything on both stores); elsewhere one line saying why the Neo4j half did not run.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { missingTools, startLocalNeo4j } from '../../scripts/neo4j/local-neo4j';

export interface Neo4jUnderTest { uri: string; user: string; password: string; database?: string; lockDir: string }

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jUnderTest | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const lockDir = mkdtempSync(join(tmpdir(), 'neo4j-lock-'));
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE, lockDir,
    });
    console.log(`Neo4j half of the store and API tests: on ${process.env.NEO4J_URI} (its database is emptied)`);
    return async () => rmSync(lockDir, { recursive: true, force: true });
  }
  const why = missingTools();
  if (why) {
    if (process.env.CI === 'true') throw new Error(`CI runs the store and API tests on Neo4j as well as on the embedded store, but ${why}`);
    console.log(`Neo4j half of the store and API tests not run: ${why} Only the embedded store was tested (see README, "Running on Neo4j without Docker").`);
    project.provide('neo4j', null);
    return async () => rmSync(lockDir, { recursive: true, force: true });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'neo4j-test-'));
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(12).toString('hex');
  const t0 = Date.now();
  const neo4j = await startLocalNeo4j({ password, port: 0, dataDir, heap: '1g', pagecache: '256m', startTimeoutMs: 240_000 });
  console.log(`Neo4j half of the store and API tests: local Neo4j 5.26 at ${neo4j.uri}, started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  project.provide('neo4j', { uri: neo4j.uri, user: 'neo4j', password, lockDir });
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(lockDir, { recursive: true, force: true });
  };
}
