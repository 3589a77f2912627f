/**
 * A question heavy by its worst case but light once answered (server/api/answer-sizes.ts): asked
 * again while every heavy place is taken, it is answered instead of refused BUSY; after an upload
 * that changes what it read, it is taken at its worst case again. Over real HTTP with the seeds, the
 * heavy place held by a question whose first read waits until the test lets it go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Budget } from '../../server/graph/budget';
import type { GraphStore, Params } from '../../server/graph/store';
import { stores } from '../support/stores';
import { gql, INGEST_TOKEN, startTestApp } from './helpers';

/** 邵阳's units drawn: estimated 56,501 objects (500 units, 50,000 pairs, 5,000 memberships), a few hundred answered. */
const CITY = '{ jurisdictionGraph(jurisdiction: "430500", limit: 500) { units { unit { id } total } shared { a b tasks } memberships { member collective } } }';
const OTHER_CITY = CITY.replace('limit: 500', 'limit: 499');
/** Heavy, and never asked before (its reads not kept): each hold asks for a different number of units. */
let holds = 0;
const holder = () => `{ units(limit: ${500 - ++holds}) { id leads { task { id } } } }`;
const SHAOYANG_PLAN = '邵阳市推进物流发展工作方案\n\n一、重点任务\n1.建设货运枢纽。(牵头单位:市发改委;责任单位:市商务局)\n';

describe.each(stores())('API: a heavy question weighed light runs past the heavy gate ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  /** Set, the next heavy read waits for it; `held` resolves when one does. */
  let latch: Promise<void> | undefined;
  let held: () => void = () => undefined;
  const holding = (s: GraphStore): GraphStore => Object.create(s, { run: { value: async (q: string, p?: Params, b?: Budget) => {
    if (b?.heavy && latch) {
      const wait = latch;
      latch = undefined;
      held();
      await wait;
    }
    return s.run(q, p, b);
  } } });
  beforeAll(async () => {
    // Reads kept, whole answers not (the second ask reaches the gate); one heavy place, no queue.
    app = await startTestApp({ store, wrap: holding, env: { KEEP_ANSWERS: 'reads', MAX_HEAVY_READS: '1', MAX_QUEUED_HEAVY: '0' } });
  });
  afterAll(async () => app?.close());

  /** The next heavy read waits until `release`; `started` resolves once one does. */
  function arm(): { release: () => void; started: Promise<void> } {
    let release!: () => void;
    latch = new Promise((r) => { release = r; });
    return { release, started: new Promise<void>((r) => { held = r; }) };
  }

  /** Takes the one heavy place until the returned function is called; resolves with the holder's answer. */
  async function holdGate(): Promise<{ release: () => void; answer: ReturnType<typeof gql> }> {
    const { release, started } = arm();
    const answer = gql(app.url, holder());
    await started;
    return { release, answer };
  }

  /** A plan of 邵阳 on `topic`: its units and their pairs change. */
  const upload = async (topic: string) => {
    const up = await gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status } }',
      { f: `shaoyang-${topic}.txt`, t: SHAOYANG_PLAN.replace('物流', topic) }, { authorization: `Bearer ${INGEST_TOKEN}` });
    expect(up.errors).toBeUndefined();
    expect(up.data.ingestDocument.status).toBe('ADDED');
  };

  it('answers the weighed question while the gate is full, refuses an unweighed one, and weighs again after a write', async () => {
    const first = await gql(app.url, CITY);
    expect(first.errors).toBeUndefined();
    const units = first.data.jurisdictionGraph.units.length;
    expect(units).toBeGreaterThan(5);

    let gate = await holdGate();
    const again = await gql(app.url, CITY);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);
    const other = await gql(app.url, OTHER_CITY);
    expect(other.status).toBe(503);
    expect(other.errors?.[0]?.extensions?.code).toBe('BUSY');
    gate.release();
    expect((await gate.answer).data.units.length).toBeGreaterThan(0);

    // 邵阳's plan changes its units and their pairs: the weight goes with them.
    await upload('物流');
    gate = await holdGate();
    const afterWrite = await gql(app.url, CITY);
    expect(afterWrite.errors?.[0]?.extensions?.code).toBe('BUSY');
    gate.release();
    await gate.answer;

    // Answered once more with the place free, it is weighed again and lets past the full gate.
    const weighedAgain = await gql(app.url, CITY);
    expect(weighedAgain.errors).toBeUndefined();
    gate = await holdGate();
    expect((await gql(app.url, CITY)).status).toBe(200);
    gate.release();
    await gate.answer;
  });

  it('asked again while being weighed, it waits for the weight instead of queueing for the gate', async () => {
    await upload('冷链');
    // The first asker weighs it and takes the one heavy place; its first read waits.
    const { release, started } = arm();
    const first = gql(app.url, CITY);
    await started;
    const second = gql(app.url, CITY);
    await new Promise((r) => setTimeout(r, 300)); // the second has asked, and waits
    release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.data).toEqual(a.data);
    expect(a.data.jurisdictionGraph.units.length).toBeGreaterThan(5);
  });
});
