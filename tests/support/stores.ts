/**
 * The stores every store and API suite runs on, with the same expected values:
 *
 *   describe.each(stores())('$name', (store) => { … store.open() … })
 *
 * Kuzu always (a fresh database directory per open); Neo4j when the "stores" project's global
 * setup (neo4j-global-setup.ts) has one. Neo4j Community has a single user database, so the test
 * files, which run in parallel, take turns on it: opening a Neo4j store waits for a lock shared
 * by the test processes (held until the last store this process opened is closed), and
 * `{ empty: true }` starts from an empty database.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { Neo4jStore } from '../../server/graph/neo4j-store';
import type { GraphStore } from '../../server/graph/store';
import type { Neo4jUnderTest } from './neo4j-global-setup';
import { emptyStore } from '../../server/graph/empty';

export type StoreName = 'Kuzu' | 'Neo4j';

export interface StoreUnderTest {
  name: StoreName;
  /** What the store says it is (GraphStore.kind, /healthz). */
  kind: GraphStore['kind'];
  /**
   * A store with its schema; `empty`: with nothing in it (a new Kuzu always is). `at`: a directory
   * for Kuzu's files, so that a suite can close the store and open the same graph again (a
   * restart); Neo4j has one database and ignores it. The caller closes it.
   */
  open(opts?: { empty?: boolean; at?: string }): Promise<GraphStore>;
  /** Environment for the app's own openStore (config.ts): NEO4J_URI… for Neo4j, DATA_DIR for Kuzu. */
  env(): Record<string, string>;
  /**
   * Keep the store this suite's until the returned function is called, across closing and opening
   * it again (a restart): Neo4j's database would otherwise go to the next suite in between.
   */
  hold(): Promise<() => void>;
}

export const kuzu: StoreUnderTest = {
  name: 'Kuzu',
  kind: 'embedded',
  open: async (opts = {}) => {
    const store = new KuzuStore(join(opts.at ?? mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'));
    await store.ensureSchema();
    return store;
  },
  env: () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) }),
  hold: async () => () => undefined,
};

/** The Neo4j under test, or null when this run has none (the global setup said why). */
export function neo4jUnderTest(): Neo4jUnderTest | null {
  return inject('neo4j') ?? null;
}

export function neo4jStore(n: Neo4jUnderTest): StoreUnderTest {
  return {
    name: 'Neo4j',
    kind: 'neo4j',
    open: async (opts = {}) => {
      await acquire(n.lockDir);
      try {
        const store = await Neo4jStore.connect({ uri: n.uri, user: n.user, password: n.password, database: n.database, connectTimeoutMs: 30_000 });
        await store.ensureSchema();
        if (opts.empty) await emptyStore(store);
        const close = store.close.bind(store);
        return Object.assign(store, {
          close: async () => {
            try {
              await close();
            } finally {
              release(n.lockDir);
            }
          },
        });
      } catch (err) {
        release(n.lockDir);
        throw err;
      }
    },
    hold: async () => {
      await acquire(n.lockDir);
      return () => release(n.lockDir);
    },
    env: () => ({
      NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, ...(n.database ? { NEO4J_DATABASE: n.database } : {}),
    }),
  };
}

/** Kuzu, and Neo4j when this run has one. */
export function stores(): StoreUnderTest[] {
  const n = neo4jUnderTest();
  return n ? [kuzu, neo4jStore(n)] : [kuzu];
}

/**
 * The Neo4j lock: a directory made atomically, holding the owner's pid. Re-entrant within a
 * process (a suite may open a second store while it holds one); a lock whose process is gone is
 * taken over.
 */
let held = 0;
const LOCK_WAIT_MS = 20 * 60_000;

export async function acquire(lockDir: string): Promise<void> {
  if (held++ > 0) return;
  const path = join(lockDir, 'lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        held--;
        throw err;
      }
    }
    const owner = Number(readText(join(path, 'pid')));
    if (owner && !alive(owner)) rmSync(path, { recursive: true, force: true });
    if (Date.now() > deadline) {
      held--;
      throw new Error(`waited ${LOCK_WAIT_MS / 60_000} min for the Neo4j test database (held by process ${owner}): did a suite not close its store?`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function release(lockDir: string): void {
  if (held === 0) return;
  if (--held === 0) rmSync(join(lockDir, 'lock'), { recursive: true, force: true });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
