#!/usr/bin/env node
/**
 * npm run extract -- [--format json|table] files…
 * Reads every format (.txt, .docx, .xlsx, .pdf, .html, legacy .doc/.xls through LibreOffice).
 * Prints the extraction contract as JSON on stdout; progress and warnings go to stderr.
 * Exits non-zero only when no file could be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { readInputs } from '../ingest/read-inputs';
import type { FileInput } from '../ingest/read';
import { coverageLine } from './coverage';
import { MAX_FILE_BYTES } from './decode';
import { extractMany } from './parallel';
import { formatTable } from './table-format';

const USAGE = 'usage: npm run extract -- [--format json|table] FILE…';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'json' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = args.values.format;
  if (format !== 'json' && format !== 'table') {
    process.stderr.write(`unknown --format "${format}": use json or table\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`no input files given\n${USAGE}\n`);
    return 2;
  }

  const files: FileInput[] = [];
  const unreadable: string[] = [];
  for (const file of args.positionals) {
    try {
      const size = statSync(file).size;
      // Don't read a huge file into memory just to refuse it.
      files.push({ file, bytes: size > MAX_FILE_BYTES ? new Uint8Array(size > 0 ? MAX_FILE_BYTES + 1 : 0) : readFileSync(file) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
      process.stderr.write(`error: ${file}: ${reason}\n`);
      unreadable.push(file);
    }
  }

  const bar = process.stderr.isTTY && files.length > 1
    ? new SingleBar({ format: '{stage} [{bar}] {value}/{total} {file}', clearOnComplete: true, stream: process.stderr })
    : null;
  // Reading (parsing, converting) is the slow part for non-text files: show it as its own stage.
  bar?.start(files.length, 0, { file: '', stage: 'reading' });
  const read = await readInputs(files, {
    onFile: (file, ok) => {
      if (bar) bar.increment({ file });
      else if (!ok) process.stderr.write(`skipped ${file}\n`);
    },
  });
  bar?.setTotal(read.inputs.length);
  bar?.update(0, { file: '', stage: 'extracting' });
  const extracted = await extractMany(read.inputs, {
    onFile: (file, ok) => {
      if (bar) bar.increment({ file });
      else process.stderr.write(`${ok ? 'read' : 'skipped'} ${file}\n`);
    },
  });
  bar?.stop();
  const result = { ...extracted, warnings: [...read.warnings, ...extracted.warnings], failed: [...read.failed, ...extracted.failed] };

  for (const w of result.warnings) process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  const { failed, texts: _texts, ...contract } = result;
  for (const d of contract.documents) if (d.coverage) process.stderr.write(`${coverageLine(d.file, d.coverage)}\n`);
  process.stdout.write(format === 'table' ? `${formatTable(contract)}\n` : `${JSON.stringify(contract, null, 2)}\n`);
  const tasks = contract.documents.reduce((n, d) => n + d.tasks.length, 0);
  process.stderr.write(`${contract.documents.length} documents, ${tasks} tasks, ${contract.units.length} units; ${failed.length + unreadable.length} files skipped\n`);
  return contract.documents.length === 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`unexpected error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
