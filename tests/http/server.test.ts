/**
 * The HTTP layer over real HTTP: compression and caching of the built web assets, security
 * headers, the SPA fallback, CORS, Apollo's landing page, and a malformed URL.
 */
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { gql, startTestApp } from '../api/helpers';

type App = Awaited<ReturnType<typeof startTestApp>>;

/** A raw request (what `curl -sI` sees): node's http, nothing decoded or normalised. */
function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP layer', () => {
  let app: App;
  let script: string;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first (npm test does)');
    script = `/assets/${readdirSync(join(WEB_DIR, 'assets')).find((f) => f.startsWith('main-') && f.endsWith('.js'))}`;
    app = await startTestApp({ webDir: WEB_DIR });
  }, 60_000);
  afterAll(async () => app?.close());

  it('serves a hashed bundle compressed (brotli or gzip, as asked), cached for good, with the security headers', async () => {
    const br = await raw(app.url, script, { method: 'HEAD', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['x-frame-options']).toBe('DENY');
    const csp = String(br.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');

    const gz = await raw(app.url, script, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    const plain = await raw(app.url, script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('serves index.html uncached, and the app for any view path (SPA), but 404 for a missing bundle', async () => {
    const index = await raw(app.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body.toString()).toContain('<div id="root">');
    const view = await raw(app.url, `/some/shared/view?unit=${encodeURIComponent('360300:市商务局')}`);
    expect(view.status).toBe(200);
    expect(view.headers['cache-control']).toBe('no-cache');
    expect(view.body.equals(index.body)).toBe(true);
    const missing = await raw(app.url, '/assets/main-00000000.js');
    expect(missing.status).toBe(404);
  });

  it('answers a malformed URL with 400, not 500, and keeps serving', async () => {
    const bad = await raw(app.url, '/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).errors[0]).toEqual({
      message: 'the URL "/%E0%A4%A" is malformed (a bad %-escape): fix the link', extensions: { code: 'BAD_URL' },
    });
    expect((await raw(app.url, '/healthz')).status).toBe(200);
  });

  it('keeps GraphQL as it was: POST answers, GET shows Apollo’s landing page under its own CSP', async () => {
    const r = await gql(app.url, '{ stats { documents } }');
    expect(r.data.stats.documents).toBe(5);
    const landing = await raw(app.url, '/graphql', { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(landing.body.toString()).toContain('Apollo');
    // The page's own <meta> CSP (with its nonce) governs it; the header only forbids framing.
    expect(landing.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(landing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses large GraphQL answers too', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      body: JSON.stringify({ query: '{ units(limit: 500) { id name kind } }' }),
    });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(((await res.json()) as any).data.units.length).toBe(163);
  });

  it('sends no CORS headers when CORS_ORIGIN is not set', async () => {
    const r = await raw(app.url, '/graphql', { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS from CORS_ORIGIN', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ env: { CORS_ORIGIN: 'https://dashboard.example, https://other.example' } });
  }, 60_000);
  afterAll(async () => app?.close());

  it('answers a preflight from a configured origin, and only from one', async () => {
    const pre = await raw(app.url, '/graphql', {
      method: 'OPTIONS', headers: { origin: 'https://dashboard.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://dashboard.example');
    expect(String(pre.headers['access-control-allow-headers'])).toMatch(/authorization/);
    expect(String(pre.headers['access-control-allow-methods'])).toMatch(/POST/);
    const post = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://other.example' }, body: JSON.stringify({ query: '{ stats { documents } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe('https://other.example');
    const stranger = await raw(app.url, '/graphql', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });
});
