/**
 * The process-wide scheduler of long work (server/pace.ts): past the slice, work waits for a turn
 * of the event loop; the waiting are let go in the order they came, as many in a turn as their own
 * work fits in the slice: cheap ones all at once, costly ones a few per turn with I/O in between.
 */
import { describe, expect, it } from 'vitest';
import { turnIfLong } from '../server/pace';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* the work of a waiter */ }
};

/** Counts turns of the event loop (a check-phase callback each) until stopped. */
function turnCounter() {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return { get turns() { return turns; }, stop: () => { on = false; } };
}

describe('turns for long work', () => {
  it('lets cheap waiters go together in one turn, in the order they came', async () => {
    busy(12); // past the slice: whoever asks now waits
    const order: number[] = [];
    const counter = turnCounter();
    const startTurn = counter.turns;
    await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      await (turnIfLong() ?? Promise.reject(new Error('past the slice, a waiter must wait')));
      order.push(i);
    }));
    const spent = counter.turns - startTurn;
    counter.stop();
    expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // Let go one per turn, 200 waiters took 200 turns; with their promise jobs timed, one or two.
    expect(spent).toBeLessThanOrEqual(2);
  });

  it('lets costly waiters go a few per turn, so that I/O is polled in between', async () => {
    busy(12);
    const counter = turnCounter();
    const turnOf: number[] = [];
    await Promise.all(Array.from({ length: 12 }, async () => {
      await (turnIfLong() ?? Promise.reject(new Error('past the slice, a waiter must wait')));
      turnOf.push(counter.turns);
      busy(4);
    }));
    counter.stop();
    const perTurn = [...turnOf.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<number, number>()).values()];
    // 4 ms each in a 10 ms slice: at most three in a turn (the third starts before 10 ms are spent).
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(3);
    expect(perTurn.length).toBeGreaterThanOrEqual(4);
    expect(turnOf).toHaveLength(12);
  });
});
