/** Bad and unusual input files: each gets a clear reason and the others still go through. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, InputError, MAX_FILE_BYTES } from '../../server/extract/decode';
import { extract } from '../../server/extract/extract';
import { seedFiles } from '../support/seeds';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const seed000 = () => readFileSync(seedFiles()[0]!);

describe('decode', () => {
  it('refuses empty, binary and oversized files with the reason', () => {
    expect(() => decode(new Uint8Array())).toThrow(/empty/);
    expect(() => decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow(/binary/);
    expect(() => decode(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41))).toThrow(/over the 10 MB limit/);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 251) + 1);
    expect(() => decode(noise)).toThrow(InputError);
  });

  it('decodes GB18030, UTF-8 with BOM and UTF-16', () => {
    const text = seed000().toString('utf8');
    expect(decode(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed000()])).text).toBe(text);
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('extract on mixed inputs', () => {
  it('reads a GBK-encoded plan exactly like its UTF-8 original', () => {
    const utf8 = extract([{ file: 'a.txt', bytes: seed000() }]).documents[0]!;
    const gbk = extract([{ file: 'a.txt', bytes: iconv.encode(seed000().toString('utf8'), 'gbk') }]).documents[0]!;
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.tasks).toEqual(utf8.tasks);
  });

  it('skips bad files with a warning and still reads the good ones', () => {
    const r = extract([
      { file: 'empty.txt', bytes: new Uint8Array() },
      { file: 'image.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
      { file: 'plan.txt', bytes: seed000() },
      { file: 'notes-free.txt', bytes: Buffer.from('关于做好冬季供暖工作的通知\n各单位要高度重视。\n') },
    ]);
    expect(r.documents.map((d) => d.file)).toEqual(['plan.txt', 'notes-free.txt']);
    expect(r.failed).toEqual(['empty.txt', 'image.png']);
    expect(r.warnings.find((w) => w.file === 'empty.txt')!.message).toMatch(/empty; skipped/);
    expect(r.warnings.find((w) => w.file === 'image.png')!.message).toMatch(/binary/);
    expect(r.warnings.find((w) => w.file === 'notes-free.txt' && /no tasks found/.test(w.message))).toBeDefined();
  });
});

describe('npm run extract (the CLI)', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(ROOT, 'server/extract/cli.ts'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 })
      .then((r) => ({ code: 0, ...r }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

  it('prints the JSON contract on stdout and progress on stderr', async () => {
    const r = await cli(seedFiles());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['documents', 'units', 'regions', 'warnings']);
    expect(json.documents).toHaveLength(5);
    expect(r.stderr).toMatch(/5 documents, 83 tasks/);
  });

  it('prints a table with --format table', async () => {
    const r = await cli(['--format', 'table', seedFiles()[1]!]);
    expect(r.stdout).toContain('萍乡对接粤港澳大湾区建设行动方案');
    expect(r.stdout).toMatch(/tasks 17 · units 22 · lead 23/);
  });

  it('exits non-zero only when no file could be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const none = await cli([join(dir, 'empty.txt'), join(dir, 'missing.txt')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/missing\.txt: no such file/);
    expect(none.stderr).toMatch(/empty\.txt: the file is empty; skipped/);
    const some = await cli([join(dir, 'empty.txt'), seedFiles()[4]!]);
    expect(some.code).toBe(0);
    const bad = await cli(['--format', 'xml', seedFiles()[0]!]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --format "xml"/);
  });
});
