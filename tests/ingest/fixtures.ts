/** Helpers for the reader tests: fixtures are made here, from real plan text, in temp dirs removed afterwards. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { DocumentSource } from '../../server/extract/document-model';
import { TEMP_PREFIX } from '../../server/ingest/convert';
import { seedFiles } from '../support/seeds';

const run = promisify(execFile);

export const CORPUS_DIR = join(import.meta.dirname, '../../../shared/corpus');

export function seedLines(prefix: string): string[] {
  const f = seedFiles().find((x) => basename(x).startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(f, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
}

export function seedText(prefix: string): string {
  const f = seedFiles().find((x) => basename(x).startsWith(prefix))!;
  return readFileSync(f, 'utf8');
}

/** A corpus plan (read from the shared folder, never copied into the repository). */
export function corpusText(name: string): string {
  return readFileSync(join(CORPUS_DIR, `${name}.txt`), 'utf8');
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-fixture-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Convert a fixture with LibreOffice (the way a government office would save it). */
export async function libreOffice(dir: string, file: string, bytes: Uint8Array | string, to: string): Promise<Buffer> {
  const input = join(dir, file);
  writeFileSync(input, bytes);
  const out = join(dir, `out-${Date.now()}`);
  await run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, input], { timeout: 120_000, env: { ...process.env, HOME: dir } });
  const name = readdirSync(out).find((f) => extname(f) === `.${to.split(':')[0]}`);
  if (!name) throw new Error(`LibreOffice made no .${to} of ${file}`);
  return readFileSync(join(out, name));
}

/** The cells of a table as text, each read through its span (so the spans are checked too). */
export function cells(source: DocumentSource, table = 0): string[][] {
  const t = source.tables[table];
  if (!t) throw new Error(`no table ${table}`);
  return t.rows.map((row) => row.map((s) => source.text.slice(s.start, s.end)));
}

/** The temporary directories the readers made and left (there must be none). */
export function leftovers(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith(TEMP_PREFIX));
}
