/** Integers from either store become JS numbers, refusing ones that would lose precision. */
export function safeNumber(v: bigint | number, what = 'integer'): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new RangeError(`${what} ${String(v)} is too large for a JavaScript number`);
  return n;
}

/**
 * Rows in the order of their `keys` (numbers as numbers, the rest as strings). Kuzu 0.11 does
 * not keep ORDER BY across a pattern of several relationship types (LEADS|RESPONSIBLE_FOR|…):
 * it now and then returns the types one after another. Where such an order matters, it is
 * applied again here.
 */
export function byKeys<T extends Record<string, unknown>>(...keys: string[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x ?? '') < String(y ?? '') ? -1 : 1;
    }
    return 0;
  };
}
