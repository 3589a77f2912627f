import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Cypher statements, read once from cypher/: one file per statement, named for what it
 * does. Code refers to them by name (`READ['unit-ids']`), never builds Cypher from input.
 */
export const CYPHER_DIR = join(import.meta.dirname, '../../cypher');

function readDir(sub: string): Record<string, string> {
  const dir = join(CYPHER_DIR, sub);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .sort()
      .map((f) => [f.replace(/\.cypher$/, ''), readFileSync(join(dir, f), 'utf8').trim()]),
  );
}

export const READ: Readonly<Record<string, string>> = readDir('read');
export const LOAD: Readonly<Record<string, string>> = readDir('load');
export const BULK: Readonly<Record<string, string>> = readDir('bulk');

export function read(name: string): string {
  const q = READ[name];
  if (!q) throw new Error(`no read query cypher/read/${name}.cypher`);
  return q;
}

export function bulk(name: string): string {
  const q = BULK[name];
  if (!q) throw new Error(`no bulk statement cypher/bulk/${name}.cypher`);
  return q;
}

export function load(name: string): string {
  const q = LOAD[name];
  if (!q) throw new Error(`no load statement cypher/load/${name}.cypher`);
  return q;
}

/** Split a schema file into statements (one per `;`), comments dropped. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const NEO4J_SCHEMA: readonly string[] = statements(readFileSync(join(CYPHER_DIR, 'schema/neo4j.cypher'), 'utf8'));
