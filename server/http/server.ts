import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PassThrough } from 'node:stream';
import { constants as zlibConstants } from 'node:zlib';
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { exportLedger, LedgerInputError } from '../api/ledger';
import { progressRoutes } from './progress';
import { dubanRoutes } from './duban';
import { createLoaders } from '../api/loaders';
import { timeoutAnswer } from '../api/errors';
import { AnswerCache, type ChangeSource } from '../api/response-cache';
import { AnswerSizes } from '../api/answer-sizes';
import type { Context } from '../api/resolvers';
import { BudgetExceeded, withBudget, type Budget } from '../graph/budget';
import { RequestStore } from '../graph/request-store';
import { READ_TIMEOUT_MS } from '../ingest/limits';
import { ReaderPool } from '../ingest/reader-pool';
import { healthCheck } from './health';
import type { GraphStore } from '../graph/store';
import { createServices } from '../services';
import { installAuth } from './auth';
import { documentRoutes } from './documents';
import { recordRoutes } from './records';
import { HttpError, sendError } from './errors';

/** Larger than any query; a plan sent to ingestDocument fits (≈ 600,000 Chinese characters). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * What the web app needs, nothing more: its own scripts, styles and API; images from itself or
 * drawn in the page (PNG export); never framed. No upgrade-insecure-requests: the app is often
 * served over plain http on a LAN address, where upgrading would break every asset.
 */
const APP_CSP = {
  useDefaults: false as const,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
  },
};

/**
 * Apollo's landing page at GET /graphql brings its own CSP (a per-render nonce in a <meta> tag)
 * and loads Apollo's CDN; a header policy would intersect with it and break the page. The
 * header keeps only what a <meta> policy cannot say: never framed.
 */
const GRAPHQL_CSP = {
  useDefaults: false as const,
  // (helmet types its "no default-src" marker as a plain symbol; the option accepts it.)
  directives: { defaultSrc: fastifyHelmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc as unknown as null, frameAncestors: ["'none'"] },
};

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>责任落实图谱</title><p>The web app is not built (run <code>npm run build</code>). The GraphQL API is at <a href="/graphql">/graphql</a>.</p>';

/**
 * The HTTP layer (Fastify): /graphql (Apollo), /api/documents (upload), /healthz, and the web
 * app's static files (compressed, cached by hash), with security headers on every answer and
 * CORS only for configured origins.
 */
export async function createHttpServer(opts: {
  apollo: ApolloServer<Context>;
  store: GraphStore;
  /** The store itself, not a cache in front of it: /healthz must see an outage. */
  health: GraphStore;
  config: Config;
  log: Logger;
  webDir: string;
}): Promise<FastifyInstance> {
  const { apollo, store, config, log, webDir } = opts;

  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    // Keep-alive connections would hold close() open for the browser tests.
    forceCloseConnections: true,
    // A URL that cannot be decoded (GET /%E0%A4%A) is the client's mistake: 400, said plainly.
    frameworkErrors: (err, req, reply) => {
      const status = err.code === 'FST_ERR_BAD_URL' ? 400 : (err.statusCode ?? 400);
      const message = err.code === 'FST_ERR_BAD_URL' ? `the URL ${JSON.stringify(req.raw.url ?? '')} is malformed (a bad %-escape): fix the link` : err.message;
      // Framework errors skip the hooks, helmet's included.
      void reply.header('x-content-type-options', 'nosniff');
      void sendError(reply, req, new HttpError(status, err.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST', message));
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    log.debug({ method: req.method, path: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, req, err);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, req, new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body is over the ${MAX_BODY_BYTES} byte limit`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) return sendError(reply, req, new HttpError(400, 'BAD_REQUEST', 'request body is not valid JSON'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, req, new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `content type ${JSON.stringify(req.headers['content-type'] ?? '')} is not accepted on ${req.url.split('?')[0]}: send application/json`));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log.error({ err, path: req.url }, 'request failed');
    return sendError(reply, req, new HttpError(status, status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', status === 500 ? `internal error: ${err.message}` : err.message));
  });

  await app.register(fastifyHelmet, { contentSecurityPolicy: APP_CSP, frameguard: { action: 'deny' } });
  // Brotli at quality 4: as small as gzip's best and fast; its default (11) took seconds for a 5 MB answer.
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } } });
  const services = createServices(config, store);
  await installAuth(app, { config, log, services });

  const origins = (config.CORS_ORIGIN ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (origins.length > 0) {
    await app.register(fastifyCors, {
      origin: origins.includes('*') ? '*' : origins,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
    });
  }

  // Uploads are read and extracted in child processes with memory and time limits (ingest/reader-pool.ts).
  const readers = new ReaderPool({ size: config.READER_PROCESSES, queue: config.READER_QUEUE, rssMb: config.READER_RSS_MB, timeoutMs: READ_TIMEOUT_MS });
  app.addHook('onClose', async () => readers.close());
  const kept = new WeakSet<FastifyRequest>();
  const progress = services.progress.records;
  const generation = () => progress.generation + services.documentProgress.generation;
  // What heavy questions weighed, to let the same question asked again past the heavy gate when light (api/answer-sizes.ts).
  const sizes = new AnswerSizes(store as Partial<ChangeSource>, generation);
  // Each request reads through a view of the store that carries its time budget (graph/request-store.ts).
  const budgets = new WeakMap<FastifyRequest, Budget>();
  const graphql = fastifyApolloHandler(apollo, {
    context: async (req) => {
      const budget = budgets.get(req);
      const view = budget ? new RequestStore(store, budget) : store;
      return { store: view, budget, config, readers, loaders: createLoaders(view, budget), authorization: req.headers.authorization, keepAnswer: () => kept.add(req), sizes,
        auth: { principal: req.principal, csrfOk: req.csrfOk, services } };
    },
  });
  // A question asked again is answered with the JSON sent the first time, until a write changes
  // what it read (api/response-cache.ts). Lights and progress are in the answers too: the progress
  // file's generation and that of the decisions on links read from reports are in the key.
  // Without a change source (KEEP_ANSWERS reads or false) no answer is kept.
  const answers = new AnswerCache((config.KEEP_ANSWERS === 'true' ? store : {}) as Partial<ChangeSource>, generation);
  app.route({
    method: ['GET', 'POST'], url: '/graphql', helmet: { contentSecurityPolicy: GRAPHQL_CSP },
    handler: async function (req, reply) {
      const key = req.method === 'POST' ? answers.keyOf(req.body) : null;
      const hit = key ? answers.get(key) : undefined;
      if (hit !== undefined) return reply.type('application/json; charset=utf-8').send(hit);
      // The request's time budget (graph/budget.ts) holds for every read it makes, however deep, and
      // for the answer: when fields still under way would make it late, it is sent without them.
      // Waiting for the same question asked a moment before counts against it too.
      let done: ReturnType<AnswerCache['begin']> | undefined;
      let shared: string | undefined;
      let body: unknown;
      const reads = new Set<string>();
      try {
        body = await withBudget(config.QUERY_TIMEOUT_MS, async (budget) => {
          budgets.set(req, budget);
          shared = key ? await answers.inFlight(key) : undefined;
          if (shared !== undefined) return shared;
          done = key ? answers.begin(key, reads) : undefined;
          return graphql.call(this, req, reply) as Promise<unknown>;
        }, { reads });
      } catch (err) {
        done?.(undefined);
        if (!(err instanceof BudgetExceeded)) throw err;
        return reply.code(503).header('retry-after', '10').type('application/json; charset=utf-8').send(timeoutAnswer(err));
      }
      if (shared !== undefined) return reply.type('application/json; charset=utf-8').send(shared);
      done?.(typeof body === 'string' && kept.has(req) ? body : undefined);
      return body;
    },
  });

  const health = healthCheck(opts.health);
  app.get('/healthz', async (_req, reply) => {
    const h = await health();
    return reply.code(h.status === 'ok' ? 200 : 503).send(h);
  });

  await app.register(documentRoutes, { store, readers, config, log, services });
  await app.register(recordRoutes, { services });
  await app.register(progressRoutes, { services });
  await app.register(dubanRoutes, { store, config, services });

  // The ledger's logic is in server/api/ledger.ts; this only answers the request.
  app.get('/export/ledger.xlsx', async (req, reply) => {
    let file;
    try {
      file = await exportLedger(store, new URL(req.url, 'http://localhost').searchParams, config.DUE_SOON_DAYS, { index: await services.progress.records.index(), staleDays: config.PROGRESS_STALE_DAYS });
    } catch (err) {
      if (err instanceof LedgerInputError) throw new HttpError(400, 'BAD_REQUEST', err.message);
      throw err;
    }
    // Streamed as the rows are read: a province's ledger is never held whole in memory.
    const body = new PassThrough();
    file.write(body).catch((err: unknown) => {
      log.error({ err }, 'ledger export failed midway');
      body.destroy(err as Error);
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      // Hashed bundles never change under their name; index.html must be checked every time.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(reply, req, new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}`));
    }
    // A missing bundle or API path is a 404; any other path is a view of the app (SPA).
    if (path.startsWith('/assets/') || path.startsWith('/api/')) {
      return sendError(reply, req, new HttpError(404, 'NOT_FOUND', `${path} does not exist`));
    }
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.sendFile('index.html');
  });

  return app;
}
