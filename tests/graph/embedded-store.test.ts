/**
 * What only the embedded store needs: reopening its files, tables made by an earlier version, many
 * reads on its connections. The contract every store meets is store-contract.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPlan } from '../../bench/synthetic-plans';
import type { ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { load, read } from '../../server/graph/queries';
import { ROLE_RELS } from '../../server/graph/model';
import { seedFilesIn } from '../../server/seeds';
import { FIXTURE_ID, fixtureExtraction, withFixture } from '../support/ledger-fixture';
import { SEED_STATS, seedExtraction } from './store-contract';

describe('embedded (Kuzu): loading again after the store was closed', () => {
  // Closing checkpoints the data into the database file; a later load replaces stored documents,
  // which once misread their new tasks (see cypher/load/delete-document.cypher).
  it('the same seeds leave every count unchanged, and a changed document has nothing stale', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu');
    const first = new KuzuStore(path);
    await first.ensureSchema();
    await loadExtraction(first, seedExtraction());
    await first.close();

    const store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      const outcomes = await loadExtraction(store, seedExtraction());
      expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('replaced'));
      expect((await store.run(read('stats')))[0]).toEqual(SEED_STATS);
      const leads = async () => (await store.run(read('assignments-of-units'), { unitIds: ['360300:市商务局'], roles: ['lead'] })).map((r) => r.taskId);
      expect(await leads()).toEqual(['001_5bed96e789233213:二.(一).2', '001_5bed96e789233213:二.(二).4']);

      // As in the contract's changed-document test: 市商务局 no longer co-leads item 2, item 17 is gone.
      const file = seedFilesIn()[1]!;
      const edited = readFileSync(file, 'utf8').replace('(牵头单位:市商务局、市发改委;', '(牵头单位:市发改委;').replace(/\n17\.加强跟踪协调[^\n]*/, '');
      await loadExtraction(store, extract([{ file, bytes: Buffer.from(edited) }]));
      expect(await leads()).toEqual(['001_5bed96e789233213:二.(二).4']);
      expect(await store.run(read('task-ids'), { documentId: '001_5bed96e789233213', text: '' })).toHaveLength(16);
    } finally {
      await store.close();
    }
  }, 120_000);
});

/** An assignment edge with every property it carries. */
function assignment(unitId: string, rel: string, taskId: string, a: Record<string, unknown>): string {
  return [unitId, rel, taskId, a.role, a.inferred, a.clause, a.quote, a.start, a.end, a.surface, a.surfaceStart, a.surfaceEnd, a.documentId].join(' ');
}

/** Every edge the extraction implies, one line each: what a load must leave in the store. */
function edgesOf(r: ExtractResult): string[] {
  const regionIds = new Set(r.regions.map((x) => x.id));
  return [
    ...r.documents.flatMap((d) => [
      ...(d.jurisdiction ? [`${d.id} ISSUED_IN ${d.jurisdiction.code}`] : []),
      ...d.tasks.flatMap((t) => [
        `${d.id} HAS_TASK ${[t.id, t.ref, t.title, t.section, t.part, t.start, t.end, t.text, JSON.stringify(t.clauses), JSON.stringify(t.items),
          t.deadline?.text ?? '', t.deadline?.date ?? '', t.deadline?.kind ?? '', t.deadline?.start ?? -1, t.deadline?.end ?? -1].join(' ')}`,
        ...t.regions.map((x) => `${t.id} MENTIONS ${x.id}`),
        // A leader is its jurisdiction and name; the first place the task names them.
        ...[...new Map(t.leaders.map((l) => [l.name, l])).values()].map((l) =>
          `${d.jurisdiction?.code ?? '000000'}:${l.name} ${l.name} OVERSEES ${t.id} ${l.post ?? ''} ${l.start} ${l.end} ${d.id}`),
        ...t.assignments.map((a) => assignment(a.unitId, ROLE_RELS[a.role as keyof typeof ROLE_RELS], t.id, { ...a, documentId: d.id })),
      ]),
    ]),
    ...r.units.flatMap((u) => [`${u.id} IN_JURISDICTION ${u.jurisdiction.code}`, ...u.members.map((m) => `${m} MEMBER_OF ${u.id}`)]),
    ...r.regions.flatMap((x) => [x.within, ...x.partOf].filter((p): p is string => !!p && regionIds.has(p)).map((p) => `${x.id} WITHIN ${p}`)),
  ].sort();
}

/** Every edge in the store, in the same form (ad-hoc Cypher: this is a test's view of the data). */
async function edgesIn(store: KuzuStore): Promise<string[]> {
  const q = (cypher: string) => store.run(cypher);
  return [
    ...(await q('MATCH (d:Document)-[:ISSUED_IN]->(r:Region) RETURN d.id + " ISSUED_IN " + r.id AS e')),
    ...(await q('MATCH (d:Document)-[:HAS_TASK]->(t:Task) RETURN d.id AS d, t')).map(({ d, t: task }) => {
      const t = task as Record<string, unknown>;
      return { e: `${d} HAS_TASK ${[t.id, t.ref, t.title, t.section, t.part, t.start, t.end, t.text, t.clauses, t.items,
        t.deadlineText, t.deadlineDate, t.deadlineKind, t.deadlineStart, t.deadlineEnd].join(' ')}` };
    }),
    ...(await q('MATCH (l:Leader)-[o:OVERSEES]->(t:Task) RETURN l.id + " " + l.name + " OVERSEES " + t.id + " " + o.post + " " + CAST(o.start AS STRING) + " " + CAST(o.`end` AS STRING) + " " + o.documentId AS e')),
    ...(await q('MATCH (t:Task)-[:MENTIONS]->(r:Region) RETURN t.id + " MENTIONS " + r.id AS e')),
    ...(await q('MATCH (u:Unit)-[a:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task) RETURN u.id AS u, label(a) AS rel, t.id AS t, a'))
      .map((r) => ({ e: assignment(r.u as string, r.rel as string, r.t as string, r.a as Record<string, unknown>) })),
    ...(await q('MATCH (u:Unit)-[:IN_JURISDICTION]->(r:Region) RETURN u.id + " IN_JURISDICTION " + r.id AS e')),
    ...(await q('MATCH (m:Unit)-[:MEMBER_OF]->(c:Unit) RETURN m.id + " MEMBER_OF " + c.id AS e')),
    ...(await q('MATCH (a:Region)-[:WITHIN]->(b:Region) RETURN a.id + " WITHIN " + b.id AS e')),
  ].map((r) => r.e as string).sort();
}

describe('embedded (Kuzu): the stored graph is exactly the extraction, however it was loaded', () => {
  // Kuzu 0.11 misreads rows written in the running transaction in more than one way (dialect.ts,
  // delete-document.cypher); comparing every edge after each kind of load catches a misread anywhere.
  it('fresh, reset and reloaded a document at a time, reset and loaded in bulk, and replaced after a reopen', async () => {
    // The seeds, 40 synthetic plans, and a plan with deadlines and leaders (ledger-fixture).
    const both = withFixture([
      ...seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })),
      ...Array.from({ length: 40 }, (_, n) => syntheticPlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })),
    ]);
    expect(both.documents.flatMap((d) => d.tasks).filter((t) => t.leaders.length > 0)).toHaveLength(3);
    const expected = edgesOf(both);

    const path = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu');
    let store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      await loadExtraction(store, both);
      expect(await edgesIn(store)).toEqual(expected);

      // After a reset the store reuses freed rows: load again, a document at a time.
      await store.write((tx) => tx.run(load('delete-all')));
      for (const doc of both.documents) await loadExtraction(store, { ...both, documents: [doc] });
      expect(await edgesIn(store)).toEqual(expected);

      // The bulk path (a first load into an empty store) leaves the same edges.
      await store.write((tx) => tx.run(load('delete-all')));
      await loadExtraction(store, both, undefined, { mode: 'bulk' });
      expect(await edgesIn(store)).toEqual(expected);

      await store.close();
      store = new KuzuStore(path);
      const outcomes = await loadExtraction(store, both);
      expect(outcomes.every((o) => o.status === 'replaced')).toBe(true);
      expect(await edgesIn(store)).toEqual(expected);
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('embedded (Kuzu): a database made before deadlines and leaders existed', () => {
  it('gains the new properties and tables when opened, and loads deadlines into them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu');
    const old = new KuzuStore(path);
    await old.ensureSchema();
    // What the previous version declared: no deadline properties, no Leader table.
    for (const ddl of ['DROP TABLE OVERSEES', 'DROP TABLE Leader', ...['deadlineText', 'deadlineDate', 'deadlineKind', 'deadlineStart', 'deadlineEnd'].map((p) => `ALTER TABLE Task DROP ${p}`)]) {
      await old.run(ddl);
    }
    await old.close();

    const store = new KuzuStore(path);
    try {
      await store.ensureSchema();
      await loadExtraction(store, fixtureExtraction());
      const [t] = await store.run(read('tasks-by-id'), { ids: [`${FIXTURE_ID}:一.1`] });
      expect(t).toMatchObject({ deadlineText: '2024年6月底前', deadlineDate: '2024-06-30', deadlineKind: 'date' });
      expect((await store.run(read('leaders-of-tasks'), { taskIds: [`${FIXTURE_ID}:一.1`] })).map((r) => r.name)).toEqual(['刘惠']);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('embedded (Kuzu): many reads at once', () => {
  // Kuzu 0.11 crashed the process (SIGSEGV) when two queries ran on one connection at once, which
  // a GraphQL request with five searches in parallel did on the four read connections.
  it('answers twelve different reads started together', async () => {
    const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'));
    try {
      await store.ensureSchema();
      await loadExtraction(store, seedExtraction());
      const reads = [
        ['search-units', { text: '发改委', limit: 20 }], ['search-tasks', { text: '菜篮子', limit: 20 }], ['search-regions', { text: '大湾区', limit: 20 }],
        ['search-leaders', { text: '刘惠', limit: 20 }], ['unit-ids', { jurisdiction: '430500', kind: '', text: '', limit: 100 }],
        ['unit-load', { jurisdiction: '430500' }], ['stats', {}], ['documents', {}], ['regions', {}],
        ['task-ids', { documentId: '', text: '' }], ['members', { ids: ['430500:各县市区'] }], ['partners', { unitIds: ['430500:市绩效办'] }],
      ] as const;
      const results = await Promise.all(reads.map(([q, p]) => store.run(read(q), p)));
      expect(results.map((r) => r.length)).toEqual([4, 1, 1, 0, expect.any(Number), expect.any(Number), 1, 5, 70, 83, 12, 3]);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('embedded (Kuzu): a read that fills the buffer pool', () => {
  it('is refused as StoreMemoryExceeded (the asker\'s to narrow, answered QUERY_TOO_EXPENSIVE), and the store answers the next read', async () => {
    const { provincePlan } = await import('../../bench/province-plans');
    const { StoreMemoryExceeded } = await import('../../server/graph/store');
    // 64 MB, the least KUZU_BUFFER_POOL_MB takes, and 200 plans whose every task's assignments are read six times at once.
    const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'), { bufferPoolBytes: 64 * 1024 * 1024 });
    try {
      await store.ensureSchema();
      const plans = Array.from({ length: 200 }, (_, n) => provincePlan(n));
      const outcomes = await loadExtraction(store, extract(plans.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))));
      expect(outcomes.every((o) => o.status === 'added')).toBe(true);
      const ids = (await store.run('MATCH (t:Task) RETURN t.id AS id')).map((r) => r.id as string);
      const all = Promise.all(Array.from({ length: 6 }, () => store.run(read('assignments-of-tasks'), { taskIds: ids })));
      await expect(all).rejects.toBeInstanceOf(StoreMemoryExceeded);
      await expect(all).rejects.toThrow(/buffer pool is full.*ask for less/);
      expect(await store.run(read('task-by-id'), { id: ids[0] })).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
