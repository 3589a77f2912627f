/**
 * Values worked out from rows the store read, once per those rows and a key. The read cache
 * (graph/cached-store.ts) hands every request the same row arrays until a write changes them, so a
 * value made from them holds as long as they do, and goes with them (weakly held). Values are
 * shared between requests: read only. A flood of keys is not kept (at most MAX_KEYS per rows).
 */
const MAX_KEYS = 64;

export function perRows<T>(): (rows: readonly object[], key: string, make: () => T) => T {
  const root = new WeakMap<object, WeakMap<object, unknown> | Map<string, T>>();
  return (rows, key, make) => {
    let level = root;
    let values: Map<string, T> | undefined;
    rows.forEach((r, i) => {
      const last = i === rows.length - 1;
      let next = level.get(r);
      if (last) {
        if (!next) level.set(r, (next = new Map<string, T>()));
        values = next as Map<string, T>;
      } else {
        if (!next) level.set(r, (next = new WeakMap()));
        level = next as WeakMap<object, WeakMap<object, unknown> | Map<string, T>>;
      }
    });
    if (!values) return make();
    let v = values.get(key);
    if (v === undefined) {
      if (values.size >= MAX_KEYS) values.clear();
      values.set(key, (v = make()));
    }
    return v;
  };
}
