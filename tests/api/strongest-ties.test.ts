/** The backbone of a unit network (server/api/analytics/strongest-ties.ts), on a network worked out by hand. */
import { describe, expect, it } from 'vitest';
import { strongestTies } from '../../server/api/analytics/strongest-ties';

// Four units; A shares most with each of the others, C–D and B–D as weak as each other.
const TIES = [
  { aId: 'C', bId: 'D', tasks: 1 },
  { aId: 'A', bId: 'B', tasks: 5 },
  { aId: 'B', bId: 'D', tasks: 1 },
  { aId: 'A', bId: 'D', tasks: 3 },
  { aId: 'B', bId: 'C', tasks: 2 },
  { aId: 'A', bId: 'C', tasks: 4 },
];
const pairs = (k: number | null) => strongestTies(TIES, k).map((t) => t.aId + t.bId);

describe('each unit’s strongest ties', () => {
  it('one each: every unit keeps its strongest, which for B, C and D is their tie to A', () => {
    expect(pairs(1)).toEqual(['AB', 'AC', 'AD']);
  });
  it('two each: D’s second is B–D, not C–D (equally weak: the ids decide, as the stores order them)', () => {
    // A: AB AC; B: AB BC; C: AC BC; D: AD BD.
    expect(pairs(2)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD']);
  });
  it('as many as a unit has, or no bound: every tie, strongest first', () => {
    expect(pairs(3)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    expect(pairs(null)).toEqual(pairs(3));
    expect(strongestTies([], 2)).toEqual([]);
  });
});
