/**
 * A map keyed by two strings without joining them. A bulk load counts a few million pairs
 * (units sharing a task, regions a task ties): a joined key is a new string each time, flattened
 * and hashed on every look-up, and that was most of the 5 s contributionOf took at 10,000 plans;
 * the parts' hashes are cached on the strings themselves.
 */
export class PairMap<V> {
  private readonly outer = new Map<string, Map<string, V>>();

  get(a: string, b: string): V | undefined {
    return this.outer.get(a)?.get(b);
  }

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
