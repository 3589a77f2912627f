/** How long a loop in JS may run before it lets the event loop turn (/healthz, light questions). */
const SLICE_MS = 10;

/**
 * For a long loop (a large result read from the store, the links of every task, a ledger batch):
 * call it once per item; every few hundred items, once SLICE_MS have passed, it gives a promise of
 * the next turn of the event loop.
 */
export function pacer(): () => Promise<void> | undefined {
  let start = performance.now();
  let n = 0;
  return () => {
    if (++n % 256 !== 0 || performance.now() - start < SLICE_MS) return undefined;
    return new Promise<void>((resolve) => setImmediate(() => {
      start = performance.now();
      resolve();
    }));
  };
}
