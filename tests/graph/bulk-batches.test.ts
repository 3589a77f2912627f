/** How the UNWIND bulk path cuts rows into transactions: by rows, and by the text they carry. */
import { describe, expect, it } from 'vitest';
import { batchesOf } from '../../server/graph/bulk-unwind';

describe('bulk batches', () => {
  const doc = (id: string, text: string) => ({ id, text });
  it('cut at the row limit', () => {
    const rows = Array.from({ length: 7 }, (_, i) => doc(`d${i}`, 'x'));
    expect(batchesOf(rows, 3, 1e9).map((b) => b.map((r) => r.id))).toEqual([['d0', 'd1', 'd2'], ['d3', 'd4', 'd5'], ['d6']]);
  });
  it('cut before the row that would carry a batch past the text limit; a longer row goes alone', () => {
    // Each row counts its strings plus 8 a value: d0 = 2 + 8 + 100 + 8 = 118, d1 = 118, d2 = 2 + 8 + 500 + 8 = 518.
    const rows = [doc('d0', 'a'.repeat(100)), doc('d1', 'b'.repeat(100)), doc('d2', 'c'.repeat(500)), doc('d3', 'd')];
    expect(batchesOf(rows, 100, 250).map((b) => b.map((r) => r.id))).toEqual([['d0', 'd1'], ['d2'], ['d3']]);
  });
  it('counts strings in lists (a unit’s aliases)', () => {
    const rows = [{ id: 'u0', aliases: ['a'.repeat(200)] }, { id: 'u1', aliases: ['b'] }];
    expect(batchesOf(rows, 100, 220).map((b) => b.map((r) => r.id))).toEqual([['u0'], ['u1']]);
  });
  it('gives no batch for no rows', () => {
    expect(batchesOf([], 10, 10)).toEqual([]);
  });
});
