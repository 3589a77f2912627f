import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The project's own copy of the source documents. */
export const SEEDS_DIR = join(import.meta.dirname, '../seeds');

export function seedFilesIn(dir = SEEDS_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}
