/** Each dialect difference between Neo4j and the embedded store, one test each. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kuzuParams, kuzuSchema, toKuzu } from '../../server/graph/dialect';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { NODES, RELS } from '../../server/graph/model';
import { read } from '../../server/graph/queries';

describe('dialect', () => {
  it('declares the model as Kuzu tables, quoting reserved words', () => {
    const ddl = kuzuSchema(NODES, RELS);
    expect(ddl).toContain('CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Unit TO Unit)');
    expect(ddl.find((s) => s.includes('NODE TABLE IF NOT EXISTS Task'))).toContain('`end` INT64');
    expect(ddl.find((s) => s.includes('NODE TABLE IF NOT EXISTS Unit'))).toContain('aliases STRING[], ');
    expect(ddl).toHaveLength(NODES.length + RELS.length);
  });

  it('rewrites shortestPath to Kuzu’s SHORTEST and type() to label()', () => {
    expect(toKuzu('MATCH p = shortestPath((a)-[:X|Y*..8]-(b)) RETURN type(r)')).toBe('MATCH p = (a)-[:X|Y* SHORTEST 1..8]-(b) RETURN label(r)');
    expect(toKuzu(read('connection'))).toContain('(a)-[:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN|MEMBER_OF* SHORTEST 1..8]-(b)');
    expect(toKuzu('MATCH (n) RETURN n.type')).toBe('MATCH (n) RETURN n.type');
  });

  it('inside a write transaction, spells `n.p IN $list` as any()', () => {
    const q = 'MATCH (r:Region) WHERE r.id IN $ids RETURN r.id';
    expect(toKuzu(q, { inWriteTransaction: true })).toBe('MATCH (r:Region) WHERE any(inItem IN $ids WHERE inItem = r.id) RETURN r.id');
    expect(toKuzu(q)).toBe(q);
  });

  it('counts list positions from 1', () => {
    expect(toKuzu('UNWIND range(0, size($ids) - 1) AS i RETURN $ids[i], $quotes[i]')).toBe('UNWIND range(0, size($ids) - 1) AS i RETURN $ids[i + 1], $quotes[i + 1]');
  });

  it('skips UNWIND of an empty list and casts other empty lists', () => {
    expect(kuzuParams('UNWIND $rows AS row MERGE (n:X {id: row.id})', { rows: [] }).skip).toBe(true);
    expect(kuzuParams('MATCH (u:Unit) WHERE u.id IN $ids RETURN u', { ids: [] })).toEqual({
      query: 'MATCH (u:Unit) WHERE u.id IN CAST($ids AS STRING[]) RETURN u', skip: false,
    });
  });

  it('refuses values Kuzu cannot type, with the reason', () => {
    expect(() => kuzuParams('RETURN $x', { x: null })).toThrow(/\$x is null/);
    expect(() => kuzuParams('UNWIND $rows AS r RETURN r', { rows: [{ a: [] }, { a: ['x'] }] })).toThrow(/field "a" of the first row is an empty list/);
  });

  describe('on the embedded store', () => {
    let store: KuzuStore;
    beforeAll(async () => {
      store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'dialect-')), 'graph.kuzu'));
      await store.ensureSchema();
    });
    afterAll(async () => store.close());

    it('answers an empty id list with no rows instead of crashing', async () => {
      expect(await store.run(read('units-by-id'), { ids: [] })).toEqual([]);
      await store.write((tx) => tx.run('UNWIND $rows AS row MERGE (u:Unit {id: row.id})', { rows: [] }));
    });

    it('finds rows created in the running transaction by a list of ids', async () => {
      // Kuzu 0.11's IN returned r3's values for the new region here, until the statement said any().
      const ids = Array.from({ length: 27 }, (_, i) => `r${i}`);
      await store.write((tx) => tx.run("UNWIND $ids AS i CREATE (:Region {id: i, name: i, level: 'county', searchText: i})", { ids }));
      const found = await store.write(async (tx) => {
        await tx.run("CREATE (:Region {id: 'new', name: 'new', level: 'county', searchText: 'new'})");
        return tx.run('MATCH (r:Region) WHERE r.id IN $ids RETURN r.id AS id', { ids: ['r3', 'new', 'r5'] });
      });
      expect(found.map((r) => r.id).sort()).toEqual(['new', 'r3', 'r5']);
    });

    it('returns paths as plain node property maps', async () => {
      await store.write(async (tx) => {
        await tx.run("MERGE (a:Unit {id: 'a'}) MERGE (b:Unit {id: 'b'}) MERGE (a)-[:MEMBER_OF]->(b)");
      });
      const [row] = await store.run(read('connection'), { fromId: 'a', toId: 'b' });
      expect((row!.path as Array<Record<string, unknown>>).map((n) => [n.id, n.label])).toEqual([['a', 'Unit'], ['b', 'Unit']]);
    });
  });
});
