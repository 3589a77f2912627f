/**
 * A map keyed by two strings without joining them. A bulk load looks up pairs of regions millions
 * of times (the ties of every task, the tallies, the hierarchy test): a joined key is a new string
 * each time, flattened and hashed on every look-up (it was most of the 5 s contributionOf took at
 * 10,000 plans, with the unit pairs); the parts' hashes are cached on the strings themselves.
 */
export class PairMap<V> {
  private readonly outer = new Map<string, Map<string, V>>();

  /** The value under (a, b), made first if there is none. */
  upsert(a: string, b: string, make: () => V): V {
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    let v = inner.get(b);
    if (v === undefined) inner.set(b, (v = make()));
    return v;
  }

  *entries(): IterableIterator<[string, string, V]> {
    for (const [a, inner] of this.outer) for (const [b, v] of inner) yield [a, b, v];
  }
}
