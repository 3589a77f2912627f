/**
 * Free space before a write. Kuzu meeting a full disk in the middle of a write does not fail
 * cleanly (seen: "IO exception … Error: Success", a false duplicate key, then a crash of the
 * process), so the embedded store refuses a write it may not have room for, before starting it.
 */
import { statfsSync } from 'node:fs';

/** What a write needs at most beside the data (its write-ahead log, a checkpoint's copy): 64 MB by default. */
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/** The write was refused: the filesystem holding the data has less free space than a write may need. */
export class StorageFull extends Error {
  override readonly name = 'StorageFull';
  constructor(readonly dir: string, readonly freeBytes: number, readonly minFreeBytes: number) {
    super(
      `the disk holding DATA_DIR (${dir}) has ${mb(freeBytes)} free, under the ${mb(minFreeBytes)} a write may need: ` +
        'nothing was written; free some space there (or move DATA_DIR) and try again',
    );
  }
}

const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Throws StorageFull when dir's filesystem has less than minFreeBytes free. */
export function checkFreeSpace(dir: string, minFreeBytes: number): void {
  const free = freeBytes(dir);
  if (free < minFreeBytes) throw new StorageFull(dir, free, minFreeBytes);
}
