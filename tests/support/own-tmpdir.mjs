/**
 * Runs a command (the test runner) with TMPDIR set to a directory of its own, and removes that
 * directory when the command ends, however it ends: the suites make stores, data directories,
 * browser profiles and a Neo4j database under os.tmpdir(), and left there they filled the disk
 * (thousands of directories, tens of GB, over a few runs). Usage: node own-tmpdir.mjs <command> [args…]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tests/support/own-tmpdir.mjs <command> [args…]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'plan-tests-'));
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, TMPDIR: dir } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`cannot run ${command}: ${err.message}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
