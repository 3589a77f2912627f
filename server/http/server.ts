import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { exportLedger, LedgerInputError } from '../api/ledger';
import { createLoaders } from '../api/loaders';
import type { Context } from '../api/resolvers';
import { read } from '../graph/queries';
import type { GraphStore } from '../graph/store';

/** Larger than any query; a plan sent to ingestDocument fits (≈ 600,000 Chinese characters). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `request body is ${declared} bytes, over the ${MAX_BODY_BYTES} byte limit`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body is over the ${MAX_BODY_BYTES} byte limit`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * A thin HTTP layer: /graphql (Apollo), /healthz, and the web app's static files; CORS only
 * for configured origins; request bodies capped. No framework, nothing implicit.
 */
export function createHttpServer(opts: {
  apollo: ApolloServer<Context>;
  store: GraphStore;
  /** The store itself, not a cache in front of it: /healthz must see an outage. */
  health: GraphStore;
  config: Config;
  log: Logger;
  webDir: string;
}): Server {
  const { apollo, store, config, log, webDir } = opts;
  const origins = (config.CORS_ORIGIN ?? '').split(',').map((s) => s.trim()).filter(Boolean);

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (!origin || origins.length === 0) return;
    if (origins.includes('*') || origins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'content-type, authorization, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        throw new HttpError(400, 'request body is not valid JSON');
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({ store, config, loaders: createLoaders(store), authorization: req.headers.authorization }),
    });
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const health = async (res: ServerResponse) => {
    try {
      const [s] = await opts.health.run(read('stats'));
      sendJson(res, 200, { status: 'ok', store: { kind: store.kind, location: store.location }, documents: s?.documents ?? 0, tasks: s?.tasks ?? 0 });
    } catch (err) {
      sendJson(res, 503, { status: 'unavailable', store: { kind: store.kind, location: store.location }, error: (err as Error).message });
    }
  };

  // The ledger's logic is in server/api/ledger.ts; this only answers the request.
  const ledger = async (res: ServerResponse, url: URL) => {
    let file;
    try {
      file = await exportLedger(store, url.searchParams, config.DUE_SOON_DAYS);
    } catch (err) {
      if (err instanceof LedgerInputError) throw new HttpError(400, err.message);
      throw err;
    }
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'content-length': file.body.length,
      'cache-control': 'no-store',
    });
    res.end(file.body);
  };

  const staticFile = (res: ServerResponse, pathname: string) => {
    const index = join(webDir, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>责任落实图谱</title><p>The web app is not built (run <code>npm run build</code>). The GraphQL API is at <a href="/graphql">/graphql</a>.</p>');
      return;
    }
    const file = normalize(join(webDir, decodeURIComponent(pathname)));
    const target = file.startsWith(webDir) && existsSync(file) && statSync(file).isFile() ? file : index; // SPA: unknown paths get the app
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': target.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(target).pipe(res);
  };

  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      cors(req, res);
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
      } else if (url.pathname === '/graphql') await graphql(req, res, url);
      else if (url.pathname === '/healthz') await health(res);
      else if (url.pathname === '/export/ledger.xlsx' && req.method === 'GET') await ledger(res, url);
      else if (req.method === 'GET' || req.method === 'HEAD') staticFile(res, url.pathname);
      else throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: (err as Error).message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
      else res.end();
    } finally {
      log.debug({ method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    }
  });
}
