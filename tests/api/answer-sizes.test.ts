/**
 * What heavy questions weighed (server/api/answer-sizes.ts) is kept like a whole answer: forgotten
 * when a write changes what it read or a progress record moves what read progress, and not kept when
 * measured across a change. And the weight itself (bounds.ts costWith): the estimate with each list
 * field's longest list in place of its maximum, worked out here by hand.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AnswerSizes } from '../../server/api/answer-sizes';
import { createSchema } from '../../server/api/apollo';
import { checkCost, costWith, HEAVY_COST } from '../../server/api/bounds';
import { PROGRESS } from '../../server/graph/dependencies';

function setUp() {
  let tell: (changed: ReadonlySet<string> | null) => void = () => undefined;
  let progress = 0;
  const sizes = new AnswerSizes({ onChange: (l) => { tell = l; } }, () => progress);
  return { sizes, write: (tags: string[] | null) => tell(tags && new Set(tags)), recordProgress: () => { progress++; } };
}

describe('what heavy questions weighed', () => {
  it('is kept until a write changes what it read, or progress moves under an answer that read it', () => {
    const { sizes, write, recordProgress } = setUp();
    const a = sizes.keyOf('{ a }', {}, null)!;
    const b = sizes.keyOf('{ b }', { x: 1 }, 'B')!;
    expect(a).not.toBe(b);
    expect(sizes.keyOf('{ a }', undefined, undefined)).toBe(a);
    sizes.set(a, 120, new Set(['jur:430500']), sizes.mark());
    sizes.set(b, 300, new Set(['jur:430200', PROGRESS]), sizes.mark());
    expect([sizes.get(a), sizes.get(b)]).toEqual([120, 300]);
    write(['jur:430200']);
    expect([sizes.get(a), sizes.get(b)]).toEqual([120, undefined]);
    sizes.set(b, 300, new Set(['jur:430200', PROGRESS]), sizes.mark());
    recordProgress();
    expect([sizes.get(a), sizes.get(b)]).toEqual([120, undefined]);
    write(null);
    expect(sizes.get(a)).toBeUndefined();
  });

  it('is not kept when measured across a change (it may weigh either state)', () => {
    const { sizes, write } = setUp();
    const key = sizes.keyOf('{ a }', {}, null)!;
    const since = sizes.mark();
    write(['unit:other']);
    sizes.set(key, 10, new Set(['jur:430500']), since);
    expect(sizes.get(key)).toBeUndefined();
  });

  it('lets askers wait for a weighing under way, but not for one begun before a change (it can give no weight)', () => {
    const { sizes, write } = setUp();
    const key = sizes.keyOf('{ a }', {}, null)!;
    const done = sizes.begin(key);
    expect(sizes.underWay(key)).toBeInstanceOf(Promise);
    write(['unit:x']);
    expect(sizes.underWay(key)).toBeUndefined();
    done();
    const again = sizes.begin(key);
    expect(sizes.underWay(key)).toBeInstanceOf(Promise);
    again();
    expect(sizes.underWay(key)).toBeUndefined();
  });

  it('keeps nothing with a store that does not tell its changes', () => {
    expect(new AnswerSizes({}).keyOf('{ a }', {}, null)).toBeUndefined();
  });

  it('weighs an answer by its lists: each list field at its longest list, fields never resolved at 0', () => {
    const schema = createSchema();
    const doc = parse('{ jurisdictionGraph(jurisdiction: "430500", limit: 500, ties: 8) { units { unit { id } total } shared { a b tasks } memberships { member collective } more } }');
    // Worst case: 500 (weight) + 1 (the graph) + 500 units × 2 (UnitLoad, Unit) + 50,000 shared + 5,000 memberships.
    expect(checkCost(schema, doc, {})).toBe(500 + 1 + 500 * 2 + 50_000 + 5_000);
    // Answered with 12 units, 30 pairs and no membership (never resolved: 0).
    const weighed = costWith(schema, doc, {}, undefined, new Map([['JurisdictionGraph.units', 12], ['JurisdictionGraph.shared', 30]]));
    expect(weighed).toBe(500 + 1 + 12 * 2 + 30);
    expect(weighed).toBeLessThan(HEAVY_COST);
  });
});
