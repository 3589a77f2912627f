/**
 * The read cache in front of each real store (server/graph/cached-store.ts): a write forgets the
 * reads that depend on what it says it changed and keeps the rest; and a read that a request's
 * time budget stopped halfway (it never settles, graph/budget.ts) is not handed to the next asker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetExceeded, withBudget } from '../../server/graph/budget';
import { CachedStore } from '../../server/graph/cached-store';
import { read } from '../../server/graph/queries';
import type { GraphStore } from '../../server/graph/store';
import { stores } from '../support/stores';

describe.each(stores())('read cache ($name)', (under) => {
  let store: GraphStore;
  let release: () => void;
  beforeAll(async () => {
    release = await under.hold();
    store = await under.open({ empty: true });
  });
  afterAll(async () => {
    await store?.close();
    release?.();
  });

  it('a write that names what it changed forgets the reads depending on it, and keeps the others', async () => {
    const cached = new CachedStore(store);
    const unitX = () => cached.run(read('units-by-id'), { ids: ['430500:市发改委'] });
    const unitY = () => cached.run(read('units-by-id'), { ids: ['430200:市发改委'] });
    const list = () => cached.run(read('documents'));
    for (const r of [unitX, unitY, list]) expect(await r()).toEqual([]);
    await cached.write(async (tx) => tx.changes?.(['unit:430200:市发改委']));
    const trips = store.roundTrips;
    expect(await unitX()).toEqual([]);
    expect(store.roundTrips).toBe(trips); // kept
    await unitY();
    await list();
    expect(store.roundTrips).toBe(trips + 2); // the unit named, and a list (it depends on everything)
    // A write that names nothing forgets everything.
    await cached.write(async () => undefined);
    const after = store.roundTrips;
    await unitX();
    expect(store.roundTrips).toBe(after + 1);
  });

  it('a read stopped by its request running out of time is read again for the next asker', async () => {
    const cached = new CachedStore(store);
    // A budget already spent: the store's read never settles for that request.
    await expect(withBudget(0, (b) => cached.run(read('regions'), {}, b))).rejects.toBeInstanceOf(BudgetExceeded);
    const next = await Promise.race([cached.run(read('regions')), new Promise((r) => setTimeout(() => r('never answered'), 5000))]);
    expect(next).toEqual([]);
  });
});
