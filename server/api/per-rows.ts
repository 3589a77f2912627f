/**
 * Values worked out from rows the store read, once per those rows and a key. The read cache
 * (graph/cached-store.ts) hands every request the same row arrays until a write changes them, so a
 * value made from them holds as long as they do, and goes with them (weakly held). Values are
 * shared between requests: read only. A promise that fails is not kept; nor is a flood of keys
 * (at most MAX_KEYS per rows).
 */
const MAX_KEYS = 64;

type Level<T> = WeakMap<object, Level<T> | Map<string, T>>;

export function perRows<T>(): (rows: readonly [object, ...object[]], key: string, make: () => T) => T {
  const root: Level<T> = new WeakMap();
  return (rows, key, make) => {
    let level = root;
    for (const r of rows.slice(0, -1)) {
      let next = level.get(r) as Level<T> | undefined;
      if (!next) level.set(r, (next = new WeakMap()));
      level = next;
    }
    const last = rows[rows.length - 1]!;
    let values = level.get(last) as Map<string, T> | undefined;
    if (!values) level.set(last, (values = new Map()));
    let v = values.get(key);
    if (v === undefined) {
      if (values.size >= MAX_KEYS) values.clear();
      values.set(key, (v = make()));
      if (v instanceof Promise) v.catch(() => values.get(key) === v && values.delete(key));
    }
    return v;
  };
}
