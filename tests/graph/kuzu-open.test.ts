/**
 * What the embedded store says when it will not open (server/graph/kuzu-store.ts whyNotOpened):
 * a write-ahead log it cannot replay is named, with what to do, instead of a guess at a second copy
 * of the app. The log is made by another database in a process of its own (tests/support/kuzu-unreplayable-wal.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whyNotOpened } from '../../server/graph/kuzu-store';

const support = join(import.meta.dirname, '../support/kuzu-unreplayable-wal.ts');
const child = (mode: string, dir: string) => execFileSync(process.execPath, ['--import', 'tsx', support, mode, dir], { encoding: 'utf8' }).trim().split('\n').at(-1)!;

describe('the embedded store that will not open', () => {
  it('names a write-ahead log it cannot replay, and what to do; the log is left where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuzu-open-'));
    expect(child('make', dir)).toBe('READY');
    const said = JSON.parse(child('open', dir)) as { name: string; message: string };
    expect(said.name).toBe('StoreError');
    expect(said.message).toContain(`its write-ahead log ${join(dir, 'graph.kuzu.wal')}`);
    expect(said.message).toMatch(/could not be replayed: .*already exists/);
    expect(said.message).toContain('move');
    expect(said.message).not.toContain('another copy of the app');
    expect(existsSync(join(dir, 'graph.kuzu.wal'))).toBe(true);
  }, 60_000);

  it('without a log to replay, or when the lock is held, asks whether another copy runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuzu-open-'));
    expect(whyNotOpened(join(dir, 'graph.kuzu'), 'IO exception: Could not set lock on file')).toContain('Is another copy of the app running on the same DATA_DIR?');
  });
});
