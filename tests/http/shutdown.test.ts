/**
 * Stopping and starting (issue 24): `npm start`'s process stopped with SIGTERM folds its
 * write-ahead log into the database file, and a DATA_DIR it may not write to is named as such.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { StoreError } from '../../server/graph/store';

const ROOT = join(import.meta.dirname, '../..');

describe('the app process', () => {
  it('checkpoints on SIGTERM: the seeds it loaded are in the database file, the log is empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sigterm-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`the app did not start: ${out}`)), 90_000);
      child.stdout.on('data', () => { if (/is running: http/.test(out)) { clearTimeout(t); resolve(); } });
    });
    const wal = join(dataDir, 'graph.kuzu.wal');
    expect(existsSync(wal) && statSync(wal).size > 0).toBe(true); // the seeds' load is in the log
    const code = await new Promise<number | null>((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); });
    expect(code).toBe(0);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    // Opened again, the store holds the five seeds.
    const store = new KuzuStore(join(dataDir, 'graph.kuzu'));
    expect((await store.run('MATCH (d:Document) RETURN count(d) AS n'))[0]!.n).toBe(5);
    await store.close();
  }, 120_000);

  it('names a DATA_DIR it cannot write to (a read-only filesystem), rather than blaming another copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readonly-'));
    const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
    const run = (cmd: string[]) => execFileSync(cmd[0]!, cmd.slice(1), { stdio: 'pipe' });
    try {
      run([...sudo, 'mount', '-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]);
    } catch (err) {
      throw new Error(`this test mounts a tmpfs and needs root or password-less sudo: ${(err as Error).message}`);
    }
    try {
      mkdirSync(join(dir, 'data'));
      run([...sudo, 'mount', '-o', 'remount,ro', dir]);
      let err: unknown;
      try {
        new KuzuStore(join(dir, 'data', 'graph.kuzu'));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(/its folder is not writable by this user\. Give DATA_DIR a folder the app may write to/);
    } finally {
      run([...sudo, 'umount', dir]);
    }
  });
});
