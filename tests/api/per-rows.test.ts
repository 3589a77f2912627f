/**
 * Values made from rows the store read, kept as long as those very rows are (server/api/per-rows.ts):
 * the read cache hands the same arrays until a write, and a write hands new ones.
 */
import { describe, expect, it } from 'vitest';
import { perRows } from '../../server/api/per-rows';

describe('perRows', () => {
  it('makes a value once per rows and key, anew for other rows or another key', () => {
    const kept = perRows<string>();
    let made = 0;
    const make = (v: string) => () => { made++; return v; };
    const links = [{ id: 'a' }];
    const tallies = [{ id: 't' }];
    expect(kept([links, tallies], 'fold', make('1'))).toBe('1');
    expect(kept([links, tallies], 'fold', make('never'))).toBe('1');
    expect(made).toBe(1);
    expect(kept([links, tallies], '', make('2'))).toBe('2');
    // A write: the store hands new rows, and the value is made from them.
    expect(kept([[{ id: 'a' }], tallies], 'fold', make('3'))).toBe('3');
    expect(kept([links, [{ id: 't' }]], 'fold', make('4'))).toBe('4');
    expect(made).toBe(4);
  });

  it('keeps at most 64 keys per rows: past that it starts again, still answering right', () => {
    const kept = perRows<number>();
    const rows = [{}];
    for (let i = 0; i < 64; i++) kept([rows], `k${i}`, () => i);
    expect(kept([rows], 'k5', () => -1)).toBe(5);
    expect(kept([rows], 'k64', () => 64)).toBe(64); // the 65th: the kept ones are let go
    expect(kept([rows], 'k5', () => -5)).toBe(-5);
  });
});
