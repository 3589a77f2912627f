import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write a whole file or nothing: the text goes to a temporary file beside it, is flushed to disk,
 * then renamed over the old one (a rename is atomic on one file system), so a crash leaves either
 * the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Append one line (O_APPEND: concurrent appends never interleave within a line of this size). */
export async function appendLine(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${line}\n`, { mode: 0o600 });
}

/** Runs the jobs given to it one after another, so read-modify-write of one file never interleaves. */
export { serialiser as queue } from '../graph/store';
