import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { GraphStore } from '../../server/graph/store';
import { kuzu, type StoreUnderTest } from '../support/stores';

/** A short plan written for the ingest tests: 2 tasks; units 市政务服务中心, 市发改委, 市大数据局, 市税务局, 市财政局. */
export const HENGYANG_PLAN = [
  '衡阳市优化营商环境行动方案',
  '一、重点任务',
  '(一)提升政务服务',
  '1、推进一网通办。全面推行“一件事一次办”。(市政务服务中心牵头,市发改委、市大数据局配合)',
  '2、优化纳税服务。压缩办税时间。(市税务局负责,市财政局协助)',
].join('\n');

export const INGEST_TOKEN = 'test-token-0123456789abcdef';

/**
 * The real app on a fresh store (Kuzu unless `store` says otherwise; seeds loaded at start), on a
 * free port of 127.0.0.1. `graph` is the store itself, under the app's read cache.
 */
export async function startTestApp(opts: { store?: StoreUnderTest; wrap?: (store: GraphStore) => GraphStore; env?: Record<string, string>; webDir?: string } = {}): Promise<App & { graph: GraphStore }> {
  const graph = await (opts.store ?? kuzu).open({ empty: true });
  try {
    // A DATA_DIR of its own: accounts, the audit log and kept originals never land in the working tree.
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', INGEST_TOKEN, LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')), ...opts.env });
    const app = await startApp(config, { store: opts.wrap ? opts.wrap(graph) : graph, log: pino({ level: 'silent' }), webDir: opts.webDir ?? join(tmpdir(), 'no-web') });
    const closeApp = app.close;
    return Object.assign(app, {
      graph,
      close: async () => {
        try {
          await closeApp();
        } finally {
          await graph.close();
        }
      },
    });
  } catch (err) {
    await graph.close();
    throw err;
  }
}

export interface GqlResult { status: number; data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }

export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GqlResult, 'status'>) };
}
