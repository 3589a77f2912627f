/**
 * The backbone of a unit network: each unit's k strongest ties. A city's units nearly all share
 * some task with one another (a busy city of the 10,000-plan benchmark: 53 units, 1,375 of the
 * 1,378 possible pairs; 200 units could give 19,900), which the page can neither draw readably
 * nor fetch cheaply. A pair is kept when it is among the k strongest of either of its units, so
 * no unit loses its own strongest ties to a global threshold.
 */
export interface Tie { aId: string; bId: string; tasks: number }

/** Strongest first; equal ones by their ids (code points, as the stores order strings). */
const stronger = (x: Tie, y: Tie) => y.tasks - x.tasks || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0);

/** The ties among the k strongest of either unit, strongest first; all of them (sorted) when k is null. */
export function strongestTies<T extends Tie>(ties: readonly T[], k: number | null): T[] {
  const sorted = [...ties].sort(stronger);
  if (k === null) return sorted;
  const rank = new Map<string, number>();
  return sorted.filter((t) => {
    const ra = rank.get(t.aId) ?? 0;
    const rb = rank.get(t.bId) ?? 0;
    rank.set(t.aId, ra + 1);
    rank.set(t.bId, rb + 1);
    return ra < k || rb < k;
  });
}
