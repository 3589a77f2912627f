/** `npm run user`: the first admin made from the command line, the password read from stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../server/accounts/accounts';

const ROOT = join(import.meta.dirname, '../..');
const user = (dataDir: string, args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/accounts/cli.ts'), ...args], { input, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir }, cwd: ROOT });

describe('npm run user', () => {
  it('adds an admin with the password from stdin, hashed, and audits it; refuses what is wrong with a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-'));
    const add = user(dir, ['add', 'boss', '--role', 'admin'], 'a long enough secret\n');
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('account boss (admin) added');
    expect(readFileSync(join(dir, 'accounts.json'), 'utf8')).not.toContain('a long enough secret');
    expect(await new AccountStore(dir).verify('boss', 'a long enough secret')).toMatchObject({ name: 'boss', role: 'admin' });
    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit).toEqual([expect.objectContaining({ action: 'account-add', target: 'boss', who: expect.stringMatching(/^cli:/), after: { role: 'admin' } })]);

    const short = user(dir, ['add', 'eve', '--role', 'editor'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toBe('the password is too short: use at least 10 characters\n');
    const role = user(dir, ['add', 'eve', '--role', 'owner'], 'a long enough secret\n');
    expect(role.stderr).toBe('"owner" is not a role: use one of viewer, editor, admin\n');
    const last = user(dir, ['role', 'boss', 'viewer']);
    expect(last.stderr).toBe('boss is the last admin: make another account admin first\n');
    expect(user(dir, ['list']).stdout).toMatch(/^boss\tadmin\t/);
  }, 60_000);
});
