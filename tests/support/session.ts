/**
 * A browser's part in a cookie session, for the tests: keeps the session cookie it is given, logs
 * in, and sends GraphQL and uploads with or without the CSRF token.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountStore, type Role } from '../../server/accounts/accounts';

export const PASSWORD = 'correct horse battery';

/** A fresh DATA_DIR holding these accounts (all with PASSWORD). */
export async function dataDirWith(accounts: Array<[string, Role]>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'data-'));
  const store = new AccountStore(dir);
  for (const [name, role] of accounts) await store.add(name, role, PASSWORD);
  return dir;
}

export class Browser {
  cookie = '';
  csrf: string | null = null;
  setCookie: string[] = [];

  constructor(readonly url: string) {}

  async fetch(path: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    if (init.csrf !== false && this.csrf) headers.set('x-csrf-token', this.csrf);
    const res = await fetch(`${this.url}${path}`, { ...init, headers });
    this.setCookie = res.headers.getSetCookie();
    for (const c of this.setCookie) {
      const [pair] = c.split(';');
      if (pair?.startsWith('sid=')) this.cookie = pair;
    }
    return res;
  }

  async login(name: string, password = PASSWORD): Promise<Response> {
    const res = await this.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    if (res.ok) this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }

  async gql(query: string, variables: Record<string, unknown> = {}, opts: { csrf?: boolean } = {}): Promise<{ status: number; data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
    const res = await this.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), csrf: opts.csrf });
    return { status: res.status, ...((await res.json()) as object) };
  }

  async upload(files: Array<{ name: string; bytes: Uint8Array | string }>, opts: { csrf?: boolean; query?: string } = {}): Promise<{ status: number; body: any }> {
    const form = new FormData();
    for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? Buffer.from(f.bytes) : f.bytes]), f.name);
    const res = await this.fetch(`/api/documents${opts.query ?? ''}`, { method: 'POST', body: form, csrf: opts.csrf });
    return { status: res.status, body: await res.json() };
  }
}
