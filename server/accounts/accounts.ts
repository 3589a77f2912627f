import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { queue, writeFileAtomic } from './files';
import { hashPassword, passwordProblem, verifyPassword } from './password';

/**
 * Personal accounts, kept in DATA_DIR/accounts.json (mode 0600, written atomically): a file works
 * the same whichever graph store runs, and is read by the `npm run user` command with no server.
 * Passwords are kept only as scrypt hashes.
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do includes what the roles before it may do. */
export const roleAtLeast = (role: Role | null | undefined, needed: Role) => !!role && ROLES.indexOf(role) >= ROLES.indexOf(needed);

export interface Account {
  name: string;
  role: Role;
  hash: string;
  created: string;
  updated: string;
}

export type PublicAccount = Omit<Account, 'hash'>;

const NAME = /^[\p{L}\p{N}._-]{2,40}$/u;

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(message: string, readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' = 'BAD_USER_INPUT') {
    super(message);
  }
}

export const publicAccount = ({ hash: _hash, ...rest }: Account): PublicAccount => rest;

export class AccountStore {
  readonly file: string;
  private cache: { mtimeMs: number; accounts: Account[] } | null = null;
  private readonly serial = queue();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'accounts.json');
  }

  /** Re-read when the file changed (the `npm run user` command may write it while the server runs). */
  async list(): Promise<Account[]> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache.accounts;
    const text = await readFile(this.file, 'utf8');
    let accounts: Account[];
    try {
      accounts = (JSON.parse(text) as { accounts: Account[] }).accounts;
      if (!Array.isArray(accounts)) throw new Error('no "accounts" list');
    } catch (err) {
      throw new Error(`${this.file} is not a valid accounts file (${(err as Error).message}): restore it from a backup or remove it and add the accounts again`);
    }
    this.cache = { mtimeMs, accounts };
    return accounts;
  }

  async get(name: string): Promise<Account | undefined> {
    return (await this.list()).find((a) => a.name === name);
  }

  /** The account when the password matches; a wrong name costs as much as a wrong password. */
  async verify(name: string, password: string): Promise<Account | null> {
    const account = await this.get(name);
    const ok = await verifyPassword(password, account?.hash ?? DUMMY_HASH);
    return account && ok ? account : null;
  }

  async add(name: string, role: Role, password: string): Promise<Account> {
    checkName(name);
    checkRole(role);
    const problem = passwordProblem(password, name);
    if (problem) throw new AccountError(problem);
    const hash = await hashPassword(password);
    return this.change((accounts) => {
      if (accounts.some((a) => a.name === name)) throw new AccountError(`an account named ${name} already exists: choose another name, or change its role or password`, 'CONFLICT');
      const now = new Date().toISOString();
      const account = { name, role, hash, created: now, updated: now };
      accounts.push(account);
      return account;
    });
  }

  async setRole(name: string, role: Role): Promise<{ before: Account; after: Account }> {
    checkRole(role);
    return this.change((accounts) => {
      const i = indexOf(accounts, name);
      const before = accounts[i]!;
      if (before.role === 'admin' && role !== 'admin' && accounts.filter((a) => a.role === 'admin').length === 1) {
        throw new AccountError(`${name} is the last admin: make another account admin first`, 'CONFLICT');
      }
      const after = { ...before, role, updated: new Date().toISOString() };
      accounts[i] = after;
      return { before, after };
    });
  }

  async setPassword(name: string, password: string): Promise<Account> {
    const problem = passwordProblem(password, name);
    if (problem) throw new AccountError(problem);
    const hash = await hashPassword(password);
    return this.change((accounts) => {
      const i = indexOf(accounts, name);
      accounts[i] = { ...accounts[i]!, hash, updated: new Date().toISOString() };
      return accounts[i]!;
    });
  }

  async remove(name: string): Promise<Account> {
    return this.change((accounts) => {
      const i = indexOf(accounts, name);
      const gone = accounts[i]!;
      if (gone.role === 'admin' && accounts.filter((a) => a.role === 'admin').length === 1) {
        throw new AccountError(`${name} is the last admin: make another account admin first`, 'CONFLICT');
      }
      accounts.splice(i, 1);
      return gone;
    });
  }

  /** Read, change, write whole, one change at a time. */
  private change<T>(edit: (accounts: Account[]) => T): Promise<T> {
    return this.serial(async () => {
      const accounts = (await this.list()).map((a) => ({ ...a }));
      const result = edit(accounts);
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`);
      this.cache = null;
      return result;
    });
  }
}

/** A real hash of nothing anyone knows, so that an unknown name takes as long as a known one. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function checkName(name: string): void {
  if (!NAME.test(name)) throw new AccountError(`"${name.slice(0, 60)}" is not a usable account name: use 2–40 letters, digits, . _ or -`);
}

function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new AccountError(`"${role}" is not a role: use one of ${ROLES.join(', ')}`);
}

function indexOf(accounts: Account[], name: string): number {
  const i = accounts.findIndex((a) => a.name === name);
  if (i < 0) throw new AccountError(`there is no account named ${name}`, 'NOT_FOUND');
  return i;
}
