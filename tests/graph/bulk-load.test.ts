/**
 * The bulk path (a first load into an empty store) against the per-document path: the same
 * graph, node for node and property for property, whichever way it was written; all or nothing;
 * its temporary files always removed. On each store: Kuzu copies CSV files, Neo4j takes UNWIND
 * batches (cypher/bulk/).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincePlan } from '../../bench/province-plans';
import { syntheticPlan } from '../../bench/synthetic-plans';
import type { ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';
import { unwindBulkLoad } from '../../server/graph/bulk-unwind';
import { graphRows, prepareDocument } from '../../server/graph/graph-rows';
import { NULL_TOKEN } from '../../server/graph/kuzu-csv';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { BULK_MIN_DOCUMENTS, loadExtraction } from '../../server/graph/loader';
import { load, read } from '../../server/graph/queries';
import type { GraphStore } from '../../server/graph/store';
import { stores, type StoreUnderTest } from '../support/stores';
import { seedFilesIn } from '../../server/seeds';
import { withFixture } from '../support/ledger-fixture';
import { dump } from './graph-dump';
import { SEED_STATS } from './store-contract';

/** A plan whose text holds what CSV must carry: commas, quotes, backslashes, CRLF line ends. */
const AWKWARD = [
  '株洲市人民政府办公室关于印发《株洲市数据治理工作方案》的通知',
  '',
  '一、重点任务',
  '1.建设"城市大脑",打通 \\ 数据接口,统一"一网通办"入口。(牵头单位:市发改委;责任单位:市财政局、市数据局)',
  '2.推进政务数据共享,做到"应享尽享";2024年底前完成。(牵头单位:市数据局;责任单位:市发改委、各县市区)',
  '',
].join('\r\n');

let corpus: ExtractResult & { texts: Record<string, string> };
/** Kuzu with its CSV files in `bulkTmpDir` (to see them removed), or the Neo4j of the run, emptied. */
const opener = (under: StoreUnderTest) => async (opts: { bulkTmpDir?: string } = {}): Promise<GraphStore> => {
  if (under.name !== 'Kuzu') return under.open({ empty: true });
  const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'), opts);
  await store.ensureSchema();
  return store;
};
const rowsOf = (docs: ExtractResult['documents']) =>
  graphRows(docs.map((d) => prepareDocument(d, new Map(corpus.units.map((u) => [u.id, u])), new Map(corpus.regions.map((r) => [r.id, r])), corpus.texts[d.id])), corpus);

beforeAll(() => {
  const r = withFixture([
    ...seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })),
    ...Array.from({ length: 30 }, (_, n) => syntheticPlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })),
    ...Array.from({ length: 24 }, (_, n) => provincePlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })),
    { file: 'awkward.txt', bytes: Buffer.from(AWKWARD) },
  ]) as typeof corpus;
  // Aliases a CSV list cannot carry as they are (the extraction never writes these; a hand edit can).
  r.units.find((u) => u.id === '430200:市发展和改革委员会')!.surfaces.push('市发改委 [牵头], "主办"', ' 空格\\反斜杠 ');
  corpus = r;
});

describe.each(stores())('bulk load ($name): the same graph as a document at a time', (under) => {
  const open = opener(under);
  let incremental: { nodes: string[]; rels: string[] };
  beforeAll(async () => {
    const store = await open();
    try {
      await loadExtraction(store, corpus, undefined, { mode: 'incremental' });
      incremental = await dump(store);
    } finally {
      await store.close();
    }
  });

  it('the corpus is what the bulk path must carry', () => {
    expect(corpus.documents.length).toBeGreaterThanOrEqual(BULK_MIN_DOCUMENTS);
    expect(corpus.texts['awkward']).toContain('\r\n');
    expect(incremental.nodes.filter((l) => l.startsWith('Document ')).length).toBe(corpus.documents.length);
    // Every kind of node and relationship is there to compare.
    for (const kind of ['Region ', 'Task ', 'Unit ', 'Leader ', 'RegionLink ', 'UnitPair ']) expect(incremental.nodes.some((l) => l.startsWith(kind))).toBe(true);
    for (const type of ['ISSUED_IN', 'HAS_TASK', 'LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN', 'IN_JURISDICTION', 'MEMBER_OF', 'MENTIONS', 'WITHIN', 'OVERSEES']) {
      expect(incremental.rels.some((l) => l.split(' ')[1] === type)).toBe(true);
    }
  });

  it('a first load of 50+ documents into an empty store goes in bulk, and leaves every node, edge and property as the per-document path does', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'bulk-tmp-'));
    const store = await open({ bulkTmpDir: tmp });
    try {
      let bulk: { documents: number; rows: number } | undefined;
      const outcomes = await loadExtraction(store, corpus, undefined, { onBulk: (info) => (bulk = info) });
      expect(bulk?.documents).toBe(corpus.documents.length);
      expect(outcomes.every((o) => o.status === 'added')).toBe(true);
      const stored = await dump(store);
      expect(stored.nodes).toEqual(incremental.nodes);
      expect(stored.rels).toEqual(incremental.rels);
      // The raw text as the file has it, CRLF, quotes and backslash included.
      expect((await store.run(read('document-text'), { id: 'awkward' }))[0]!.raw).toBe(AWKWARD);
      const [unit] = await store.run(read('units-by-id'), { ids: ['430200:市发展和改革委员会'] });
      expect(unit!.aliases).toEqual(expect.arrayContaining(['市发改委 [牵头], "主办"', ' 空格\\反斜杠 ']));
      expect(readdirSync(tmp)).toEqual([]); // the CSV files are gone (Kuzu; Neo4j writes none)

      // Loading the same files again changes nothing: skipped, as npm run load does, or rewritten a document at a time.
      const skipped = await loadExtraction(store, corpus, undefined, { skipUnchanged: true });
      expect(skipped.every((o) => o.status === 'unchanged')).toBe(true);
      expect(await dump(store)).toEqual(stored);
      const edited = extract([{ file: 'awkward.txt', bytes: Buffer.from(AWKWARD.replace('市数据局;', '市统计局;')) }]);
      expect((await loadExtraction(store, edited, undefined, { skipUnchanged: true }))[0]!.status).toBe('replaced');
      await loadExtraction(store, extract([{ file: 'awkward.txt', bytes: Buffer.from(AWKWARD) }]));
      const again = await loadExtraction(store, corpus);
      expect(again.every((o) => o.status === 'replaced')).toBe(true);
      expect(await dump(store)).toEqual(stored);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('the UNWIND bulk path (Neo4j’s, cypher/bulk/) in small batches leaves the same graph', async () => {
    const store = await open();
    try {
      await unwindBulkLoad(store, rowsOf(corpus.documents), { batchRows: 700 }); // small batches, so that every statement runs in several
      expect(await dump(store)).toEqual(incremental);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('batches cut by the text they carry (Neo4j caps a transaction’s memory) leave the same graph', async () => {
    const store = await open();
    try {
      // 20,000 characters a batch: the documents (each with its whole text) go one to a few at a time.
      await unwindBulkLoad(store, rowsOf(corpus.documents), { batchChars: 20_000 });
      expect(await dump(store)).toEqual(incremental);
    } finally {
      await store.close();
    }
  }, 300_000);
});

describe.each(stores())('bulk load ($name): all or nothing', (under) => {
  const open = opener(under);
  let store: GraphStore;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'bulk-tmp-'));
    store = await open({ bulkTmpDir: tmp });
  });
  afterAll(async () => store?.close());

  it('a copy that fails leaves the store empty and usable, its temporary files removed, every document reported', async () => {
    // The seeds after a reset: tables that once held rows (Kuzu 0.11 crashed on a failed copy into those).
    await loadExtraction(store, corpus, undefined, { mode: 'incremental' });
    await store.write((tx) => tx.run(load('delete-all')));
    const rows = rowsOf(corpus.documents);
    // An assignment naming a task that is not there: Kuzu's relationship copy fails after the nodes
    // were copied; Neo4j's batches refuse it before writing (MATCH … CREATE would skip it silently).
    rows.rels.LEADS!.push({ ...rows.rels.LEADS![0]!, toId: 'no-such-task' });
    await expect(store.bulkLoad!(rows)).rejects.toThrow(/no-such-task/);
    expect(await dump(store)).toEqual({ nodes: [], rels: [] });
    expect(readdirSync(tmp)).toEqual([]);
    if (under.name === 'Kuzu') {
      // A file that cannot be written while the files before it are being copied in (kuzu-csv.ts):
      // the copies stop, nothing is written, the files go.
      const later = rowsOf(corpus.documents);
      later.rels.TIES![later.rels.TIES!.length - 1]!.taskTitle = `x${NULL_TOKEN}`;
      await expect(store.bulkLoad!(later)).rejects.toThrow(/^TIES row \d+ \(.+\), taskTitle, holds the CSV null marker/);
      expect(await dump(store)).toEqual({ nodes: [], rels: [] });
      expect(readdirSync(tmp)).toEqual([]);
    }

    // Through the loader: every document is reported failed, with the reason, and nothing is written.
    const failing: GraphStore = Object.create(store, { bulkLoad: { value: async () => { throw new Error('disk full'); } } });
    const outcomes = await loadExtraction(failing, corpus);
    expect(outcomes.map((o) => o.status)).toEqual(corpus.documents.map(() => 'failed'));
    expect(outcomes[0]!.error).toMatch(/bulk load of \d+ documents failed, so none of them was written: disk full/);

    // The store still takes a load, and it is whole.
    await loadExtraction(store, corpus);
    expect((await store.run(read('stats')))[0]!.documents).toBe(corpus.documents.length);
  }, 300_000);

  it('refuses a store that is not empty, saying why', async () => {
    await expect(loadExtraction(store, corpus, undefined, { mode: 'bulk' })).rejects.toThrow(/not empty.*--reset/);
  });

  it('a small first load goes a document at a time (one bad document fails alone)', async () => {
    await store.write((tx) => tx.run(load('delete-all')));
    const seeds = extract(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })));
    let bulk = false;
    const outcomes = await loadExtraction(store, seeds, undefined, { onBulk: () => (bulk = true) });
    expect(bulk).toBe(false);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('added'));
    expect((await store.run(read('stats')))[0]).toEqual(SEED_STATS);
  }, 120_000);
});

describe.each(stores())('the UNWIND bulk path ($name): a failed batch is undone', (under) => {
  const open = opener(under);
  it('deletes what earlier batches wrote, leaving the store empty', async () => {
    const store = await open();
    try {
      const rows = rowsOf(corpus.documents.slice(0, 8));
      let batches = 0;
      const failing = Object.create(store, {
        write: { value: (work: Parameters<GraphStore['write']>[0]) => store.write(async (tx) => {
          const bulkBatch = ++batches;
          if (bulkBatch === 6) throw new Error('connection lost');
          return work(tx);
        }) },
      }) as GraphStore;
      await expect(unwindBulkLoad(failing, rows, { batchRows: 50 })).rejects.toThrow('connection lost');
      expect(batches).toBeGreaterThan(6); // the undo ran after the failure
      expect(await dump(store)).toEqual({ nodes: [], rels: [] });
    } finally {
      await store.close();
    }
  }, 120_000);
});
