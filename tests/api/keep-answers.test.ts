/**
 * KEEP_ANSWERS, the measuring switch of bench:scale: `true` keeps reads and whole answers, `reads`
 * the store's reads only, `false` nothing. Over real HTTP on the embedded store with the seeds:
 * the same question asked twice reaches the store twice only with nothing kept, and the answers
 * are the same whatever is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import type { Budget } from '../../server/graph/budget';
import { read } from '../../server/graph/queries';
import type { GraphStore, Params } from '../../server/graph/store';
import { gql, startTestApp } from './helpers';

const QUESTION = '{ unit(id: "430500:市发展和改革委员会") { name leads { task { ref title } } } }';

describe.each(['true', 'reads', 'false'])('KEEP_ANSWERS=%s', (keep) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let reads = 0;
  let keyReads = 0;
  /** The store under the app's read cache, its reads counted (and those of the documents' keys). */
  const counted = (store: GraphStore): GraphStore => Object.create(store, { run: { value: (q: string, p?: Params, b?: Budget) => {
    reads++;
    if (q === read('document-keys')) keyReads++;
    return store.run(q, p, b);
  } } });
  beforeAll(async () => {
    app = await startTestApp({ env: { KEEP_ANSWERS: keep }, wrap: counted });
  });
  afterAll(async () => app?.close());

  it('answers the same, and reaches the store again only when nothing is kept', async () => {
    const first = await gql(app.url, QUESTION);
    expect(first.errors).toBeUndefined();
    // Seed 000 (邵阳, "排第一的为牵头单位"): 市发展和改革委员会 is listed first for tasks 1 and 3 (lines 17, 21), among others.
    expect(first.data.unit.name).toBe('市发展和改革委员会');
    const titles = first.data.unit.leads.map((l: { task: { title: string } }) => l.task.title).join('|');
    expect(titles).toContain('加速连接大湾区铁路大通道');
    expect(titles).toContain('加快建设国际航空网络');
    const before = reads;
    const second = await gql(app.url, QUESTION);
    expect(second.data).toEqual(first.data);
    if (keep === 'false') expect(reads).toBeGreaterThan(before);
    else expect(reads).toBe(before);
  });

  it('reads the documents\' keys once for the lights of all of a unit\'s duties (progress read from reports)', async () => {
    const before = keyReads;
    const r = await gql(app.url, '{ unit(id: "430500:市发展和改革委员会") { duties { task { light { light } } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.unit.duties.length).toBeGreaterThan(5);
    expect(keyReads - before).toBeLessThanOrEqual(1);
  });
});

describe('KEEP_ANSWERS values', () => {
  it('takes true, reads or false, and says so for anything else', () => {
    expect(loadConfig({}).KEEP_ANSWERS).toBe('true');
    expect(loadConfig({ KEEP_ANSWERS: 'reads' }).KEEP_ANSWERS).toBe('reads');
    expect(() => loadConfig({ KEEP_ANSWERS: 'maybe' })).toThrow(/KEEP_ANSWERS="maybe": must be true, reads or false/);
  });
});
