/** Integers from either store become JS numbers, refusing ones that would lose precision. */
export function safeNumber(v: bigint | number, what = 'integer'): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new RangeError(`${what} ${String(v)} is too large for a JavaScript number`);
  return n;
}
