import { describe, expect, it } from 'vitest';
import { BudgetExceeded, readInTime, unbudgeted, withBudget } from '../../server/graph/budget';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** What a promise has done after `ms`: its value, its error, or still pending. */
const stateAfter = async <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((value) => ({ value }), (error: unknown) => ({ error })), sleep(ms).then(() => 'pending' as const)]);

describe('a request’s time budget', () => {
  it('answers BudgetExceeded at the deadline while the work is still under way, and releases once', async () => {
    let released = 0;
    const t0 = Date.now();
    const answer = withBudget(50, async (b) => {
      b.release = () => released++;
      await sleep(500);
      return 'late';
    });
    await expect(answer).rejects.toBeInstanceOf(BudgetExceeded);
    expect(Date.now() - t0).toBeLessThan(400);
    expect(released).toBe(1);
  });

  it('gives a read that finishes in time its rows, and its error when it fails in time', async () => {
    await withBudget(1000, async (b) => {
      expect(await readInTime(b, async () => [1, 2])).toEqual([1, 2]);
      await expect(readInTime(b, async () => { throw new Error('bad query'); })).rejects.toThrow('bad query');
    });
  });

  it('stops, without failing, a read that settles after the deadline or would start after it', async () => {
    let started = 0;
    let inner: Promise<void> | undefined;
    const answer = withBudget(30, (b) => {
      // Thousands of fields wait on reads like these: failing each would make an error per field.
      inner = (async () => {
        const late = readInTime(b, async () => { await sleep(100); return 'rows'; });
        const lateFailure = readInTime(b, async () => { await sleep(100); throw new Error('Interrupted'); });
        expect(await stateAfter(late, 300)).toBe('pending');
        expect(await stateAfter(lateFailure, 10)).toBe('pending');
        const after = readInTime(b, async () => { started++; return 'rows'; });
        expect(await stateAfter(after, 50)).toBe('pending');
      })();
      return inner;
    });
    await expect(answer).rejects.toBeInstanceOf(BudgetExceeded);
    await inner;
    expect(started).toBe(0);
  });

  it('reads without limit outside a request (loads, the command line)', async () => {
    expect(await readInTime(undefined, async () => 'rows')).toBe('rows');
  });

  // The tests run in checked mode (vitest.config.ts): a read path that lost its request's budget fails.
  it('refuses, in checked mode, a read made inside a request without its budget, unless it is declared shared', async () => {
    expect(process.env.BUDGET_CHECK).toBe('1');
    await withBudget(1000, async (b) => {
      await Promise.resolve(); // however deep: after an await, as a resolver's read would be
      expect(() => readInTime(undefined, async () => 'rows')).toThrow(/does not carry its time budget/);
      expect(await readInTime(b, async () => 'rows')).toBe('rows');
      expect(await unbudgeted(() => readInTime(undefined, async () => 'shared rows'))).toBe('shared rows');
    });
  });
});
