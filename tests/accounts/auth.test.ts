/**
 * Accounts, roles, sessions and CSRF over real HTTP on the real embedded store: who may write,
 * what a write needs, and that a refused write changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../../server/graph/queries';
import { gql, HENGYANG_PLAN, INGEST_TOKEN, startTestApp } from '../api/helpers';
import { Browser, dataDirWith, PASSWORD } from '../support/session';
import { stores } from '../support/stores';

type App = Awaited<ReturnType<typeof startTestApp>>;
const PLAN = { name: 'hengyang-auth.txt', bytes: HENGYANG_PLAN };

describe.each(stores())('accounts and roles ($name)', (under) => {
  let app: App;
  let dataDir: string;
  const stats = async () => (await app.graph.run(read('stats')))[0];

  beforeAll(async () => {
    dataDir = await dataDirWith([['ada', 'admin'], ['eddie', 'editor'], ['vera', 'viewer']]);
    app = await startTestApp({ store: under, env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => app?.close());

  it('keeps passwords only as scrypt hashes', () => {
    const text = readFileSync(join(dataDir, 'accounts.json'), 'utf8');
    expect(text).not.toContain(PASSWORD);
    const accounts = JSON.parse(text).accounts as Array<{ hash: string }>;
    expect(accounts).toHaveLength(3);
    for (const a of accounts) expect(a.hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    // Each has its own salt: the same password hashes differently.
    expect(new Set(accounts.map((a) => a.hash)).size).toBe(3);
  });

  it('logs in with an http-only, SameSite=Strict cookie that expires, and refuses a wrong password', async () => {
    const b = new Browser(app.url);
    const wrong = await b.login('eddie', 'not the password');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as any).error.code).toBe('BAD_CREDENTIALS');
    const unknown = await b.login('nobody');
    expect(unknown.status).toBe(401);
    const ok = await b.login('eddie');
    expect(ok.status).toBe(200);
    const cookie = b.setCookie.find((c) => c.startsWith('sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Expires=/i);
    expect(cookie).not.toMatch(/Secure/); // plain http: COOKIE_SECURE=auto leaves it off
    const me = (await (await b.fetch('/api/auth/me')).json()) as any;
    expect(me.user).toEqual({ name: 'eddie', role: 'editor' });
    expect(me.csrfToken).toEqual(expect.any(String));
    expect((await b.gql('{ me { name role via } }')).data.me).toEqual({ name: 'eddie', role: 'EDITOR', via: 'SESSION' });
  });

  it('reading stays open without logging in', async () => {
    const r = await gql(app.url, '{ documents { id } me { name } }');
    expect(r.data.documents.length).toBeGreaterThan(0);
    expect(r.data.me).toBeNull();
  });

  it('a viewer cannot write: 403, and nothing changed', async () => {
    const before = await stats();
    const b = new Browser(app.url);
    await b.login('vera');
    const up = await b.upload([PLAN]);
    expect(up.status).toBe(403);
    expect(up.body.error.code).toBe('FORBIDDEN');
    expect(up.body.error.message).toContain('vera has the role viewer');
    const m = await b.gql('mutation { createAccount(name: "mallory", role: ADMIN, password: "0123456789abc") { name } }');
    expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stats()).toEqual(before);
    expect(JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8')).accounts.map((a: any) => a.name)).not.toContain('mallory');
  });

  it('nobody logged in cannot write', async () => {
    const b = new Browser(app.url);
    expect((await b.gql('mutation { deleteAccount(name: "vera") }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const up = await b.upload([PLAN]);
    expect(up.status).toBe(401);
  });

  it('a write without the CSRF token fails, and with it succeeds', async () => {
    const before = await stats();
    const b = new Browser(app.url);
    await b.login('eddie');
    const bare = await b.upload([PLAN], { csrf: false });
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const forged = await b.fetch('/api/documents', { method: 'POST', headers: { 'x-csrf-token': 'forged' }, body: new FormData(), csrf: false });
    expect(forged.status).toBe(403);
    expect(await stats()).toEqual(before);

    const admin = new Browser(app.url);
    await admin.login('ada');
    const noToken = await admin.gql('mutation { createAccount(name: "carol", role: VIEWER, password: "0123456789abc") { name } }', {}, { csrf: false });
    expect(noToken.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(noToken.errors?.[0]?.message).toContain('CSRF token');
    // Reads from the same session without the token are answered as to anyone.
    expect((await admin.gql('{ documents { id } }', {}, { csrf: false })).data.documents.length).toBeGreaterThan(0);

    const withToken = await b.upload([PLAN], { query: '?review=false' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.files[0]).toMatchObject({ ok: true, tasks: 2 });
    const created = await admin.gql('mutation { createAccount(name: "carol", role: VIEWER, password: "0123456789abc") { name role } }');
    expect(created.data.createAccount).toEqual({ name: 'carol', role: 'VIEWER' });
  });

  it('the API token still uploads for scripts, without CSRF', async () => {
    const r = await new Browser(app.url).fetch('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: (() => { const f = new FormData(); f.append('file', new Blob([HENGYANG_PLAN.replace('衡阳市', '衡阳市2026年')]), 'hengyang-token.txt'); return f; })() });
    expect(r.status).toBe(200);
  });

  it('account changes are admin-only and audited; the audit log is for admins', async () => {
    const admin = new Browser(app.url);
    await admin.login('ada');
    const role = await admin.gql('mutation { setAccountRole(name: "carol", role: EDITOR) { role } }');
    expect(role.data.setAccountRole.role).toBe('EDITOR');
    const last = await admin.gql('mutation { setAccountRole(name: "ada", role: VIEWER) { role } }');
    expect(last.errors?.[0]?.message).toContain('last admin');
    const log = await admin.gql('{ auditLog(limit: 50) { total entries { who action target before after } } }');
    const entries = log.data.auditLog.entries as any[];
    expect(entries[0]).toMatchObject({ who: 'ada', action: 'account-role', target: 'carol', before: '{"role":"viewer"}', after: '{"role":"editor"}' });
    expect(entries.some((e) => e.action === 'account-add' && e.target === 'carol')).toBe(true);
    expect(entries.some((e) => e.action === "upload" && e.who === "eddie" && e.target === "hengyang-auth")).toBe(true);

    const editor = new Browser(app.url);
    await editor.login('eddie');
    expect((await editor.gql('{ auditLog { total } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await editor.fetch('/api/audit.csv')).status).toBe(403);

    const csv = await admin.fetch('/api/audit.csv?action=account-role');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,who,action,target,before,after,note');
    expect(lines[1]).toContain(',ada,account-role,carol,"{""role"":""viewer""}","{""role"":""editor""}",');
  });

  it('logging out ends the session', async () => {
    const b = new Browser(app.url);
    await b.login('eddie');
    expect((await b.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect(((await (await b.fetch('/api/auth/me')).json()) as any).user).toBeNull();
    expect((await b.upload([PLAN])).status).toBe(401);
  });
});

describe.each(stores())('sessions expire, logins are rate-limited, reading can require a login ($name)', (under) => {
  let app: App;
  beforeAll(async () => {
    const dataDir = await dataDirWith([['eddie', 'editor']]);
    app = await startTestApp({ store: under, env: { DATA_DIR: dataDir, SESSION_MAX_AGE_MINUTES: '0.03', LOGIN_ATTEMPTS_PER_MINUTE: '4', READ_REQUIRES_LOGIN: 'true' } });
  });
  afterAll(async () => app?.close());

  it('reading needs a login when READ_REQUIRES_LOGIN=true; the page and the login stay open', async () => {
    expect((await gql(app.url, '{ documents { id } }')).status).toBe(401);
    expect((await fetch(`${app.url}/export/ledger.xlsx`)).status).toBe(401);
    expect((await fetch(`${app.url}/`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/auth/me`)).status).toBe(200);
    expect((await gql(app.url, '{ documents { id } }', {}, { authorization: `Bearer ${INGEST_TOKEN}` })).status).toBe(200);
    const b = new Browser(app.url);
    await b.login('eddie');
    expect((await b.gql('{ documents { id } }')).data.documents.length).toBeGreaterThan(0);
  });

  it('an expired session cannot write (nor read)', async () => {
    const b = new Browser(app.url);
    expect((await b.login('eddie')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_200)); // 0.03 min = 1.8 s
    const up = await b.upload([PLAN]);
    expect(up.status).toBe(401);
    expect((await b.gql('{ documents { id } }')).status).toBe(401);
    expect(((await (await b.fetch('/api/auth/me')).json()) as any).user).toBeNull();
  });

  it('holds the login rate limit, even for the right password', async () => {
    const b = new Browser(app.url);
    // Two logins above already count in this minute: 2 more are allowed.
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await b.login('eddie', 'wrong password')).status);
    const blocked = await b.login('eddie');
    expect(statuses).toEqual([401, 401]);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as any).error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });
});
