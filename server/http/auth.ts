import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { roleAtLeast, type Role } from '../accounts/accounts';
import { writeFileAtomic } from '../accounts/files';
import type { Config } from '../config';
import type { Services } from '../services';
import { HttpError } from './errors';

declare module 'fastify' {
  interface Session { user?: string }
  interface FastifyRequest {
    /** Who sent this request (null: nobody logged in and no API token). */
    principal: Principal | null;
    /** A cookie session sent the right CSRF token (always true for the API token: a browser never sends it by itself). */
    csrfOk: boolean;
  }
}

/** A person logged in (`session`), or a script with the INGEST_TOKEN (`token`, acting as an editor). */
export interface Principal { name: string; role: Role; via: 'session' | 'token' }

/** What the GraphQL resolvers of the accounts, documents and audit domains need. */
export interface AuthContext { principal: Principal | null; csrfOk: boolean; services: Services }

export type { Services };

export const SESSION_COOKIE = 'sid';
const LOGIN_PATH = '/api/auth/login';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session secret: SESSION_SECRET, or one made once and kept in DATA_DIR/session.key (0600). */
async function sessionSecret(config: Config): Promise<string> {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = join(config.dataDir, 'session.key');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const made = randomBytes(48).toString('base64url');
  await writeFileAtomic(file, made);
  return made;
}

function bearerPrincipal(config: Config, authorization: string | undefined): Principal | null {
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token || !config.INGEST_TOKEN) return null;
  const a = Buffer.from(token);
  const b = Buffer.from(config.INGEST_TOKEN);
  return a.length === b.length && timingSafeEqual(a, b) ? { name: 'token', role: 'editor', via: 'token' } : null;
}

/** Paths that stay open when READ_REQUIRES_LOGIN is set: the page itself, logging in, health. */
const openPath = (path: string) => !(path === '/graphql' || path.startsWith('/api/') || path.startsWith('/export/')) || path.startsWith('/api/auth/');

/**
 * Cookies, sessions (memory store: a restart logs everyone out), CSRF tokens and the login rate
 * limit, registered on the root instance so that every route sees `req.principal`. Writes from a
 * cookie session must carry the CSRF token (header `x-csrf-token`, from /api/auth/me or the login
 * answer); GraphQL, where reads are POSTs too, treats a session without it as anonymous, so its
 * writes are refused and its reads answered as to anyone.
 */
export async function installAuth(app: FastifyInstance, opts: { config: Config; log: Logger; services: Services }): Promise<void> {
  const { config, services } = opts;
  const maxAge = config.SESSION_MAX_AGE_MINUTES * 60_000;

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: await sessionSecret(config),
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    // Not the plugin's secure: 'auto', which turns SameSite down to Lax over plain http.
    cookie: { httpOnly: true, sameSite: 'strict', secure: config.COOKIE_SECURE === 'true', maxAge, path: '/' },
  });
  if (config.COOKIE_SECURE === 'auto') {
    // Secure when the request came over TLS (req.protocol sees x-forwarded-proto only with trustProxy).
    app.addHook('onSend', async (req, reply) => {
      if (req.protocol !== 'https') return;
      const set = reply.getHeader('set-cookie');
      const list = Array.isArray(set) ? set : typeof set === 'string' ? [set] : [];
      if (list.length > 0) void reply.header('set-cookie', list.map((c) => (c.startsWith(`${SESSION_COOKIE}=`) && !/;\s*Secure/i.test(c) ? `${c}; Secure` : c)));
    });
  }
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyRateLimit, { global: false });

  app.decorateRequest('principal', null);
  app.decorateRequest('csrfOk', false);

  app.addHook('onRequest', async (req) => {
    if (req.headers.authorization) {
      req.principal = bearerPrincipal(config, req.headers.authorization);
      req.csrfOk = true;
    } else if (req.session.user) {
      // Read the account each time: a removed account or a changed role takes effect at once.
      const account = await services.accounts.get(req.session.user);
      if (account) req.principal = { name: account.name, role: account.role, via: 'session' };
    }
    const path = req.url.split('?')[0]!;
    if (config.READ_REQUIRES_LOGIN && !req.principal && !openPath(path)) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'this server requires logging in to read: log in on the page, or send Authorization: Bearer <INGEST_TOKEN>');
    }
  });

  app.addHook('preHandler', (req, reply, done) => {
    if (req.principal?.via !== 'session' || !WRITE_METHODS.has(req.method) || req.url === LOGIN_PATH) return done();
    let failure: unknown = null;
    // The plugin's check answers a failure itself; a stand-in reply catches it so that GraphQL can decide.
    const stand = { send: (err: unknown) => { failure = err; } } as unknown as FastifyReply;
    app.csrfProtection.call(app, req, stand, () => undefined);
    req.csrfOk = failure === null;
    if (req.csrfOk || req.url.split('?')[0] === '/graphql') return done();
    done(new HttpError(403, 'CSRF_TOKEN_INVALID', 'the CSRF token is missing or wrong: send the token from GET /api/auth/me in the x-csrf-token header (reload the page if it is open in another tab)'));
  });

  app.post(LOGIN_PATH, {
    config: { rateLimit: { max: config.LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000, errorResponseBuilder: (_req, ctx) => new HttpError(429, 'TOO_MANY_LOGIN_ATTEMPTS', `too many login attempts from this address: wait ${Math.ceil(ctx.ttl / 1000)} s and try again`) } },
  }, async (req, reply) => {
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof body.name !== 'string' || typeof body.password !== 'string') throw new HttpError(400, 'BAD_REQUEST', 'send {"name": …, "password": …} as JSON');
    const account = await services.accounts.verify(body.name, body.password);
    if (!account) throw new HttpError(401, 'BAD_CREDENTIALS', 'the name or the password is wrong');
    // A new session id at login, so that an id planted before it is worth nothing.
    await req.session.regenerate();
    req.session.user = account.name;
    await services.audit.append({ who: account.name, action: 'login', target: account.name });
    return reply.send({ user: { name: account.name, role: account.role }, csrfToken: reply.generateCsrf() });
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const name = req.principal?.via === 'session' ? req.principal.name : null;
    await req.session.destroy();
    if (name) await services.audit.append({ who: name, action: 'logout', target: name });
    return reply.send({ user: null });
  });

  app.get('/api/auth/me', async (req, reply) => {
    const p = req.principal;
    void reply.header('cache-control', 'no-store');
    return {
      user: p ? { name: p.name, role: p.role } : null,
      csrfToken: p?.via === 'session' ? reply.generateCsrf() : null,
      readRequiresLogin: config.READ_REQUIRES_LOGIN,
    };
  });

}

/** For REST routes: the principal when it has at least `role`, else 401/403 saying why. */
export function requireRoleHttp(req: FastifyRequest, role: Role): Principal {
  const p = req.principal;
  if (!p) throw new HttpError(401, 'UNAUTHENTICATED', `this needs an ${role} account: log in, or send Authorization: Bearer <INGEST_TOKEN>`);
  if (!roleAtLeast(p.role, role)) throw new HttpError(403, 'FORBIDDEN', `${p.name} has the role ${p.role}; this needs ${role}: ask an admin`);
  return p;
}
